// End to end: the built CLI on the fixtures, in temporary folders, as an organiser runs it.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contents, FIXTURES, readCsvOutput, run, snapshot, tempWorkspace } from './helpers/cli.js';

const HELPERS = join(dirname(fileURLToPath(import.meta.url)), 'helpers');

interface JsonRegistration {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  municipality: { code: string; name: string } | null;
  organisation: string;
  submittedAt: string | null;
  late: boolean;
  status: string;
  extraNight: string;
  nights: string[];
  hotel: string | null;
  problems: string[];
}
interface StatusJson {
  event: Record<string, unknown>;
  registrations: JsonRegistration[];
  municipalities: { code: string; name: string; registered: number; covered: number; extraNights: number; overQuota: number; latePending: number; topLeader: boolean; placesLeft: number }[];
  nights: { date: string; rooms: number }[];
}

function status(ws: string): StatusJson {
  const r = run(['status', '--json'], { cwd: ws });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as StatusJson;
}
/** Whether files can be made immutable here (root, and a file system with the flag): the held-file test needs it. */
const CAN_CHATTR = (() => {
  const dir = tempWorkspace();
  const probe = join(dir, 'probe');
  writeFileSync(probe, '');
  const ok = spawnSync('chattr', ['+i', probe]).status === 0;
  if (ok) spawnSync('chattr', ['-i', probe]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
})();
const byEmail = (s: StatusJson, email: string) => s.registrations.find((r) => r.email?.toLowerCase() === email.toLowerCase());

describe('import: each layout into a workspace', () => {
  it('Google Forms (Nynorsk, BOM, CRLF, kl. times): every row accounted for, people as typed', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    const r = run(['import', 'google-forms-nn.csv', '--json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const t = report.totals;
    expect(t.rowsRead).toBe(31);
    expect(t.added + t.updated + t.unchanged + t.duplicates + t.blank).toBe(t.rowsRead);
    expect(t.blank).toBe(1);
    expect(t.duplicates).toBe(1); // Trond Lid submitted twice
    expect(report.files[0].encoding).toBe('utf-8 with BOM');
    const s = status(ws);
    expect(s.registrations).toHaveLength(29);
    const aase = byEmail(s, 'aase.brekke@example.org')!;
    expect(aase).toMatchObject({ firstName: 'Åse', lastName: 'Brekke', municipality: { code: '1520', name: 'Ørsta' }, organisation: 'Orsta' });
    // "15.09.2021 kl. 23.59.59" is on time; one second later is late.
    const lastSecond = byEmail(s, 'bente.myren@example.org')!;
    expect(lastSecond.submittedAt).toBe('2021-09-15T23:59:59+02:00');
    expect(lastSecond.late).toBe(false);
    expect(byEmail(s, 'ole.godo@example.org')).toMatchObject({ submittedAt: '2021-09-16T00:00:01+02:00', late: true, status: 'late-pending' });
    // The re-submission wins: Trond said yes to a room the second time.
    expect(byEmail(s, 'trond.lid@example.org')).toMatchObject({ status: 'covered', nights: ['2021-11-11'] });
    // Merged old names and ASCII spellings land on today's municipality; a near miss is never applied.
    expect(byEmail(s, 'perove.strand@example.org')!.municipality?.name).toBe('Ålesund');
    expect(byEmail(s, 'gunnhild.aaro@example.org')!.municipality?.name).toBe('Hustadvika');
    const kristiansand = byEmail(s, 'jonas.furset@example.org')!;
    expect(kristiansand.status).toBe('needs-attention');
    expect(kristiansand.municipality).toBeNull();
    expect(kristiansand.problems.join(' ')).toMatch(/Kristiansund/);
    expect(byEmail(s, 'hilde.skeie@example.org')!.status).toBe('not-eligible');
  });

  it('Microsoft Forms (anonymous): the form\'s own name and e-mail win; Excel date cells are Oslo wall-clock time', () => {
    const ws = tempWorkspace('microsoft-forms.xlsx');
    const r = run(['import', 'microsoft-forms.xlsx'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const s = status(ws);
    expect(s.registrations.every((x) => x.email !== 'anonymous' && x.firstName !== 'anonymous')).toBe(true);
    const ragnhild = byEmail(s, 'ragnhild.sande@example.org')!;
    expect(ragnhild.submittedAt).toBe('2021-09-15T23:30:00+02:00');
    expect(ragnhild.late).toBe(false);
  });

  it('Microsoft Forms in Norwegian, Nettskjema, and an Excel-made Windows-1252 export', () => {
    const ws = tempWorkspace('microsoft-forms-nb.xlsx', 'nettskjema.csv', 'event-system-1252.csv');
    const r = run(['import', 'microsoft-forms-nb.xlsx', 'nettskjema.csv', 'event-system-1252.csv', '--json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { encoding: string }) => f.encoding)).toEqual(['xlsx', 'utf-8', 'windows-1252']);
    const s = status(ws);
    // Nettskjema: 22:00Z on the 15th is midnight in Oslo: late. 23:59:59+02:00 is on time.
    expect(byEmail(s, 'kari.brun@example.org')).toMatchObject({ late: true, submittedAt: '2021-09-16T00:00:00+02:00' });
    expect(byEmail(s, 'nils.fiske@example.org')).toMatchObject({ late: false, extraNight: 'granted', nights: ['2021-11-10', '2021-11-11'] });
    // Windows-1252: æøå survive, "Avmeldt" cancels.
    expect(byEmail(s, 'asmund.oye@example.org')).toMatchObject({ firstName: 'Åsmund', lastName: 'Øye', municipality: { code: '1573', name: 'Smøla' } });
    expect(byEmail(s, 'bjorg.lonseth@example.org')!.status).toBe('cancelled');
  });

  it('the same person in two files: the later submission wins whatever the import order', () => {
    for (const order of [['google-forms-nn.csv', 'microsoft-forms.xlsx'], ['microsoft-forms.xlsx', 'google-forms-nn.csv']]) {
      const ws = tempWorkspace('google-forms-nn.csv', 'microsoft-forms.xlsx');
      for (const f of order) expect(run(['import', f], { cwd: ws }).code).toBe(0);
      const eli = status(ws).registrations.filter((x) => x.email?.toLowerCase() === 'eli.bakken@example.org');
      expect(eli).toHaveLength(1);
      expect(eli[0]!.extraNight).toBe('granted'); // the later (xlsx) answer asks for the extra night
    }
  });

  it('re-importing the same file changes nothing', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    expect(run(['import', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const before = readFileSync(join(ws, '.samling', 'state.json'), 'utf8');
    const r = run(['import', 'google-forms-nn.csv', '--json'], { cwd: ws });
    const t = JSON.parse(r.stdout).totals;
    expect(t).toMatchObject({ added: 0, updated: 0, unchanged: 29, duplicates: 1, blank: 1 });
    const after = readFileSync(join(ws, '.samling', 'state.json'), 'utf8');
    expect(after.replace(/"importedAt":"[^"]+"/g, '')).toBe(before.replace(/"importedAt":"[^"]+"/g, ''));
    // A copy of the file, named by its content hash, is kept.
    expect(readdirSync(join(ws, '.samling', 'files'))).toHaveLength(1);
  });

  it('rows to look at come in file row order: import lists every one, plan the first 20 and where the rest are', () => {
    const ws = tempWorkspace();
    // 30 people whose e-mail has no @, written in reverse so that file order is not plan (name) order.
    const rows = Array.from({ length: 30 }, (_, i) => `01.09.2021 kl. 10.00.${String(i).padStart(2, '0')},Person ${30 - i} Testesen,Molde,utan-krollalfa-${i}`);
    writeFileSync(join(ws, 'many.csv'), `Tidsmerke,Namn,Kommune,E-postadresse\n${rows.join('\n')}\n`);
    const listedRows = (stdout: string) => stdout.split('\n').filter((l) => / many\.csv row \d+ /.test(l)).map((l) => Number(/row (\d+)/.exec(l)![1]));
    const imported = run(['import', 'many.csv', '--dry-run'], { cwd: ws });
    expect(imported.code, imported.stderr).toBe(0);
    expect(listedRows(imported.stdout)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2)); // SPEC 5: every problem
    const planned = run(['plan', 'many.csv'], { cwd: ws });
    expect(planned.code, planned.stderr).toBe(0);
    expect(listedRows(planned.stdout)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(planned.stdout).toMatch(/… and 10 more \(every one: samling import FILE --dry-run; those that need attention: out\/needs-attention\.csv\)/);
  });

  it('--dry-run reports but writes nothing', () => {
    const ws = tempWorkspace('nettskjema.csv');
    const before = snapshot(ws);
    const r = run(['import', 'nettskjema.csv', '--dry-run'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 added/);
    expect(r.stdout).toMatch(/Dry run: nothing was written/);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('bad input: one message naming the file, exit 2, nothing written', () => {
  const cases: [string, RegExp][] = [
    ['missing.csv', /missing\.csv: file not found/],
    ['bad/empty.csv', /empty\.csv: the file is empty/],
    ['bad/old.xls', /old\.xls: .*old Excel .xls[\s\S]*\.xlsx/],
    ['bad/broken-quote.csv', /broken-quote\.csv, row 4: /],
    ['bad/no-name-column.csv', /no-name-column\.csv, row 1: no column found for the name[\s\S]*--map/],
    ['bad/no-municipality-column.csv', /no-municipality-column\.csv, row 1: no column found for the municipality/],
    ['bad/not-a-zip.xlsx', /not-a-zip\.xlsx: .*not a valid \.xlsx/],
  ];
  for (const [file, message] of cases) {
    it(file, () => {
      const ws = tempWorkspace('google-forms-nn.csv', ...(file.startsWith('bad/') ? [file] : []));
      expect(run(['import', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
      const before = snapshot(ws);
      const name = file.split('/').pop()!;
      // A good file first, then the bad one: nothing from the good file is written either.
      for (const cmd of ['import', 'plan']) {
        const r = run([cmd, 'google-forms-nn.csv', name], { cwd: ws });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
        expect(r.stderr.trim().split('\n')[0]).toMatch(/^samling: /);
        expect(snapshot(ws)).toEqual(before);
      }
    });
  }

  it('an export without its header row: says so, and prints nobody\'s answers', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    const lines = readFileSync(join(ws, 'google-forms-nn.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    writeFileSync(join(ws, 'no-header.csv'), lines.slice(1).join('\r\n'));
    const r = run(['plan', 'no-header.csv'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-header\.csv, row 1: no column found .*the first row holds answers/);
    expect(r.stderr).toMatch(/Export the sheet with its header row/);
    const first = lines[1]!.split(',');
    for (const answer of first.filter((a) => a.trim().length > 3)) expect(r.stderr).not.toContain(answer.trim());
    expect(readdirSync(ws).sort()).toEqual(['google-forms-nn.csv', 'no-header.csv']);
  });

  it('bad input into a fresh folder leaves no trace: no .samling, no lock, no out/', () => {
    const ws = tempWorkspace('bad/broken-quote.csv');
    const r = run(['plan', 'broken-quote.csv'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(readdirSync(ws)).toEqual(['broken-quote.csv']);
  });

  it('an invalid config names every bad field', () => {
    const ws = tempWorkspace('nettskjema.csv');
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ quota: 'four', latePolicy: 'maybe', hotels: [{ name: 'X', rooms: -1 }], colour: 1 }));
    const r = run(['plan', 'nettskjema.csv'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/samling\.config\.json/);
    expect(r.stderr).toMatch(/quota: /);
    expect(r.stderr).toMatch(/latePolicy: expected review, accept or reject/);
    expect(r.stderr).toMatch(/hotels\[0\]\.rooms: /);
    expect(r.stderr).toMatch(/unknown setting "colour"/);
    expect(existsSync(join(ws, 'out'))).toBe(false);
  });

  it('an unknown command or option suggests the nearest one', () => {
    const r = run(['stauts'], { cwd: tempWorkspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean status\?/);
    const o = run(['import', 'x.csv', '--dry-runn'], { cwd: tempWorkspace() });
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/--dry-run/);
  });
});

describe('plan: decide and deliver', () => {
  it('writes the rooming list, letters, municipalities, late and attention lists', async () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    const r = run(['plan', 'google-forms-nn.csv'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Ørsta/);
    for (const f of ['rooming-list-hotel.csv', 'municipalities.csv', 'late-registrations.csv', 'needs-attention.csv', 'municipalities/1520-orsta.md']) {
      expect(existsSync(join(ws, 'out', f)), f).toBe(true);
    }
    const raw = readFileSync(join(ws, 'out', 'rooming-list-hotel.csv'));
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // BOM for Excel
    const rooming = await readCsvOutput(join(ws, 'out', 'rooming-list-hotel.csv'));
    expect(rooming.header).toEqual(['ID', 'Etternamn', 'Førenamn', 'Kommune/organisasjon', 'Ankomst', 'Avreise', 'Netter', 'Romtype', 'Betalar']);
    const aase = rooming.rows.find((x) => x.Førenamn === 'Åse')!;
    expect(aase).toMatchObject({ Ankomst: '2021-11-10', Avreise: '2021-11-12', Netter: '2', Betalar: 'Arrangøren' });
    const ingrid = rooming.rows.find((x) => x.Førenamn === 'Ingrid')!;
    expect(ingrid).toMatchObject({ Ankomst: '2021-11-11', Avreise: '2021-11-12', Netter: '1' });
    // Ørsta has six who want rooms: four places. The hotel gets nothing personal beyond the stay.
    expect(rooming.rows.filter((x) => x['Kommune/organisasjon'] === 'Ørsta')).toHaveLength(4);
    expect(readFileSync(join(ws, 'out', 'rooming-list-hotel.csv'), 'utf8')).not.toMatch(/Laktosefri|@example\.org|Ordførar/);
    // A letter names only its own people.
    const letter = readFileSync(join(ws, 'out', 'municipalities', '1520-orsta.md'), 'utf8');
    expect(letter).toMatch(/Åse Brekke/);
    expect(letter).not.toMatch(/Kristin Hovden/); // Volda
    const municipalities = await readCsvOutput(join(ws, 'out', 'municipalities.csv'));
    expect(municipalities.rows).toHaveLength(26);
    const s = status(ws);
    expect(s.municipalities.find((m) => m.code === '1520')).toMatchObject({ registered: 6, covered: 4, overQuota: 2, placesLeft: 0, topLeader: true });
    expect(s.municipalities.find((m) => m.code === '1511')).toMatchObject({ registered: 0, covered: 0, placesLeft: 4 });
  });

  it('a cancellation frees a place for the next in line, and the changes file tells the hotel', async () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    expect(run(['plan', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const first = status(ws);
    const cancelled = first.registrations.find((x) => x.email === 'ingrid.haland@example.org')!;
    const waiting = first.registrations.filter((x) => x.municipality?.code === '1520' && x.status === 'over-quota');
    expect(waiting).toHaveLength(2);
    const d = run(['decide', 'ingrid.haland@example.org', '--cancel'], { cwd: ws });
    expect(d.code, d.stderr).toBe(0);
    expect(run(['plan'], { cwd: ws }).code).toBe(0);
    const after = status(ws);
    expect(after.registrations.find((x) => x.id === cancelled.id)!.status).toBe('cancelled');
    // The earliest on the waiting list (Marit, 06.09) moves up.
    expect(byEmail(after, 'marit.ovrebo@example.org')!.status).toBe('covered');
    expect(byEmail(after, 'oddbjorn.myklebust@example.org')!.status).toBe('over-quota');
    const changes = await readCsvOutput(join(ws, 'out', 'rooming-changes-hotel.csv'));
    expect(changes.rows).toHaveLength(2);
    const text = readFileSync(join(ws, 'out', 'rooming-changes-hotel.csv'), 'utf8');
    expect(text).toMatch(/Håland/);
    expect(text).toMatch(/Øvrebø/);
    // Writing the list again with nothing changed: the last amendment stays (it may not have been sent yet, and
    // could not be made again), and samling says it is from an earlier list.
    for (const args of [['rooming-list'], ['plan']]) {
      const again = run(args, { cwd: ws });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr, args[0]).toMatch(/hotel: no changes since the last list; out\/rooming-changes-hotel\.csv was left as it was, from an earlier list/);
      expect(readFileSync(join(ws, 'out', 'rooming-changes-hotel.csv'), 'utf8'), args[0]).toBe(text);
    }
  });

  it('decisions survive a re-import and --undo takes one back', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    expect(run(['import', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const late = status(ws).registrations.find((x) => x.status === 'late-pending')!;
    expect(run(['late', '--approve', late.id], { cwd: ws }).code).toBe(0);
    const kr = status(ws).registrations.find((x) => x.organisation === 'Kristiansand')!;
    expect(run(['decide', kr.id, '--municipality', 'Kristiansund'], { cwd: ws }).code).toBe(0);
    expect(run(['import', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const s = status(ws);
    expect(s.registrations.find((x) => x.id === late.id)!.status).toBe('covered');
    expect(s.registrations.find((x) => x.id === kr.id)!.municipality).toEqual({ code: '1505', name: 'Kristiansund' });
    expect(run(['decide', kr.id, '--undo'], { cwd: ws }).code).toBe(0);
    expect(status(ws).registrations.find((x) => x.id === kr.id)!.status).toBe('needs-attention');
  });

  it('check exits 1 while something waits for the organiser, 0 when all is decided', () => {
    const ws = tempWorkspace('nettskjema.csv');
    expect(run(['import', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    expect(run(['check'], { cwd: ws }).code).toBe(1);
    for (const r of status(ws).registrations.filter((x) => x.status === 'late-pending')) {
      expect(run(['late', '--reject', r.id], { cwd: ws }).code).toBe(0);
    }
    const c = run(['check'], { cwd: ws });
    expect(c.code, c.stderr).toBe(0);
  });

  it('a covered guest every hotel is too full for: check and plan --strict exit 1 and say why, status says what to do', () => {
    const ws = tempWorkspace('nettskjema.csv');
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ hotels: [{ name: 'Small', rooms: 3 }] }));
    expect(run(['import', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    for (const r of status(ws).registrations.filter((x) => x.status === 'late-pending')) {
      expect(run(['late', '--reject', r.id], { cwd: ws }).code).toBe(0);
    }
    const guest = status(ws).registrations.find((r) => r.status === 'covered' && r.hotel === null);
    expect(guest).toBeDefined();
    const check = run(['check'], { cwd: ws });
    expect(check.code).toBe(1);
    expect(check.stderr + check.stdout).toMatch(/1 guest has no hotel room.*add a hotel or more rooms/);
    expect(run(['plan', '--strict'], { cwd: ws }).code).toBe(1);
    expect(run(['status'], { cwd: ws }).stdout).toMatch(/no hotel room/);
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ hotels: [{ name: 'Small', rooms: 3 }, { name: 'Annex', rooms: 2 }] }));
    expect(run(['check'], { cwd: ws }).code).toBe(0);
  });

  it.each(['report.html', 'rooming-list-hotel.csv'])('an output that cannot be written (a folder in place of %s) is exit 2 naming it, and leaves out/ and the workspace as they were', (blocked) => {
    const ws = tempWorkspace('nettskjema.csv', 'google-forms-nn.csv');
    expect(run(['plan', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    const state = readFileSync(join(ws, '.samling', 'state.json'));
    // A folder where the file goes: it cannot be replaced by the new one.
    rmSync(join(ws, 'out', blocked));
    mkdirSync(join(ws, 'out', blocked));
    const before = contents(join(ws, 'out'));
    const r = run(['plan', 'google-forms-nn.csv'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^samling: out/${blocked.replace('.', '\\.')}: cannot be written: a folder has that name\nMove or rename what is in the way`));
    expect(r.stderr).not.toMatch(/\n\s+at |bug/);
    expect(readFileSync(join(ws, '.samling', 'state.json')).equals(state)).toBe(true);
    // Every file in out/ as it was: no letter or list from the new import beside old ones, and the hotel's
    // list the one the workspace remembers (the new import would have added people to it). No temporary file.
    expect(contents(join(ws, 'out'))).toEqual(before);
    expect(readdirSync(join(ws, '.samling')).filter((f) => f !== 'files').sort()).toEqual(['state.json']);
  });

  // chattr needs root and a file system with the flag: elsewhere this test shows as skipped.
  it.runIf(CAN_CHATTR)('a hotel\'s list another program holds (here made immutable): exit 2, and no other hotel\'s list, output or state is new', () => {
    const ws = tempWorkspace('google-forms-nn.csv', 'event-system-1252.csv');
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ hotels: [{ name: 'A', rooms: null }, { name: 'B', rooms: null }] }));
    expect(run(['plan', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const held = join(ws, 'out', 'rooming-list-b.csv');
    expect(spawnSync('chattr', ['+i', held]).status).toBe(0);
    try {
      const before = contents(join(ws, 'out'));
      const state = readFileSync(join(ws, '.samling', 'state.json'));
      const r = run(['plan', 'event-system-1252.csv'], { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^samling: out\/rooming-list-b\.csv: cannot be written: permission denied, or the file is open in another program/);
      // Hotel A's list would have new guests: it stays the one the workspace remembers, as does every other file.
      expect(contents(join(ws, 'out'))).toEqual(before);
      expect(readFileSync(join(ws, '.samling', 'state.json')).equals(state)).toBe(true);
    } finally {
      spawnSync('chattr', ['-i', held]);
    }
    expect(run(['plan', 'event-system-1252.csv'], { cwd: ws }).code).toBe(0);
  });

  it('summary and rooming-list write all their files or none: a folder in the way of one leaves the others as they were', () => {
    const ws = tempWorkspace('nettskjema.csv', 'google-forms-nn.csv');
    expect(run(['plan', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    // New people, so every summary and the hotel's list would change.
    expect(run(['import', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const state = readFileSync(join(ws, '.samling', 'state.json'));
    for (const [command, blocked] of [['summary', 'needs-attention.csv'], ['rooming-list', 'rooming-changes-hotel.csv']] as const) {
      rmSync(join(ws, 'out', blocked), { force: true });
      mkdirSync(join(ws, 'out', blocked));
      const before = contents(join(ws, 'out'));
      const r = run([command], { cwd: ws });
      expect(r.code, command).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^samling: out/${blocked.replace('.', '\\.')}: cannot be written: a folder has that name`));
      expect(contents(join(ws, 'out')), command).toEqual(before);
      expect(readFileSync(join(ws, '.samling', 'state.json')).equals(state), command).toBe(true);
      rmSync(join(ws, 'out', blocked), { recursive: true });
    }
    // Out of the way, both go through.
    expect(run(['summary'], { cwd: ws }).code).toBe(0);
    expect(run(['rooming-list'], { cwd: ws }).code).toBe(0);
    expect(readFileSync(join(ws, 'out', 'municipalities', '1520-orsta.md'), 'utf8')).toMatch(/Åse Brekke/);
  });

  it.runIf(process.platform !== 'win32')('the workspace, which holds allergies and phone numbers, is for its owner alone; out/ follows the umask', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    expect(run(['plan', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const mode = (...p: string[]) => statSync(join(ws, ...p)).mode & 0o777;
    expect(mode('.samling')).toBe(0o700);
    expect(mode('.samling', 'files')).toBe(0o700);
    expect(mode('.samling', 'state.json')).toBe(0o600);
    const [copy] = readdirSync(join(ws, '.samling', 'files'));
    expect(mode('.samling', 'files', copy!)).toBe(0o600);
    // The outputs are the organiser's to share: made as any new file is here.
    writeFileSync(join(ws, 'plain.txt'), '');
    expect(mode('out', 'rooming-list-hotel.csv')).toBe(mode('plain.txt'));
    expect(mode('out', 'municipalities', '1520-orsta.md')).toBe(mode('plain.txt'));
  });

  it('a workspace that cannot be saved (a full disk) is exit 2, and no output is new: plan and rooming-list', () => {
    const ws = tempWorkspace('nettskjema.csv', 'google-forms-nn.csv');
    expect(run(['plan', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    const before = snapshot(ws);
    // Preloaded into samling: making the state's temporary file fails with ENOSPC, as on a full disk.
    const fullDisk = { NODE_OPTIONS: `--import ${pathToFileURL(join(HELPERS, 'full-disk.mjs')).href}` };
    for (const args of [['plan', 'google-forms-nn.csv'], ['rooming-list']]) {
      const r = run(args, { cwd: ws, env: fullDisk });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^samling: \.samling\/state\.json: cannot be written: the disk is full\nMake room on the disk/);
      expect(r.stderr).not.toMatch(/\n\s+at |bug/);
      // Not a rooming list, letter or list is new (the hotel never gets a list the workspace does not know).
      expect(snapshot(ws), args.join(' ')).toEqual(before);
    }
    // Without the fault the same plan goes through.
    expect(run(['plan', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    expect(snapshot(ws)).not.toEqual(before);
  });

  it('an unknown id is exit 2 and changes nothing', () => {
    const ws = tempWorkspace('nettskjema.csv');
    expect(run(['import', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    const before = snapshot(ws);
    const r = run(['late', '--approve', 'zzzzzzzz'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no registration with id or e-mail "zzzzzzzz"/);
    expect(snapshot(ws)).toEqual(before);
  });

  it('formula payloads as names come out neutralised in every CSV', async () => {
    const ws = tempWorkspace('injection.csv');
    expect(run(['plan', 'injection.csv'], { cwd: ws }).code).toBe(0);
    for (const f of readdirSync(join(ws, 'out')).filter((x) => x.endsWith('.csv'))) {
      const { rows } = await readCsvOutput(join(ws, 'out', f));
      for (const row of rows) for (const cell of Object.values(row)) expect(cell, `${f}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('output with NO_COLOR or a pipe has no escape codes', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    const envs: Record<string, string>[] = [{ NO_COLOR: '1' }, { NO_COLOR: '', FORCE_COLOR: '' }];
    for (const env of envs) {
      const r = run(['plan', 'google-forms-nn.csv'], { cwd: ws, env });
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/\u001b\[/);
    }
  });

  it('--help on every command has examples; --version prints the version', () => {
    const ws = tempWorkspace();
    for (const cmd of ['plan', 'import', 'status', 'late', 'decide']) {
      const r = run([cmd, '--help'], { cwd: ws });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:/);
    }
    const pkg = JSON.parse(readFileSync(join(FIXTURES, '..', 'package.json'), 'utf8'));
    expect(run(['--version'], { cwd: ws }).stdout.trim()).toBe(pkg.version);
    rmSync(ws, { recursive: true });
  });
});

describe('help for organisers', () => {
  it('every command\'s --help says what it is for and shows real examples', () => {
    const ws = tempWorkspace();
    const commands = ['plan', 'import', 'status', 'check', 'late', 'decide', 'rooming-list', 'summary', 'report', 'lists', 'init'];
    for (const cmd of commands) {
      const r = run([cmd, '--help'], { cwd: ws });
      expect(r.code, cmd).toBe(0);
      const [usage, , purpose] = r.stdout.split('\n');
      expect(usage, cmd).toMatch(new RegExp(`^Usage: samling ${cmd}`));
      expect(purpose, cmd).toMatch(/^[A-Z].{15,}/); // a sentence, right under the usage line
      expect(r.stdout, cmd).toMatch(new RegExp(`Examples:\\n  samling ${cmd}`));
    }
    // plan --review is explained, with what happens without a terminal.
    expect(run(['plan', '--help'], { cwd: ws }).stdout).toMatch(/--review[\s\S]*Without a terminal/);
    rmSync(ws, { recursive: true });
  });
});

describe('decisions and mapping, the details an organiser trips on', () => {
  it('a --map header no file has is a typo: exit 2, naming the headers found', () => {
    const ws = tempWorkspace('nettskjema.csv');
    const r = run(['import', 'nettskjema.csv', '--map', 'Arbeidsgjevar=organisation'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--map "Arbeidsgjevar=…": no column has that header/);
    expect(r.stderr).toMatch(/Headers found: .*"kommune"/);
    expect(readdirSync(ws)).toEqual(['nettskjema.csv']);
  });

  it('covering a late registration approves it; covering someone who cannot have a place says so', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    expect(run(['import', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const cover = run(['decide', 'ole.godo@example.org', '--cover'], { cwd: ws });
    expect(cover.code, cover.stderr).toBe(0);
    expect(cover.stderr).toMatch(/approve-late/);
    expect(status(ws).registrations.find((x) => x.email === 'ole.godo@example.org')!.status).toBe('covered');
    const digital = run(['decide', 'randi.liavag@example.org', '--cover'], { cwd: ws });
    expect(digital.code).toBe(0);
    expect(digital.stderr).toMatch(/is digital, so --cover changes nothing for now/);
  });

  it('a cover beyond the quota says the places went to earlier covers, and which', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    expect(run(['import', 'google-forms-nn.csv'], { cwd: ws }).code).toBe(0);
    const orsta = status(ws).registrations.filter((r) => r.municipality?.name === 'Ørsta' && ['covered', 'over-quota'].includes(r.status));
    expect(orsta.length).toBeGreaterThan(4);
    const [fifth, ...firstFour] = [orsta.at(-1)!, ...orsta.slice(0, 4)];
    for (const r of firstFour) expect(run(['decide', r.id, '--cover'], { cwd: ws }).code).toBe(0);
    const cover = run(['decide', fifth.id, '--cover'], { cwd: ws });
    expect(cover.code).toBe(0);
    expect(cover.stderr).toMatch(new RegExp(`${fifth.id} stays over-quota: Ørsta's places all went to people covered by earlier decisions`));
    for (const r of firstFour) expect(cover.stderr).toContain(r.id);
    expect(cover.stderr).not.toMatch(/changes nothing for now/);
  });

  it('a decision in an empty folder is exit 2 and leaves nothing behind', () => {
    const ws = tempWorkspace();
    const r = run(['decide', 'kari@example.org', '--cancel'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no registrations yet[\s\S]*samling import/);
    expect(readdirSync(ws)).toEqual([]);
  });

  it('--out naming a file is exit 2 before anything is written', () => {
    const ws = tempWorkspace('nettskjema.csv');
    writeFileSync(join(ws, 'afile'), 'x');
    const r = run(['plan', 'nettskjema.csv', '--out', 'afile'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/afile: the output folder is a file/);
    expect(readdirSync(ws).sort()).toEqual(['afile', 'nettskjema.csv']);
  });
});
