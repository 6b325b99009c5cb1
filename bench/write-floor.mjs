// The floor under SPEC 9's ratio: csv-parse alone (as csv-parse-alone.mjs), then what `plan` writes: the copy
// of the file, made as plan makes it (copyFileSync, a clone where the file system can), and as many bytes again
// as its outputs and the workspace state, made from the parsed records in a cheap way (each record's cells joined
// by ";" with no quoting, joined into a few kilobytes, encoded into a reused buffer): no checking, merging, deciding,
// sorting or escaping. What `plan` takes beyond this is its own work.
// Usage: node bench/write-floor.mjs FILE DELIM BYTES OUT, BYTES all that plan wrote (the copy included).
// Prints its in-process time in ms.
import { closeSync, constants, copyFileSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const [file, delimiter, bytesArg, out] = process.argv.slice(2);
const t0 = performance.now();
const records = parse(readFileSync(file), { delimiter });
copyFileSync(file, `${out}.copy`, constants.COPYFILE_FICLONE);
const target = Number(bytesArg) - statSync(file).size;
const buf = Buffer.allocUnsafe(1 << 20);
const fd = openSync(out, 'w');
let used = 0;
let written = 0;
let pending = '';
const flush = () => {
  writeSync(fd, buf, 0, used);
  written += used;
  used = 0;
};
const encode = () => {
  if (pending.length * 3 > buf.length - used) flush();
  used += buf.write(pending, used);
  pending = '';
};
// Record after record, again from the first if need be, until the bytes are there.
for (let i = 1; written + used + pending.length < target; i = i + 1 < records.length ? i + 1 : 1) {
  pending += records[i].join(';') + '\n';
  if (pending.length >= 4096) encode();
}
encode();
flush();
closeSync(fd);
const ms = performance.now() - t0;
rmSync(out);
rmSync(`${out}.copy`);
if (records.length < 2) process.exit(1);
process.stdout.write(`${ms.toFixed(1)}\n`);
