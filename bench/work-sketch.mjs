// A sketch of a part of the work `plan` does, written lean and column-wise (typed arrays and one array per field, no
// object per person), to see how near csv-parse alone such a design gets on this stack. It does that part in
// the cheapest way that gives the same kind of output:
// - reads with csv-parse (its parser core, each record handed on as it is parsed, as `plan` reads), hashes the file;
// - per row: trims the cells, splits the name, keys by e-mail (a re-submission replaces the earlier one), makes
//   an 8-character id, reads the "kl." time in Europe/Oslo (the offset looked up once per hour), finds the
//   municipality by name, reads the yes/no answers, flags a likely duplicate (same phone, name and municipality);
// - decides: in time order, late after the deadline, the first 4 in person of each municipality covered;
// - writes the state (a JSON line per person, flushed to disk), the copy of the file, participants, dietary and
//   digital lists, late registrations, needs-attention, a letter per municipality and a one-table report, with
//   formula-neutralised, quoted cells, sorted by municipality and name.
// Not done (`plan` does them): merging with a workspace, checking columns, names and addresses, problems and their
// texts, matching name variants and neighbours, extra nights, hotels and rooming lists, languages, the status lines.
// Usage: node bench/work-sketch.mjs FILE OUTDIR (FILE as generate.mjs makes it). Prints its in-process time in ms.
import { closeSync, constants, copyFileSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Parser } from 'csv-parse';
import { MUNICIPALITIES } from './generate.mjs';

const [file, out] = process.argv.slice(2);
const t0 = performance.now();
const bytes = readFileSync(file);
const fileHash = createHash('sha256').update(bytes).digest('hex');
const CAP = 1 << 21;
const [first, last, email, key, id, when, org, role, phone, diet, iso] = Array.from({ length: 11 }, () => []);
const time = new Float64Array(CAP), muni = new Int16Array(CAP), flags = new Uint8Array(CAP), status = new Uint8Array(CAP);
const DIGITAL = 1, ROOM = 2, EXTRA = 4, TOP = 8, LIKELY_DUPLICATE = 16, REPLACED = 32;
const byName = new Map();
MUNICIPALITIES.forEach((m, i) => byName.set(m.toLowerCase(), i).set(`${m.toLowerCase()} kommune`, i));
const orgIndex = new Map();
const muniOf = (t) => {
  let k = orgIndex.get(t);
  if (k === undefined) orgIndex.set(t, (k = byName.get(t.toLowerCase()) ?? -1));
  return k;
};
const yes = (t) => (t === 'Ja' || t === 'ja' ? 1 : 0);
const OSLO = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' });
const hours = new Map();
const B32 = '0123456789abcdefghjkmnpqrstvwxyz';
const pad = (x) => (x < 10 ? `0${x}` : `${x}`);
const MINUTE_SECOND = Array.from({ length: 3600 }, (_, i) => `${pad(Math.floor(i / 60))}:${pad(i % 60)}`);
const byKey = new Map();
const seen = new Map();
let n = 0;
let header = true;
function row(c) {
  if (header) return void (header = false);
  const i = n++;
  const full = c[2].trim();
  const sp = full.lastIndexOf(' ');
  first[i] = sp < 0 ? full : full.slice(0, sp);
  last[i] = sp < 0 ? '' : full.slice(sp + 1);
  const e = c[1].trim();
  email[i] = e === '' ? null : e;
  const k = e === '' ? `row:${i}` : e.toLowerCase();
  key[i] = k;
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let j = 0; j < k.length; j++) {
    const ch = k.charCodeAt(j);
    h1 = Math.imul(h1 ^ ch, 16777619);
    h2 = Math.imul(h2 ^ ch, 2246822507);
  }
  let s = '';
  for (let j = 0; j < 4; j++) s += B32[(h1 >>> (j * 5)) & 31] + B32[(h2 >>> (j * 5)) & 31];
  id[i] = s;
  const t = c[0].trim(); // dd.mm.yyyy kl. hh.mm.ss
  when[i] = t;
  // The day and hour by position, their offset and ISO head looked up once per hour; minutes and seconds added.
  const hourKey = t.slice(0, 17);
  let hour = hours.get(hourKey);
  if (hour === undefined) {
    const d = +t.slice(0, 2), mo = +t.slice(3, 5), y = +t.slice(6, 10), hh = +t.slice(15, 17);
    const off = OSLO.format(new Date(Date.UTC(y, mo - 1, d, 12))).includes('+02') ? 120 : 60;
    hours.set(hourKey, (hour = { ms: Date.UTC(y, mo - 1, d, hh) - off * 60_000, head: `${y}-${pad(mo)}-${pad(d)}T${pad(hh)}:`, tail: `+0${off / 60}:00` }));
  }
  const mi = (t.charCodeAt(18) - 48) * 10 + t.charCodeAt(19) - 48, ss = (t.charCodeAt(21) - 48) * 10 + t.charCodeAt(22) - 48;
  time[i] = hour.ms + (mi * 60 + ss) * 1000;
  iso[i] = hour.head + MINUTE_SECOND[mi * 60 + ss] + hour.tail;
  org[i] = c[3].trim();
  muni[i] = muniOf(org[i]);
  role[i] = c[4].trim();
  phone[i] = c[5].trim();
  flags[i] = (c[6].trim() === 'Digital' ? DIGITAL : 0) | yes(c[7].trim()) * ROOM | yes(c[8].trim()) * EXTRA | yes(c[9].trim()) * TOP;
  const dt = c[10].trim();
  diet[i] = dt === '' ? null : dt;
  const before = byKey.get(k);
  if (before !== undefined) flags[before] |= REPLACED;
  byKey.set(k, i);
  const other = seen.get(phone[i]);
  if (other !== undefined && muni[other] === muni[i] && first[other] === first[i] && last[other] === last[i]) flags[i] |= LIKELY_DUPLICATE;
  else seen.set(phone[i], i);
}
const api = new Parser({ bom: true }).api;
const error = api.parse(bytes, true, row, () => {});
if (error) throw error;

// Deciding: in time order; late after the deadline; the first 4 in person per municipality covered.
const deadline = Date.UTC(2021, 8, 15, 22);
const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a] - time[b] || a - b);
const covered = new Int32Array(MUNICIPALITIES.length);
const COVERED = 1, OVER = 2, LATE = 3, DIGITAL_ONLY = 4, ATTENTION = 5;
for (const i of order) {
  if (flags[i] & REPLACED) continue;
  status[i] = time[i] >= deadline ? LATE : flags[i] & DIGITAL ? DIGITAL_ONLY : muni[i] < 0 ? ATTENTION : covered[muni[i]]++ < 4 ? COVERED : OVER;
}
const STATUS = ['', 'Dekt', 'Over kvoten (venteliste)', 'Ventar på avgjerd', 'Digitalt', 'Treng merksemd'];
// Output order: municipality, last name, first name (ranks of the distinct names).
const names = [...new Set([...last, ...first])].sort();
const rank = new Map(names.map((x, i) => [x, i]));
const sortKey = new Float64Array(n);
for (let i = 0; i < n; i++) sortKey[i] = ((muni[i] + 1) * 2 ** 20 + rank.get(last[i])) * 2 ** 20 + rank.get(first[i]);
const outOrder = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => !(flags[i] & REPLACED)).sort((a, b) => sortKey[a] - sortKey[b] || a - b);

// Writing: cells neutralised and quoted; pieces joined into a few kilobytes, encoded into a reused buffer.
const QUOTE = /["\r\n;]/;
const cell = (v) => {
  const ch = v.charCodeAt(0);
  const s = ch === 61 || ch === 43 || ch === 45 || ch === 64 ? `'${v}` : v;
  return QUOTE.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const buf = Buffer.allocUnsafe(1 << 20);
function writeFile(path, lines, durable = false) {
  const fd = openSync(path, 'w');
  let used = 0;
  let pending = '';
  const encode = () => {
    if (pending.length * 3 > buf.length - used) {
      writeSync(fd, buf, 0, used);
      used = 0;
    }
    used += buf.write(pending, used);
    pending = '';
  };
  for (const l of lines) {
    pending += l;
    if (pending.length >= 4096) encode();
  }
  encode();
  writeSync(fd, buf, 0, used);
  if (durable) fsyncSync(fd);
  closeSync(fd);
}
mkdirSync(join(out, 'municipalities'), { recursive: true });
const place = (i) => (muni[i] >= 0 ? MUNICIPALITIES[muni[i]] : org[i]);
const kept = function* (list) {
  for (const i of list) if (!(flags[i] & REPLACED)) yield i;
};
writeFile(join(out, 'state.json'), (function* () {
  yield `{"file":${JSON.stringify([file, fileHash])},"registrations":[\n`;
  for (let i = 0; i < n; i++) {
    yield `${JSON.stringify([key[i], id[i], first[i], last[i], email[i], phone[i], org[i], role[i], iso[i], when[i],
      flags[i] & DIGITAL ? 'digital' : 'in-person', !!(flags[i] & ROOM), !!(flags[i] & EXTRA), !!(flags[i] & TOP), false, diet[i], null, [0, i + 2], 0])},\n`;
  }
  yield ']}\n';
})(), true);
copyFileSync(file, join(out, 'copy.csv'), constants.COPYFILE_FICLONE);
writeFile(join(out, 'participants.csv'), (function* () {
  yield '\uFEFFFørenamn;Etternamn;Kommune/organisasjon;Stilling/rolle;Deltaking;Status\r\n';
  for (const i of outOrder) yield `${cell(first[i])};${cell(last[i])};${cell(place(i))};${cell(role[i])};${flags[i] & DIGITAL ? 'Digitalt' : 'Fysisk'};${STATUS[status[i]]}\r\n`;
})());
writeFile(join(out, 'dietary.csv'), (function* () {
  yield '\uFEFFEtternamn;Førenamn;Kommune/organisasjon;Allergiar, kost og andre behov\r\n';
  for (const i of outOrder) if (diet[i] !== null && !(flags[i] & DIGITAL)) yield `${cell(last[i])};${cell(first[i])};${cell(place(i))};${cell(diet[i])}\r\n`;
})());
writeFile(join(out, 'digital-participants.csv'), (function* () {
  yield '\uFEFFFørenamn;Etternamn;E-post\r\n';
  for (const i of outOrder) if (flags[i] & DIGITAL) yield `${cell(first[i])};${cell(last[i])};${cell(email[i] ?? '')}\r\n`;
})());
writeFile(join(out, 'late-registrations.csv'), (function* () {
  yield '\uFEFFID;Namn;Kommune/organisasjon;Sendt inn;Avgjerd;E-post;Kommando\r\n';
  for (const i of kept(order)) if (status[i] === LATE) yield `${id[i]};${cell(`${first[i]} ${last[i]}`)};${cell(place(i))};${iso[i]};Ventar på avgjerd;${cell(email[i] ?? '')};samling late --approve ${id[i]}\r\n`;
})());
writeFile(join(out, 'needs-attention.csv'), (function* () {
  yield '\uFEFFID;Namn;Kommune/organisasjon;Fil;Rad;Grunn;Kommando\r\n';
  for (let i = 0; i < n; i++) if (flags[i] & LIKELY_DUPLICATE && !(flags[i] & REPLACED)) yield `${id[i]};${cell(`${first[i]} ${last[i]}`)};${cell(org[i])};export.csv;${i + 2};Truleg same person som ei anna påmelding;samling decide ${id[i]} --cancel\r\n`;
})());
for (let m = 0; m < MUNICIPALITIES.length; m++) {
  writeFile(join(out, 'municipalities', `${m}.md`), (function* () {
    yield `# Påmelde frå ${MUNICIPALITIES[m]}\n\n| Namn | Status | Netter | Ekstranatt |\n| --- | --- | --- | --- |\n`;
    for (const i of outOrder) if (muni[i] === m) yield `| ${first[i]} ${last[i]} | ${STATUS[status[i]]} | ${status[i] === COVERED ? '11.–12. november 2021' : 'Ingen'} | Ikkje ønskt |\n`;
  })());
}
writeFile(join(out, 'report.html'), (function* () {
  yield '<!doctype html><meta charset="utf-8"><title>Klimasamling</title><table>\n';
  for (const i of kept(order)) if (status[i] === LATE) yield `<tr><td>${id[i]}<td>${esc(`${first[i]} ${last[i]}`)}<td>${esc(place(i))}<td>${iso[i]}\n`;
  yield '</table>\n';
})());
const ms = performance.now() - t0;
if (!process.env.KEEP) rmSync(out, { recursive: true, force: true });
if (n < 1) process.exit(1);
process.stdout.write(`${ms.toFixed(1)}\n`);
