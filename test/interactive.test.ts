// The commands as an organiser meets them in a terminal (questions answered through the prompts module,
// run in-process with stdin and stdout taken for terminals), and without one (the built CLI with stdin
// closed and no CI): nothing prompts, and the message names the flag or decision that answers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import importCommand from '../src/commands/import.js';
import planCommand from '../src/commands/plan.js';
import lateCommand from '../src/commands/late.js';
import { planFor } from '../src/commands/shared.js';
import { Workspace } from '../src/workspace/workspace.js';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { InputError } from '../src/errors.js';
import type { GlobalOptions } from '../src/commands/context.js';
import { BIN, snapshot, tempWorkspace } from './helpers/cli.js';
import { ctrlC, enter, script, type Answer } from './helpers/scripted-prompts.js';

// A form whose municipality question is headed "Arbeidsplass", which samling does not recognise.
const HEADER = 'Tidsmerke,E-post,Namn,Arbeidsplass';
const ROWS = [
  '01.09.2021 kl. 09.00.00,nora.lie@example.org,Nora Lie,Ørsta',
  '02.09.2021 kl. 10.00.00,even.moe@example.org,Even Moe,Kristiansand',
  ...['Ane Berg', 'Per Dal', 'Siv Ås', 'Tor Li', 'Eli Nes'].map((n, i) => `03.09.2021 kl. 1${i}.00.00,${n.split(' ')[0]!.toLowerCase()}@example.org,${n},Volda`),
  '16.09.2021 kl. 08.00.00,liv.vik@example.org,Liv Vik,Molde',
];
const csv = (rows = ROWS) => [HEADER, ...rows].join('\n') + '\n';

const opts = (ws: string, more: object = {}) => ({ workspace: ws, lang: 'en', input: true, color: false, ...more }) as GlobalOptions;
const state = (ws: string) => new Workspace(ws).load();
const plannedIn = (ws: string, settings = DEFAULT_EVENT) => planFor(state(ws), settings);

let restore = () => {};
let out: string[] = [];
const saved = { stdin: process.stdin.isTTY, stdout: process.stdout.isTTY, ci: process.env.CI };
beforeEach(() => {
  // A terminal on both ends, not in CI: samling may ask.
  process.stdin.isTTY = true;
  process.stdout.isTTY = true;
  delete process.env.CI;
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
});
afterEach(() => {
  restore();
  vi.restoreAllMocks();
  process.stdin.isTTY = saved.stdin;
  process.stdout.isTTY = saved.stdout;
  if (saved.ci !== undefined) process.env.CI = saved.ci;
});
function answer(answers: Answer[]) {
  const s = script(answers);
  restore = s.restore;
  return s;
}

describe('in a terminal: import asks, and remembers the answers', () => {
  it('a missing column is picked and saved in the config; an unclear name becomes a decision; places chosen', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'svar.csv'), csv());
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ quota: 3, aliases: { Hovudkontoret: null } }));
    const s = answer([
      [/no column found for the municipality or organisation/, (q) => q.choices!.find((c) => c.name.includes('Arbeidsplass'))!.value],
      [/“Kristiansand” is not a municipality of Møre og Romsdal/, () => '1505'],
      [/1 municipality has more people than places \(Volda 5 for 3\)/, () => true],
      // Ane, Per and Siv by the rule; the organiser gives Siv's place to Eli.
      [/Volda: 5 people for 3 places/, (q) => q.choices!.filter((c) => /Ane|Per|Eli/.test(c.name)).map((c) => c.value)],
    ]);
    await importCommand(opts(ws), [join(ws, 'svar.csv')]);
    expect(s.left()).toBe(0);

    // The column is remembered, and the rest of the config is kept.
    const config = JSON.parse(readFileSync(join(ws, 'samling.config.json'), 'utf8'));
    expect(config).toEqual({ quota: 3, aliases: { Hovudkontoret: null }, columns: { Arbeidsplass: 'organisation' } });
    const settings = { ...DEFAULT_EVENT, quota: 3 };
    const p = plannedIn(ws, settings);
    const who = (first: string) => p.registrations.find((r) => r.firstName === first)!;
    expect(who('Even').municipality?.name).toBe('Kristiansund');
    expect(who('Even').status).toBe('covered');
    const voldaCovered = p.registrations.filter((r) => r.municipality?.name === 'Volda' && r.status === 'covered').map((r) => r.firstName);
    expect(voldaCovered.sort()).toEqual(['Ane', 'Eli', 'Per']);
    expect(state(ws).decisions.map((d) => d.kind)).toEqual(['map-municipality', 'uncover', 'cover']);
    const printed = out.join('');
    expect(printed).toMatch(/Remembered: “Kristiansand” means Kristiansund/);
    expect(printed).toMatch(/Volda: the places go to Ane Berg, Per Dal, Eli Nes/);
    expect(printed).toMatch(/Remembered in .*samling\.config\.json: "Arbeidsplass" is organisation/);
    expect(printed).toMatch(/1 late registration waits for a decision: samling late/);

    // Next time: no column question, and Volda (decided) and Kristiansand (remembered) are not asked about again.
    writeFileSync(join(ws, 'svar2.csv'), csv([...ROWS, '04.09.2021 kl. 09.00.00,ola.hol@example.org,Ola Hol,Ørsta']));
    const again = answer([]);
    await importCommand(opts(ws), [join(ws, 'svar2.csv')]);
    expect(again.asked).toEqual([]);
  });

  it('a config that cannot be written (to remember a column) is exit 2, and import and plan change nothing', async () => {
    for (const command of [importCommand, planCommand]) {
      const ws = tempWorkspace();
      writeFileSync(join(ws, 'svar.csv'), csv());
      writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ quota: 3 }));
      // A folder where samling writes the new config before renaming it into place.
      mkdirSync(join(ws, `.samling.config.json.${process.pid}.tmp`));
      const before = snapshot(ws);
      answer([
        [/no column found for the municipality or organisation/, (q) => q.choices!.find((c) => c.name.includes('Arbeidsplass'))!.value],
        [/“Kristiansand” is not a municipality of Møre og Romsdal/, () => '1505'],
        [/more people than places/, () => false],
      ]);
      const e = await command(opts(ws), [join(ws, 'svar.csv')]).then(() => null, (err: unknown) => err);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toMatch(/cannot be written: a folder has that name/);
      // (plan's new state, written beside the old one, is removed once the disk has flushed it)
      await vi.waitFor(() => expect(snapshot(ws)).toEqual(before), { timeout: 2000 });
    }
  });

  it('skipping and "no" leave everything to the rules and to later', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'svar.csv'), csv());
    answer([
      [/no column found/, (q) => q.choices!.find((c) => c.name.includes('Arbeidsplass'))!.value],
      [/Kristiansand/, () => 'skip'],
      [/more people than places \(Volda 5 for 4\)/, enter],
    ]);
    await importCommand(opts(ws), [join(ws, 'svar.csv')]);
    expect(state(ws).decisions).toEqual([]);
    expect(plannedIn(ws).registrations.find((r) => r.firstName === 'Even')!.status).toBe('needs-attention');
    expect(out.join('')).toMatch(/unclear: samling decide ID --municipality CODE/);
    expect(out.join('')).toMatch(/More people than places: Volda 5 for 4\. .*samling decide ID --cover \/ --uncover/);
  });

  it('"none of these" stops with the --map hint, and writes nothing', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'svar.csv'), csv());
    const before = snapshot(ws);
    answer([[/no column found/, () => null]]);
    await expect(importCommand(opts(ws), [join(ws, 'svar.csv')])).rejects.toThrow(InputError);
    expect(snapshot(ws)).toEqual(before);
  });

  it('--dry-run asks for the column but remembers nothing', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'svar.csv'), csv());
    const before = snapshot(ws);
    answer([[/no column found/, (q) => q.choices!.find((c) => c.name.includes('Arbeidsplass'))!.value]]);
    await importCommand(opts(ws, { dryRun: true }), [join(ws, 'svar.csv')]);
    expect(snapshot(ws)).toEqual(before);
    expect(out.join('')).toMatch(/not remembered \(use --map "Header=field"/);
  });
});

describe('Ctrl+C leaves the workspace as it was', () => {
  for (const [where, answers] of [
    ['at the column question', [[/no column found/, ctrlC]]],
    ['at the municipality question', [[/no column found/, (q) => q.choices!.find((c) => c.name.includes('Arbeidsplass'))!.value], [/Kristiansand/, ctrlC]]],
    ['at the places question', [[/no column found/, (q) => q.choices!.find((c) => c.name.includes('Arbeidsplass'))!.value], [/Kristiansand/, () => '1505'], [/more people than places/, () => true], [/Volda/, ctrlC]]],
  ] as [string, Answer[]][]) {
    it(`in plan, ${where}: no state, no config change, no outputs`, async () => {
      const ws = tempWorkspace();
      writeFileSync(join(ws, 'svar.csv'), csv());
      writeFileSync(join(ws, 'samling.config.json'), '{ "quota": 4 }\n');
      const before = snapshot(ws);
      answer(answers);
      await expect(planCommand({ ...opts(ws), format: 'csv', delimiter: ';' }, [join(ws, 'svar.csv')])).rejects.toMatchObject({ name: 'ExitPromptError' });
      expect(snapshot(ws)).toEqual(before);
      expect(existsSync(join(ws, '.samling'))).toBe(false);
    });
  }

  it('in an existing workspace, the state file is untouched', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'svar.csv'), csv());
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ columns: { Arbeidsplass: 'organisation' } }));
    answer([[/Kristiansand/, () => 'skip'], [/more people than places/, () => false]]);
    await importCommand(opts(ws), [join(ws, 'svar.csv')]);
    const before = snapshot(ws);
    writeFileSync(join(ws, 'svar2.csv'), csv([...ROWS, '05.09.2021 kl. 09.00.00,kari.nes@example.org,Kari Nes,Kristiansand']));
    const withNew = snapshot(ws);
    answer([[/Kristiansand/, ctrlC]]);
    await expect(importCommand(opts(ws), [join(ws, 'svar2.csv')])).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(snapshot(ws)).toEqual(withNew);
    expect(Object.keys(withNew).filter((k) => !(k in before))).toEqual(['svar2.csv']);
  });
});

describe('in a terminal: late and plan --review', () => {
  it('samling late with no flags: tick to approve and reject, saved as decisions', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'svar.csv'), csv([...ROWS, '17.09.2021 kl. 08.00.00,jon.ek@example.org,Jon Ek,Ørsta']));
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ columns: { Arbeidsplass: 'organisation' } }));
    answer([[/Kristiansand/, () => 'skip'], [/more people than places/, () => false]]);
    await importCommand(opts(ws), [join(ws, 'svar.csv')]);
    const late = plannedIn(ws).registrations.filter((r) => r.status === 'late-pending');
    expect(late.map((r) => r.firstName).sort()).toEqual(['Jon', 'Liv']);
    const liv = late.find((r) => r.firstName === 'Liv')!.id;
    const jon = late.find((r) => r.firstName === 'Jon')!.id;
    answer([[/2 late registration\(s\).*APPROVE/, () => [liv]], [/REJECT/, () => [jon]]]);
    await lateCommand(opts(ws), []);
    const d = state(ws).decisions;
    expect(d.map((x) => [x.kind, x.id])).toEqual([['approve-late', liv], ['reject-late', jon]]);
  });

  it('plan --review asks about every unclear name and undecided municipality, not only new rows', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'svar.csv'), csv());
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ columns: { Arbeidsplass: 'organisation' } }));
    answer([[/Kristiansand/, () => 'skip'], [/more people than places/, () => false]]);
    await importCommand(opts(ws), [join(ws, 'svar.csv')]);
    const s = answer([[/Kristiansand/, () => 'none'], [/Volda: 5 people for 4 places/, enter]]);
    await planCommand({ ...opts(ws), review: true, format: 'csv', delimiter: ';' }, []);
    expect(s.left()).toBe(0);
    expect(state(ws).decisions).toMatchObject([{ kind: 'map-municipality', name: 'kristiansand', code: null }]);
    expect(plannedIn(ws).registrations.find((r) => r.firstName === 'Even')!.status).toBe('not-eligible');
    expect(existsSync(join(ws, 'out', 'rooming-list-hotel.csv'))).toBe(true);
  });

  it('plan --review without a terminal says which decisions answer instead', async () => {
    const ws = tempWorkspace();
    process.stdin.isTTY = false;
    await expect(planCommand({ ...opts(ws), review: true }, [])).rejects.toMatchObject({
      message: expect.stringMatching(/not a terminal/),
      hint: expect.stringMatching(/samling decide ID --cover \/ --uncover/),
    });
  });
});

describe('without a terminal (stdin closed, no CI): nothing prompts, the message names the flag', () => {
  const env = { ...process.env, NO_COLOR: '1', TZ: 'Europe/Oslo' } as NodeJS.ProcessEnv;
  delete env.CI;
  const closed = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('init without --yes: exit 2, names --yes, writes nothing', () => {
    const ws = tempWorkspace();
    const r = closed(['init'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/samling init --yes/);
    expect(existsSync(join(ws, 'samling.config.json'))).toBe(false);
  });

  it('import with a column it cannot find: exit 2, names --map; unclear names and over quota name samling decide', () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'svar.csv'), csv());
    const r = closed(['import', 'svar.csv'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--map "Header=organisation"/);
    expect(r.stderr).toMatch(/"Arbeidsplass"/);
    const ok = closed(['plan', 'svar.csv', '--map', 'Arbeidsplass=organisation'], ws);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout + ok.stderr).toMatch(/samling decide ID --municipality CODE/);
    expect(ok.stderr).toMatch(/More people than places: Volda 5 for 4\. .*samling decide ID --cover \/ --uncover\./);
    // late with no flags lists instead of asking, and says how to decide.
    const late = closed(['late'], ws);
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(/Liv Vik/);
    expect(late.stderr).toMatch(/samling late --approve ID/);
    expect(existsSync(join(ws, 'samling.config.json'))).toBe(false);
  });
});
