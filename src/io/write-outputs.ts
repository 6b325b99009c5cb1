// Writes the outputs of SPEC section 4 into --out (created if needed, never emptied): each to its temporary
// file, put in place with the others by the caller (see stageFiles), so that a file that cannot be written
// leaves every output as it was. The long ones are rendered a row at a time as they are written, never held
// whole. Returns the paths written, relative to the out folder.
import { join } from 'node:path';
import { removeLeftoverTemporaries, type StagedFiles } from './atomic.js';
import { csvChunks, tableChunks } from './write-csv.js';
import { hotelChangesFileName, hotelFileName, hotelNames, roomingChanges, roomingRows, type Stay } from '../core/render/rooming.js';
import { municipalityRows } from '../core/render/municipalities.js';
import { municipalityLetters } from '../core/render/letters.js';
import { attentionRows, lateRows } from '../core/render/attention.js';
import { reportChunks } from '../core/render/report.js';
import { dietaryRows, digitalRows, participantRows } from '../core/render/lists.js';
import type { Lang, Plan } from '../core/types.js';
import type { ListTable } from '../core/render/common.js';

/**
 * The temporary files of samling's outputs (`.<output>.<pid>.tmp`, see io/atomic), in the out folder and in
 * its municipalities/ folder: nothing else there is ever removed (the out folder is the organiser's).
 */
const OUTPUT_TEMPORARY = /^\.(?:rooming-(?:list|changes)-[^/\\]+\.(?:csv|xlsx)|municipalities\.csv|late-registrations\.csv|needs-attention\.csv|participants\.csv|dietary\.csv|digital-participants\.csv|report(?:-no-names)?\.html)\.(\d+)\.tmp$/;
const LETTER_TEMPORARY = /^\.\d+-[^/\\]+\.md\.(\d+)\.tmp$/;

/** Removes the temporary outputs a samling killed outright (SIGKILL, a power cut) left in the out folder. */
export function removeLeftoverOutputs(o: Pick<WriteOptions, 'outDir'>): void {
  removeLeftoverTemporaries(o.outDir, OUTPUT_TEMPORARY);
  removeLeftoverTemporaries(join(o.outDir, 'municipalities'), LETTER_TEMPORARY);
}

export interface WriteOptions {
  outDir: string;
  lang: Lang;
  delimiter: string;
  format: 'csv' | 'xlsx';
}

export interface RoomingResult {
  written: string[];
  changes: Record<string, number>;
}


/**
 * Writes each hotel's rooming list (`stays`: roomingStays), and its changes file against the stays it got
 * before (`previous`).
 */
export async function writeRoomingLists(
  plan: Plan,
  previous: Record<string, Stay[]>,
  stays: Record<string, Stay[]>,
  o: WriteOptions,
  files: StagedFiles,
): Promise<RoomingResult> {
  const written: string[] = [];
  const changes: Record<string, number> = {};
  for (const hotel of hotelNames(plan)) {
    const { header, rows } = roomingRows(plan, hotel, o.lang, stays[hotel]);
    const file = hotelFileName(hotel);
    files.add(join(o.outDir, file), csvChunks(header, rows, { delimiter: o.delimiter }));
    written.push(file);
    if (o.format === 'xlsx') {
      const { toXlsx } = await import('./write-xlsx.js');
      const xfile = file.replace(/\.csv$/, '.xlsx');
      files.add(join(o.outDir, xfile), await toXlsx(hotel.slice(0, 31) || 'hotel', header, rows));
      written.push(xfile);
    }
    const before = previous[hotel];
    if (before) {
      const diff = roomingChanges(before, stays[hotel]!, o.lang);
      changes[hotel] = diff.rows.length;
      // Nothing changed since the last list: the changes file keeps the last amendment, which may not have been
      // sent yet and could not be made again (the state has moved on); the command says it is the earlier one.
      if (diff.rows.length) {
        const cfile = hotelChangesFileName(hotel);
        files.add(join(o.outDir, cfile), csvChunks(diff.header, diff.rows, { delimiter: o.delimiter }));
        written.push(cfile);
      }
    }
  }
  return { written, changes };
}

export function writeSummaries(plan: Plan, o: WriteOptions, files: StagedFiles): string[] {
  const written: string[] = [];
  const csv = (name: string, t: { header: string[]; rows: Iterable<string[]> } | ListTable) => {
    const chunks = 'lines' in t ? tableChunks(t, { delimiter: o.delimiter }) : csvChunks(t.header, t.rows, { delimiter: o.delimiter });
    files.add(join(o.outDir, name), chunks);
    written.push(name);
  };
  csv('municipalities.csv', municipalityRows(plan, o.lang));
  for (const letter of municipalityLetters(plan, o.lang)) {
    files.add(join(o.outDir, 'municipalities', letter.fileName), letter.chunks);
    written.push(join('municipalities', letter.fileName));
  }
  csv('late-registrations.csv', lateRows(plan, o.lang));
  csv('needs-attention.csv', attentionRows(plan, o.lang));
  return written;
}

/** report.html (or, without names, report-no-names.html, so the two can never be mixed up). */
export function writeReport(plan: Plan, o: WriteOptions & { today: string; names: boolean }, files: StagedFiles): string {
  const name = o.names ? 'report.html' : 'report-no-names.html';
  files.add(join(o.outDir, name), reportChunks(plan, o.lang, { today: o.today, names: o.names }));
  return name;
}

/** participants.csv (the door), dietary.csv (the caterer), digital-participants.csv (the webinar host). */
export function writeLists(plan: Plan, o: WriteOptions, files: StagedFiles): string[] {
  const lists = { 'participants.csv': participantRows, 'dietary.csv': dietaryRows, 'digital-participants.csv': digitalRows };
  return Object.entries(lists).map(([name, rows]) => {
    const t = rows(plan, o.lang);
    files.add(join(o.outDir, name), tableChunks(t, { delimiter: o.delimiter }));
    return name;
  });
}
