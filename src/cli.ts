// The command line: declares commands and options, then hands over to one function per command file.
// Command modules are imported on demand so that `samling --help` stays as quick as a bare `node`.
// This file holds the one top-level catch that sets the exit code.
import { Command, CommanderError, Option } from 'commander';
import { EXIT_BAD_INPUT, ExitCode, InputError, formatInputError } from './errors.js';
import { configureColor } from './ui/color.js';
import { VERSION } from './version.js';
import type { GlobalOptions } from './commands/context.js';

const program = new Command('samling');

program
  .description('Registrations, paid hotel places and rooming lists for a gathering of a region\'s municipalities.')
  .version(VERSION, '-V, --version', 'print the version')
  .option('-w, --workspace <dir>', 'the workspace folder', '.')
  .option('-c, --config <file>', 'settings file (default: samling.config.json in the workspace, else the embedded 2021 event)')
  .option('-o, --out <dir>', 'folder for the outputs, never emptied (default: out/ in the workspace)')
  .addOption(new Option('--lang <lang>', 'language of the outputs').choices(['nn', 'nb', 'en']).default('nn'))
  .option('--json', 'print the result as JSON on stdout (never prompts)')
  .option('--no-input', 'never prompt (also when stdin is not a terminal or CI is set)')
  .option('--no-color', 'no colours (also with NO_COLOR or when stdout is not a terminal)')
  .option('-q, --quiet', 'print no messages, only data and errors')
  .option('--verbose', 'show how long each step takes, and the details of unexpected errors')
  .showSuggestionAfterError(true)
  .showHelpAfterError('(run samling --help for usage)')
  .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
  .exitOverride()
  .addHelpText(
    'after',
    `
Examples:
  samling plan fixtures/google-forms-nn.csv     import, decide and write every list to out/
  samling import påmelding.csv --dry-run        see what an import would do, change nothing
  samling status                                the overview: places per municipality, nights, what needs you
  samling late --approve k3m9x2qa               approve a late registration (an e-mail works too)
  samling check && echo "nothing waits"         exit 1 when something needs the organiser

Exit codes: 0 done; 1 done, but something needs the organiser; 2 bad usage or unreadable input (nothing written).`,
  );

// Each command module's default export takes its options and positional arguments.
type Action = (opts: never, ...args: never[]) => Promise<void>;

/** Wires a command to its module, loaded only when the command runs. */
function run(load: () => Promise<{ default: Action }>) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const opts = cmd.optsWithGlobals() as GlobalOptions;
    configureColor({ noColorFlag: opts.color === false });
    const mod = await load();
    await mod.default(opts as never, ...(args.slice(0, -1) as never[]));
  };
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

program
  .command('plan')
  .summary('the main job: import, decide and write every output')
  .description('Imports the files (if any), applies the accommodation rules and decisions, writes the rooming lists,\nmunicipality summaries and letters, the late list and what needs attention to --out, and prints the overview.')
  .argument('[files...]', 'registration exports (.csv, .tsv, .txt, .xlsx)')
  .option('--map <header=field>', 'map a column to a field, e.g. --map "Kva kommune?=organisation" (repeatable)', collect)
  .option('--sheet <name>', 'the sheet to read in an .xlsx (default: the first)')
  .option('--delimiter <char>', 'separator in the CSV outputs', ';')
  .addOption(new Option('--format <format>', 'rooming list format').choices(['csv', 'xlsx']).default('csv'))
  .option('--strict', 'exit 1 when something needs the organiser')
  .option('--review', 'in a terminal: go through unknown municipality names and choose who gets the places where a municipality is over its quota')
  .addHelpText('after', `
In a terminal, plan asks when a column cannot be found, when a municipality name is unclear and (after new
files, or with --review) who gets the places where a municipality has more people than places. Answers are
saved as decisions. Without a terminal (or with --no-input, --json, CI) it never asks and says which flag decides.

Examples:
  samling plan fixtures/google-forms-nn.csv
  samling plan påmelding.csv --format xlsx --lang en --out utsending
  samling plan                     (plan again on what the workspace holds)
  samling plan --review            (choose who gets the places, name unclear municipalities)`)
  .action(run(() => import('./commands/plan.js')));

program
  .command('import')
  .summary('import registration exports into the workspace')
  .description('Reads sign-up exports into the workspace: the same rows again change nothing, a newer export updates\nwhat changed, and every problem is named with file and row.')
  .argument('<files...>', 'registration exports (.csv, .tsv, .txt, .xlsx)')
  .option('--map <header=field>', 'map a column to a field, e.g. --map "Kva kommune?=organisation" (repeatable)', collect)
  .option('--sheet <name>', 'the sheet to read in an .xlsx (default: the first)')
  .option('-n, --dry-run', 'show what would happen, write nothing')
  .addHelpText('after', `
Examples:
  samling import svar.csv
  samling import svar.csv ms-forms.xlsx --dry-run
  samling import eksport.csv --map "Arbeidsgivar=organisation"

In a terminal, import asks for a column it cannot find (remembered in samling.config.json) and what an unclear
municipality name means (remembered as a decision).`)
  .action(run(() => import('./commands/import.js')));

program
  .command('status')
  .summary('the overview: places per municipality, rooms per night, what needs attention')
  .addHelpText('after', `
Examples:
  samling status
  samling status --json | jq '.municipalities[] | select(.registered == 0) | .name'`)
  .action(run(() => import('./commands/status.js')));

program
  .command('check')
  .summary('exit 1 when anything needs attention or waits for review (for scripts)')
  .addHelpText('after', `
Examples:
  samling check || echo "something needs you: samling status"
  samling check --quiet && samling rooming-list`)
  .action(run(() => import('./commands/check.js')));

program
  .command('late')
  .summary('list late registrations; approve or reject them')
  .argument('[ids...]', 'with --approve or --reject: registration ids or e-mails')
  .option('--approve <ids...>', 'approve these late registrations')
  .option('--reject <ids...>', 'reject these late registrations')
  .addHelpText('after', `
Examples:
  samling late
  samling late --approve k3m9x2qa ola.nordmann@example.org
  samling late --reject k3m9x2qa`)
  .action(run(() => import('./commands/late.js')));

program
  .command('decide')
  .summary('cover/uncover a place, grant or deny the extra night, cancel, map a municipality, undo')
  .argument('[id]', 'registration id or e-mail (leave out to list the decisions)')
  .option('--cover', 'give this person one of the municipality\'s places')
  .option('--uncover', 'take this person out of the places')
  .option('--extra-night', 'grant the extra night')
  .option('--no-extra-night', 'deny the extra night')
  .option('--cancel', 'cancel the registration')
  .option('--not-duplicate', 'not the same person as a namesake flagged as a likely duplicate')
  .option('--municipality <code|name|none>', 'what the typed organisation means: a municipality, or "none" (not one of the region)')
  .option('--undo', 'undo the latest decision for this registration')
  .addHelpText('after', `
Examples:
  samling decide k3m9x2qa --cover
  samling decide kari@example.org --extra-night
  samling decide k3m9x2qa --municipality Kristiansund     ("Kristiansand" means Kristiansund, remembered)
  samling decide k3m9x2qa --undo`)
  .action(run(() => import('./commands/decide.js')));

program
  .command('rooming-list')
  .summary('write the rooming list and the changes since the last one, per hotel')
  .option('--delimiter <char>', 'separator in the CSV outputs', ';')
  .addOption(new Option('--format <format>', 'rooming list format').choices(['csv', 'xlsx']).default('csv'))
  .addHelpText('after', `
Examples:
  samling rooming-list
  samling rooming-list --format xlsx --out til-hotellet     (only the rooming files go there)
  samling rooming-list --delimiter ,     (for a spreadsheet that expects commas)`)
  .action(run(() => import('./commands/rooming-list.js')));

program
  .command('summary')
  .summary('write municipalities.csv, a letter per municipality, the late list and what needs attention')
  .option('--delimiter <char>', 'separator in the CSV outputs', ';')
  .addHelpText('after', `
Examples:
  samling summary
  samling summary --lang nb --out til-kommunane`)
  .action(run(() => import('./commands/summary.js')));

program
  .command('report')
  .summary('write report.html: one page with the figures, every municipality, and what waits')
  .option('--no-names', 'numbers only, no personal data (writes report-no-names.html), for partners')
  .addHelpText('after', `
Examples:
  samling report
  samling report --no-names --lang en`)
  .action(run(() => import('./commands/report.js')));

program
  .command('lists')
  .summary('write participants.csv, dietary.csv and digital-participants.csv')
  .option('--delimiter <char>', 'separator in the CSV outputs', ';')
  .addHelpText('after', `
Examples:
  samling lists
  samling lists --lang en --delimiter ,`)
  .action(run(() => import('./commands/lists.js')));

program
  .command('init')
  .summary('write samling.config.json for a new event, asking for each setting')
  .option('-y, --yes', 'write the defaults without asking')
  .option('-f, --force', 'overwrite an existing samling.config.json')
  .addHelpText('after', `
In a terminal, init asks for each setting, the embedded 2021 event's value as the default (enter keeps it).

Examples:
  samling init                    ask, then write samling.config.json
  samling init --yes              write the defaults without asking, to edit by hand
  samling init --force            start again over an existing samling.config.json
  samling init --workspace ../samling-2025`)
  .action(run(() => import('./commands/init.js')));

// Every command's own --help starts with a line on what it is for.
for (const c of program.commands) {
  if (!c.description()) c.description(c.summary().charAt(0).toUpperCase() + c.summary().slice(1) + '.');
}

// `samling status | head`: a reader that stops early is not an error. What is printed after it is dropped (the
// stream is closed, see ui/output), and the command ends as it would have, with its own exit code (`check`'s 1).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with code 0; usage errors (already printed by commander) with 2.
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : EXIT_BAD_INPUT;
    }
    if (e instanceof ExitCode) return e.exitCode;
    if (e instanceof InputError) {
      process.stderr.write(formatInputError(e) + '\n');
      return e.exitCode;
    }
    if (isPromptExit(e)) {
      process.stderr.write('samling: stopped; nothing was changed.\n');
      return 130;
    }
    const verbose = process.argv.includes('--verbose');
    process.stderr.write(`samling: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
    process.stderr.write(verbose ? `${(e as Error)?.stack ?? ''}\n` : 'This is a bug in samling. Run again with --verbose for details and report it.\n');
    return 70;
  }
}

function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

process.exitCode = await main(process.argv);
