import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { safeCell, toCsv } from '../src/io/write-csv.js';
import { toXlsx } from '../src/io/write-xlsx.js';

// Not trimmed: the last payload starts with a tab. CR, LF-first and NUL-first are added here.
const PAYLOADS = readFileSync(new URL('../fixtures/csv-injection-payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .concat(['\r=1+1', '\n=1+1', '\0=1+1', '  =1+1', '\uFF1D1+1']);

describe('safeCell', () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))('neutralises %s', (_, p) => {
    expect(safeCell(p)).toBe(`'${p}`);
  });

  it('leaves ordinary text, dates, numbers and local phone numbers alone', () => {
    for (const s of ['Kari Nordmann', 'Ørsta', '2021-11-10', '4', '400 00 001', 'kari@example.org', '', "O'Brien", 'Dde-Ann'])
      expect(safeCell(s)).toBe(s);
  });

  it('neutralises international numbers and negative values too', () => {
    expect(safeCell('+46 70 000 00 00')).toBe("'+46 70 000 00 00");
    expect(safeCell('-5')).toBe("'-5");
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with BOM, ; and CRLF, quoting only when needed', () => {
    const csv = toCsv(['Namn', 'Kommune'], [['Kari; Nordmann', 'Ørsta'], ['Ola "Olsen"', 'Volda']]);
    expect(csv.startsWith('\uFEFFNamn;Kommune\r\n')).toBe(true);
    expect(csv).toBe('\uFEFFNamn;Kommune\r\n"Kari; Nordmann";Ørsta\r\n"Ola ""Olsen""";Volda\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('uses another delimiter when asked', () => {
    expect(toCsv(['a', 'b'], [['1,5', '2']], { delimiter: ',' })).toBe('\uFEFFa,b\r\n"1,5",2\r\n');
  });

  it('round-trips every payload with its leading quote', () => {
    const rows = PAYLOADS.map((p) => [p, 'Ørsta']);
    for (const delimiter of [';', ',', '\t']) {
      const back: string[][] = parse(toCsv(['Namn', 'Kommune'], rows, { delimiter }), { delimiter, bom: true });
      expect(back.slice(1)).toEqual(PAYLOADS.map((p) => [`'${p}`, 'Ørsta']));
    }
  });
});

describe('toXlsx', () => {
  it('writes text cells only, bold frozen header, sized columns', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const buf = await toXlsx('Rooming: hotel', ['ID', 'Etternamn', 'Netter'], [
      ['r1', '=1+1', '2'],
      ['r2', '@SUM(1+1)', '1'],
      ['r3', 'Kvalsvik-Nordmann', '1'],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Rooming- hotel');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const formula = ws.getCell('B2');
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe('=1+1');
    expect(formula.formula).toBeUndefined();
    expect(ws.getCell('C2').value).toBe('2');
    expect(ws.getCell('C2').numFmt).toBe('@');
    ws.eachRow((row) => row.eachCell((c) => expect(typeof c.value).toBe('string')));
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual('Kvalsvik-Nordmann'.length);
  });
});
