// Answers samling's questions without a terminal: each answer names the question it expects (a pattern on
// its message) and returns what the organiser would pick. An unexpected or missing question fails the test.
import { setPrompts, type Choice, type Prompts } from '../../src/ui/prompts.js';

export type Kind = 'input' | 'confirm' | 'select' | 'checkbox';
export interface Question {
  kind: Kind;
  message: string;
  default?: unknown;
  choices?: Choice<unknown>[];
  validate?: (v: never) => true | string;
}
export type Answer = [RegExp, (q: Question) => unknown];

/** The answer an organiser gets by pressing enter: the default, or the pre-ticked boxes. */
export const enter = (q: Question): unknown =>
  q.kind === 'checkbox' ? q.choices!.filter((c) => c.checked).map((c) => c.value) : q.kind === 'select' ? (q.default ?? q.choices![0]!.value) : (q.default ?? '');

/** Answers the questions in order; returns what was asked and a function to restore the real prompts. */
export function script(answers: Answer[]): { asked: Question[]; restore: () => void; left: () => number } {
  const queue = [...answers];
  const asked: Question[] = [];
  const ask = async (kind: Kind, q: Omit<Question, 'kind'>): Promise<never> => {
    const question = { kind, ...q } as Question;
    asked.push(question);
    const next = queue.shift();
    if (!next) throw new Error(`unexpected question: ${q.message}`);
    if (!next[0].test(q.message)) throw new Error(`expected a question matching ${next[0]}, got: ${q.message}`);
    const value = next[1](question);
    if (value instanceof Error) throw value;
    if (question.validate) {
      const ok = question.validate(value as never);
      if (ok !== true) throw new Error(`answer ${JSON.stringify(value)} rejected: ${ok}`);
    }
    return value as never;
  };
  const p: Prompts = {
    input: (q) => ask('input', q as Omit<Question, 'kind'>) as Promise<string>,
    confirm: (q) => ask('confirm', q) as Promise<boolean>,
    select: (q) => ask('select', q as Omit<Question, 'kind'>),
    checkbox: (q) => ask('checkbox', q as Omit<Question, 'kind'>),
  };
  const restore = setPrompts(p);
  return { asked, restore, left: () => queue.length };
}

/** What @inquirer/prompts throws on Ctrl+C. */
export function ctrlC(): Error {
  const e = new Error('User force closed the prompt with SIGINT');
  e.name = 'ExitPromptError';
  return e;
}
