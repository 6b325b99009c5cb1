// Generates a Google-Forms-style export (Nynorsk headers, "kl." times, UTF-8 with BOM, CRLF) of N synthetic
// registrations for the 26 municipalities of Møre og Romsdal (2021): some late, some asking for the extra
// night, some re-submitting, some without an e-mail. Deterministic for a given N (seeded PRNG).
// Usage: node bench/generate.mjs N OUT.csv
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const MUNICIPALITIES = [
  'Kristiansund', 'Molde', 'Ålesund', 'Vanylven', 'Sande', 'Herøy', 'Ulstein', 'Hareid', 'Ørsta', 'Volda', 'Stranda',
  'Sykkylven', 'Sula', 'Giske', 'Vestnes', 'Rauma', 'Aukra', 'Averøy', 'Gjemnes', 'Tingvoll', 'Sunndal', 'Surnadal',
  'Smøla', 'Aure', 'Fjord', 'Hustadvika',
];
const FIRST = ['Ingrid', 'Sindre', 'Åse', 'Kristin', 'Trond', 'Bjørn', 'Solveig', 'Håvard', 'Ragnhild', 'Eirik', 'Marte', 'Øystein', 'Sigrid', 'Audun', 'Kari', 'Per'];
const LAST = ['Håland', 'Vik', 'Brekke', 'Hovden', 'Lid', 'Ødegård', 'Sæther', 'Myren', 'Strand', 'Bø', 'Aasen', 'Løvoll', 'Rønneberg', 'Dahle'];
const ROLES = ['Ordførar', 'Rådgjevar klima', 'Kommunedirektør', 'Innkjøpsleiar', 'Einingsleiar, helse', 'Sakshandsamar'];
const DIET = ['', '', '', '', '', '', 'Laktosefri', 'Glutenfri', 'Nøtteallergi; ikkje peanøtter', 'Vegetar'];
const HEADER = 'Tidsmerke,E-postadresse,Namn ,Kommune,Stilling ,Telefonnummer,Deltaking,Ønskjer du overnatting 11.–12. november?,Treng du overnatting 10.–11. november på grunn av lang reiseveg?,Deltek du på toppleiarforum?,Allergiar eller andre behov ';

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n) => String(n).padStart(2, '0');
const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes N rows to `out`; resolves when the file is closed. */
export async function generate(n, out) {
  const rnd = mulberry32(n);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const start = Date.UTC(2021, 7, 20, 6); // 20 August; the deadline is 15 September, about 10% come later
  const span = 29 * 86_400_000;
  const ws = createWriteStream(out);
  ws.write('\uFEFF' + HEADER + '\r\n');
  let chunk = [];
  for (let i = 0; i < n; i++) {
    // About 2% re-submit an earlier person's e-mail (a correction), 1% leave the e-mail out.
    const resubmit = i > 10 && rnd() < 0.02;
    const person = resubmit ? Math.floor(rnd() * i) : i;
    const first = FIRST[person % FIRST.length];
    const last = LAST[Math.floor(person / FIRST.length) % LAST.length];
    const email = rnd() < 0.01 ? '' : `${first}.${last}.${person}@example.org`.toLowerCase().replace(/å/g, 'aa').replace(/ø/g, 'o').replace(/æ/g, 'ae');
    const t = new Date(start + Math.floor((i / n) * span + rnd() * 3_600_000) + 7_200_000); // Oslo summer time as UTC+2
    const time = `${pad(t.getUTCDate())}.${pad(t.getUTCMonth() + 1)}.${t.getUTCFullYear()} kl. ${pad(t.getUTCHours())}.${pad(t.getUTCMinutes())}.${pad(t.getUTCSeconds())}`;
    const muni = MUNICIPALITIES[person % MUNICIPALITIES.length];
    const digital = rnd() < 0.15;
    const row = [
      time, email, `${first} ${last}`, rnd() < 0.1 ? `${muni} kommune` : muni, pick(ROLES), `4${String(person % 10_000_000).padStart(7, '0')}`,
      digital ? 'Digital' : 'Fysisk', digital ? 'Nei' : rnd() < 0.9 ? 'Ja' : 'Nei', !digital && rnd() < 0.15 ? 'Ja' : 'Nei',
      rnd() < 0.05 ? 'Ja' : 'Nei', pick(DIET),
    ];
    chunk.push(row.map(q).join(','));
    if (chunk.length === 10_000) {
      if (!ws.write(chunk.join('\r\n') + '\r\n')) await once(ws, 'drain');
      chunk = [];
    }
  }
  if (chunk.length) ws.write(chunk.join('\r\n') + '\r\n');
  ws.end();
  await once(ws, 'close');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out] = process.argv.slice(2);
  if (!n || !out) {
    console.error('usage: node bench/generate.mjs N OUT.csv');
    process.exit(2);
  }
  await generate(Number(n), out);
}
