// The reading side's fast paths (issue 5, third round) give exactly what the plain code gave: the same
// trimmed text, the same blank rows, the same submission times, the same cells from csv-parse. Each
// property compares the fast code with the plain one it replaced, on input chosen to reach both paths.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { mapColumns } from '../src/core/columns.js';
import { toRegistrations } from '../src/core/rows.js';
import {
  cellText, isBlankCell, parseTimestamp, parseTimestampColumn, slashOrder, trimmed,
} from '../src/core/values.js';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { readDelimited, readsInChunks } from '../src/io/read-csv.js';
import iconv from 'iconv-lite';
import { chunkedFile } from '../src/io/file-chunks.js';
import { InputError } from '../src/errors.js';
import type { Cell } from '../src/io/table.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`read-fastpaths: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);
const params = { seed: SEED, numRuns: 1000 };
const TZ = 'Europe/Oslo';

// Every character String.prototype.trim removes, and some that look like white space but are not.
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029',
  '\u202f', '\u205f', '\u3000', '\ufeff'];
const NOT_SPACES = ['\u180e', '\u200b', '\u0085', '\u00ad', 'x', 'Å', '.', '0', '\u2060'];
const spacey = fc.string({ unit: fc.constantFrom(...SPACES, ...NOT_SPACES), maxLength: 6 });

describe('trimmed and isBlankCell equal trim()', () => {
  it('for every single character', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const ok = trimmed(ch) === ch.trim() && trimmed(`a${ch}`) === `a${ch}`.trim() && isBlankCell(ch) === (ch.trim() === '');
      if (!ok) wrong.push(`U+${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('for text with white space at either end, inside, or nothing else', () => {
    fc.assert(fc.property(spacey, fc.string({ maxLength: 8 }), spacey, (a, b, c) => {
      const t = a + b + c;
      return trimmed(t) === t.trim() && isBlankCell(t) === (t.trim() === '');
    }), params);
    expect(isBlankCell(undefined)).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankCell({ wallClock: '2021-09-15T10:00:00' })).toBe(false);
  });
});

// Submission times in every form the column reader knows, and near misses.
const two = (n: number) => String(n).padStart(2, '0');
const timeText = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1999, max: 2031 }),
    fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('kl. hh.mm.ss', 'hh:mm:ss', 'hh:mm', 'date', 'iso', 'isoT', 'slash', 'slash pm', 'short year'))
    .map(([d, mo, y, h, mi, s, form]) => {
      const date = `${two(d)}.${two(mo)}.${y}`;
      switch (form) {
        case 'kl. hh.mm.ss': return `${date} kl. ${two(h)}.${two(mi)}.${two(s)}`;
        case 'hh:mm:ss': return `${date} ${two(h)}:${two(mi)}:${two(s)}`;
        case 'hh:mm': return `${date} ${two(h)}:${two(mi)}`;
        case 'date': return date;
        case 'iso': return `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}`;
        case 'isoT': return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}`;
        case 'slash': return `${d}/${mo}/${y} ${h}:${two(mi)}:${two(s)}`;
        case 'slash pm': return `${mo}/${d}/${y % 100} ${h % 13}:${two(mi)} ${h > 12 ? 'PM' : 'AM'}`;
        default: return `${d}.${mo}.${y % 100}`;
      }
    }),
  fc.constantFrom('', '  ', '2021-09-15T23:59:59+02:00', '2021-09-15T21:59:59Z', '44456.5', '15/9/2021', '9/15/2021',
    'not a time', '15.09.2021 kl 10.00', '31.02.2021', '1/2-2021 10:00:00', '12.1.2021 10.00'),
  fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '.', ':', '-', '/', ' ', 'T', 'k', 'l'), maxLength: 23 }),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(spacey, timeText, spacey).map(([a, t, b]) => a + t + b) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer({ min: 1, max: 2_958_465 }), fc.double({ min: 1, max: 2_958_466 })) },
  { weight: 1, arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => ({ wallClock: d.toISOString().slice(0, 19) })) },
);

/** parseTimestampColumn as it was: the order from the whole column, then every cell read on its own. */
function plainColumn(cells: Cell[]) {
  const order = slashOrder(cells);
  return { values: cells.map((c) => parseTimestamp(c, TZ, order !== 'month-first')), order };
}

describe('parseTimestampColumn', () => {
  it('reads every column as reading each cell with the order of the whole column did', () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 12 }), (cells) => {
      expect(parseTimestampColumn(cells, TZ)).toEqual(plainColumn(cells));
    }), params);
  });

  it('reads the trimmed text of each cell as it reads the cell (the reader keeps only the text)', () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 12 }), (cells) => {
      const texts = cells.map((c) => cellText(c).trim());
      expect(parseTimestampColumn(texts, TZ).values).toEqual(parseTimestampColumn(cells, TZ).values);
    }), params);
  });

  it('gives each time the offset of its own hour when the column goes back and forth across a DST change', () => {
    const cells = ['31.10.2021 kl. 01.59.00', '31.10.2021 kl. 03.00.00', '31.10.2021 kl. 01.30.00', '28.03.2021 kl. 03.10.00'];
    expect(parseTimestampColumn(cells, TZ).values).toEqual(
      ['2021-10-31T01:59:00+02:00', '2021-10-31T03:00:00+01:00', '2021-10-31T01:30:00+02:00', '2021-03-28T03:10:00+02:00']);
    expect(parseTimestampColumn(['31.10.2021 kl. 01.59.00'], 'America/New_York').values).toEqual(['2021-10-31T01:59:00-04:00']);
  });
});

describe('reading a row', () => {
  const headers = ['Tidsmerke', 'Namn', 'Kommune', 'Deltaking', 'Ønskjer du overnatting?', 'Toppleiarforum', 'Avmeld'];
  it('reads blank and white-space answers as no answer, and others as before', () => {
    const rows: Cell[][] = [
      ['15.09.2021 kl. 10.00.00', 'Kari Nordmann', 'Volda', '', '', '', ''],
      ['15.09.2021 kl. 10.00.01', 'Ola Nordmann', 'Ørsta', ' \u00a0', '\t', ' ', '  '],
      ['15.09.2021 kl. 10.00.02', 'Per Hansen', 'Ulstein', ' Digitalt ', 'Ja', 'nei ', 'Avmeld'],
    ];
    const { registrations } = toRegistrations(
      { file: 'svar.csv', hash: 'abc', headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })), encoding: 'utf-8', delimiter: ',' },
      mapColumns(headers, rows, {}), DEFAULT_EVENT);
    const answers = registrations.map((r) => [r.attendance, r.needsRoom, r.topLeader, r.cancelled]);
    // A blank forum answer is not a yes: false, as the form asks (SPEC 2: the role counts only when it does not).
    expect(answers).toEqual([[null, null, false, false], [null, null, false, false], ['digital', true, false, true]]);
  });
});

describe('readDelimited hands on what csv-parse reads', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'Å', ' ', ',', '"', '\n', '\r\n', ';', 'x'), maxLength: 6 });
  const options = { delimiter: ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: false };

  it('the same records and row numbers as csv-parse/sync, over enough rows for its byte sums to grow large', async () => {
    // Over some thousand rows the sum csv-parse keeps of record offsets passes 2^31 (see parserCore in read-csv.ts).
    const records = Array.from({ length: 20_000 }, (_, i) => [`r${i}`, `"kari ${i}"`, i % 7 === 0 ? 'a\nb' : 'Volda']);
    const data = Buffer.from(stringify([['id', 'namn', 'kommune'], ...records]));
    const t = await readDelimited('big.csv', data, '.csv');
    expect(t.rows.map((r) => r.cells)).toEqual(parse(data, options).slice(1));
    expect(t.rows.at(-1)!.row).toBe(20_001); // a cell with a line break is one row, as a spreadsheet shows it
    const broken = Buffer.concat([data, Buffer.from('r,"never closed,x\n')]);
    const e = await readDelimited('big.csv', broken, '.csv').then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).row).toBe(20_002);
  });

  it('the same records as csv-parse/sync for any quoting', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
      async (rows) => {
        const data = Buffer.from(stringify([['a', 'b', 'c'], ...rows.map((r) => ['x', ...r.slice(1)])]));
        const t = await readDelimited('f.csv', data, '.csv');
        expect([t.headers, ...t.rows.map((r) => r.cells)]).toEqual(parse(data, options));
      }), { ...params, numRuns: 300 });
  });
});

describe('a big file read in chunks gives what the whole file gives', () => {
  // Chunks of a few bytes, so that quotes, line breaks, BOMs and multi-byte characters fall across their edges.
  const text = fc.string({ unit: fc.constantFrom('a', 'Å', 'ø', '€', '😀', ' ', ',', ';', '"', '\n', '\r', '\r\n', 'x'), maxLength: 200 });
  const withFile = <T>(bytes: Buffer, use: (fd: number) => T): T => {
    const dir = mkdtempSync(join(tmpdir(), 'samling-chunks-'));
    const path = join(dir, 'f.csv');
    writeFileSync(path, bytes);
    const fd = openSync(path, 'r');
    try {
      return use(fd);
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  };
  /** The outcome of reading `bytes` in chunks of `chunk` bytes, the file open until the reading is over. */
  const readChunked = async (bytes: Buffer, chunk: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'samling-chunks-'));
    const path = join(dir, 'f.csv');
    writeFileSync(path, bytes);
    const fd = openSync(path, 'r');
    try {
      return await outcome(readDelimited('f.csv', chunkedFile(fd, bytes.length, chunk), '.csv'));
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const outcome = (p: Promise<unknown>) => p.then(
    (t) => ({ ok: t }),
    (e: unknown) => ({ error: e instanceof InputError ? [e.message, e.row] : String(e) }),
  );

  it('the same hash, the same verdict on UTF-8 and the same first bytes, for any bytes and chunk size', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
      fc.array(fc.constantFrom(0x41, 0xc3, 0xa5, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x80, 0xff, 0xed, 0xa0), { maxLength: 40 })
        .map((b) => Buffer.from(b)),
      text.map((t) => Buffer.from(t)),
    );
    fc.assert(fc.property(bytes, fc.integer({ min: 1, max: 9 }), (b, chunk) => {
      withFile(b, (fd) => {
        const f = chunkedFile(fd, b.length, chunk);
        expect(f.utf8).toBe(isUtf8(b));
        expect(f.hash).toBe(createHash('sha256').update(b).digest('hex'));
        expect(f.head.equals(b.subarray(0, f.head.length))).toBe(true);
        const again: Buffer[] = [];
        f.forEach((c) => again.push(Buffer.from(c)), 1);
        expect(Buffer.concat(again).equals(b.subarray(1))).toBe(true);
        expect(f.unchanged()).toBe(true);
      });
    }), params);
  });

  it('the same table, or the same error naming the same row, as the whole file read at once', async () => {
    await fc.assert(fc.asyncProperty(text, fc.boolean(), fc.integer({ min: 1, max: 9 }), async (body, bom, chunk) => {
      const bytes = Buffer.from((bom ? '\ufeff' : '') + 'namn;kommune\n' + body);
      const whole = await outcome(readDelimited('f.csv', bytes, '.csv'));
      const chunked = await readChunked(bytes, chunk);
      expect(chunked).toEqual(whole);
    }), { ...params, numRuns: 500 });
  });

  it('a Windows-1252 file (Excel\'s ; CSV): the same table, or the same error naming the same row', async () => {
    const text1252 = fc.string({ unit: fc.constantFrom('a', 'Å', 'ø', 'æ', 'é', '€', '–', ' ', ',', ';', '"', '\n', '\r', '\r\n', 'x'), maxLength: 200 });
    await fc.assert(fc.asyncProperty(text1252, fc.integer({ min: 1, max: 9 }), async (body, chunk) => {
      // "Kåre" in Windows-1252 is not valid UTF-8, so the file is read as Windows-1252 either way.
      const bytes = iconv.encode('namn;kommune\nKåre;Ørsta\n' + body, 'windows-1252');
      const whole = await outcome(readDelimited('f.csv', bytes, '.csv'));
      const chunked = await readChunked(bytes, chunk);
      expect(chunked).toEqual(whole);
      if ('ok' in whole) expect(whole.ok).toMatchObject({ encoding: 'windows-1252' });
    }), { ...params, numRuns: 300 });
  });

  it('any bytes that are not UTF-16: the same outcome read in chunks as read whole', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 80 }).map((b) => Buffer.from(b)),
      fc.array(fc.constantFrom(0xef, 0xbb, 0xbf, 0x3b, 0x0a, 0x22, 0x41, 0xe5, 0xf8, 0x80, 0xc3, 0xa5), { minLength: 1, maxLength: 60 })
        .map((b) => Buffer.from(b)),
    ).filter((b) => readsInChunks(b));
    await fc.assert(fc.asyncProperty(bytes, fc.integer({ min: 1, max: 9 }), async (b, chunk) => {
      const whole = await outcome(readDelimited('f.csv', b, '.csv'));
      const chunked = await readChunked(b, chunk);
      expect(chunked).toEqual(whole);
    }), { ...params, numRuns: 500 });
  });

  it('a file that changes while it is read is noticed', () => {
    const bytes = Buffer.from('namn;kommune\nKari;Volda\n');
    const dir = mkdtempSync(join(tmpdir(), 'samling-chunks-'));
    const path = join(dir, 'f.csv');
    writeFileSync(path, bytes);
    const fd = openSync(path, 'r');
    try {
      const f = chunkedFile(fd, bytes.length, 4);
      expect(f.unchanged()).toBe(true);
      appendFileSync(path, 'Ola;Ørsta\n');
      expect(f.unchanged()).toBe(false);
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
