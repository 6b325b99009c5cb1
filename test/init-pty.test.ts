// `samling init` in a real pseudo-terminal (tmux): the organiser answers with the keyboard and the
// written samling.config.json holds the answers. Skipped, with a message, when tmux is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, tempWorkspace } from './helpers/cli.js';

const TMUX = ['/usr/bin/tmux', '/usr/local/bin/tmux', '/opt/homebrew/bin/tmux'].find((p) => existsSync(p));
if (!TMUX) console.warn('init-pty.test.ts: tmux not found, the pseudo-terminal tests are skipped (install tmux to run them)');

// A tmux server of our own (its socket in a temporary folder), so no other tmux is touched; stopped at the end.
const SOCKET_DIR = mkdtempSync(join(tmpdir(), 'samling-tmux-'));
const SOCKET = join(SOCKET_DIR, 'socket');
const tmux = (...args: string[]) => execFileSync(TMUX!, ['-S', SOCKET, ...args], { encoding: 'utf8' });
afterAll(() => {
  if (TMUX) spawnSync(TMUX, ['-S', SOCKET, 'kill-server']);
  rmSync(SOCKET_DIR, { recursive: true, force: true });
});

let sessions = 0;
/** Starts `command` in a new 160×50 terminal in `cwd`; returns its session name. */
function start(cwd: string, command: string): string {
  const name = `s${++sessions}`;
  // No CI in the terminal (else samling would rightly refuse to ask); no colours, to read the screen plainly.
  tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '50', '-c', cwd, `env -u CI NO_COLOR=1 ${command}; echo "EXIT=$?"; sleep 30`);
  return name;
}
const screen = (s: string) => tmux('capture-pane', '-p', '-t', s);

async function waitFor(s: string, re: RegExp, ms = 15_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const text = screen(s);
    if (re.test(text)) return text;
    if (Date.now() > until) throw new Error(`waited for ${re} on the screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for the question (the line starting with "?") and answers: text typed, then the keys. */
async function ask(s: string, question: RegExp, typed: string, ...keys: string[]) {
  await waitFor(s, new RegExp(`^\\? .*${question.source}`, 'm'));
  if (typed) tmux('send-keys', '-t', s, '-l', typed);
  tmux('send-keys', '-t', s, ...keys, 'Enter');
}

describe.skipIf(!TMUX)('samling init in a terminal', () => {
  it('asks every setting with the 2021 event as default, and writes the answers to samling.config.json', async () => {
    const ws = tempWorkspace();
    const s = start(ws, `${process.execPath} ${BIN} init`);
    await ask(s, /County/, '');
    await ask(s, /Year of the gathering/, '');
    await ask(s, /Name of the event/, '');
    await ask(s, /Venue/, '');
    await ask(s, /Main night/, '');
    await ask(s, /Starts/, '');
    await ask(s, /Ends/, '');
    await ask(s, /night before \(2021-11-10\)/, '');
    await ask(s, /deadline/, '');
    await ask(s, /Paid places per municipality/, '5');
    await ask(s, /Late registrations/, '', 'Down'); // review → accept
    await ask(s, /extra-night requests for review/, '');
    await ask(s, /Name the hotel/, 'y');
    await ask(s, /Hotel name/, 'Hotell Bryggen');
    await ask(s, /Rooms per night/, '60');
    await ask(s, /Room rate per night \(blank = the event rate\)/, '1290');
    await ask(s, /Add another hotel/, '');
    await ask(s, /Room rate per night, for costs/, '');
    await ask(s, /Contact fields/, '', 'Space'); // tick e-mail
    const done = await waitFor(s, /EXIT=\d+/);
    expect(done).toMatch(/Wrote samling\.config\.json/);
    expect(done).toMatch(/EXIT=0/);
    const config = JSON.parse(readFileSync(join(ws, 'samling.config.json'), 'utf8'));
    expect(config).toMatchObject({
      name: 'Klimasamling for kommunane i Møre og Romsdal',
      venue: 'Ålesund',
      mainNight: '2021-11-11',
      extraNight: '2021-11-10',
      deadline: '2021-09-15',
      quota: 5,
      latePolicy: 'accept',
      region: { county: '15', period: '2020' },
      extraNightReview: ['1507'],
      hotels: [{ name: 'Hotell Bryggen', rooms: 60, roomRate: 1290 }],
      roomRate: null,
      roomingList: { email: true, phone: false },
    });
    // The file written is one samling loads.
    const check = spawnSync(process.execPath, [BIN, 'status', '--json'], { cwd: ws, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout).event.quota).toBe(5);
  });

  it('a wrong answer is refused on the spot with what to write, and the question stays', async () => {
    const ws = tempWorkspace();
    const s = start(ws, `${process.execPath} ${BIN} init`);
    for (const q of [/County/, /Year/, /Name of the event/, /Venue/]) await ask(s, q, '');
    await ask(s, /Main night/, '11.11.2021');
    await waitFor(s, /Write the date as YYYY-MM-DD/);
    tmux('send-keys', '-t', s, 'C-c');
    const after = await waitFor(s, /EXIT=\d+/);
    expect(after).toMatch(/stopped; nothing was changed/);
    expect(after).toMatch(/EXIT=130/);
    expect(existsSync(join(ws, 'samling.config.json'))).toBe(false);
  });

  it('with stdin not a terminal (or CI set), init asks nothing even on a terminal screen, and names --yes', async () => {
    const ws = tempWorkspace();
    const s = start(ws, `${process.execPath} ${BIN} init < /dev/null`);
    const text = await waitFor(s, /EXIT=\d+/);
    expect(text).toMatch(/EXIT=2/);
    expect(text).toMatch(/samling init --yes/);
    expect(text).not.toMatch(/^\? /m);
    const ci = start(ws, `env CI=true ${process.execPath} ${BIN} init`);
    expect(await waitFor(ci, /EXIT=\d+/)).toMatch(/samling init --yes[\s\S]*EXIT=2/);
    expect(existsSync(join(ws, 'samling.config.json'))).toBe(false);
  });
});
