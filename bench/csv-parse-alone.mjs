// The baseline of SPEC 9: read the file and parse it with csv-parse alone (sync, default options and the
// delimiter), as a process of its own. Prints the in-process parse time in ms on stdout.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const t0 = performance.now();
const records = parse(readFileSync(process.argv[2]), { delimiter: process.argv[3] ?? ',' });
const ms = performance.now() - t0;
if (records.length < 1) process.exit(1);
process.stdout.write(`${ms.toFixed(1)}\n`);
