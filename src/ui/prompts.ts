// The one prompts module. Every question the tool asks goes through here, so tests can answer them
// without a terminal (setPrompts), and @inquirer/prompts is loaded only when a question is really asked.
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

export interface Prompts {
  input(q: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
  select<T>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  /** `validate` gets the values ticked: true, or a message saying what is wrong. */
  checkbox<T>(q: { message: string; choices: Choice<T>[]; validate?: (values: T[]) => true | string }): Promise<T[]>;
}

const inquirer: Prompts = {
  async input(q) {
    const { input } = await import('@inquirer/prompts');
    return input({ message: q.message, default: q.default, validate: q.validate });
  },
  async confirm(q) {
    const { confirm } = await import('@inquirer/prompts');
    return confirm(q);
  },
  async select(q) {
    const { select } = await import('@inquirer/prompts');
    return select({ message: q.message, choices: q.choices, default: q.default, pageSize: 12 });
  },
  async checkbox(q) {
    const { checkbox } = await import('@inquirer/prompts');
    const validate = q.validate;
    return checkbox({
      message: q.message,
      choices: q.choices,
      pageSize: 15,
      ...(validate ? { validate: (ticked: readonly { value: (typeof q.choices)[number]['value'] }[]) => validate(ticked.map((c) => c.value)) } : {}),
    });
  },
};

let current: Prompts = inquirer;

export function prompts(): Prompts {
  return current;
}

/** For tests: answer the questions with `p`; returns a function that restores the real prompts. */
export function setPrompts(p: Prompts): () => void {
  const before = current;
  current = p;
  return () => {
    current = before;
  };
}
