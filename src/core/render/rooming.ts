// The hotel's rooming list and the amendment against an earlier one. Pure.
import type { Lang, Plan, PlannedRegistration } from '../types.js';
import { localPhone, organisationOf, runs, slug, sortBy, sortKey } from './common.js';
import { addDays } from '../dates.js';
import { t, type MessageKey } from './i18n.js';

/** One guest's stay at one hotel: consecutive paid nights. The data form used for change detection. */
export interface Stay {
  id: string;
  lastName: string;
  firstName: string;
  organisation: string;
  /** `YYYY-MM-DD` */
  arrival: string;
  departure: string;
  nights: number;
  roomType: string;
  payer: string;
  /** Present only when the config asks for them. */
  email?: string;
  phone?: string;
}

/** The hotel's name when none is configured. */
export const DEFAULT_HOTEL = 'hotel';

export const hotelFileName = (name: string): string => `rooming-list-${slug(name)}.csv`;
export const hotelChangesFileName = (name: string): string => `rooming-changes-${slug(name)}.csv`;

/** The names of the hotels the plan uses, in order of preference (`hotel` when none is configured). */
export function hotelNames(plan: Plan): string[] {
  return plan.event.hotels.length ? plan.event.hotels.map((h) => h.name) : [DEFAULT_HOTEL];
}

/** The stays each hotel's rooming list holds (what the workspace keeps for the next changes file). */
export function roomingStays(plan: Plan, lang: Lang): Record<string, Stay[]> {
  const stays: Record<string, Stay[]> = {};
  for (const hotel of hotelNames(plan)) stays[hotel] = staysAt(plan, hotel, lang);
  return stays;
}

/** Every stay at `hotelName`, sorted by arrival, municipality, last name. */
export function staysAt(plan: Plan, hotelName: string, lang: Lang): Stay[] {
  const { roomingList, hotels, mainNight } = plan.event;
  // With no hotel configured everyone placed is at `hotel`; with hotels, null means "not placed".
  const unplacedAt = hotels.length === 0 ? DEFAULT_HOTEL : null;
  const organiser = t(lang, 'payer.organiser');
  // The usual room types in the list's language; anything else the config names is written as given.
  const known = { single: 'roomType.single', enkeltrom: 'roomType.single', double: 'roomType.double', dobbeltrom: 'roomType.double' } as const;
  const typed = roomingList.roomType.trim().toLowerCase();
  const roomType = typed in known ? t(lang, known[typed as keyof typeof known]) : roomingList.roomType;
  const stays: Stay[] = [];

  const add = (r: PlannedRegistration, nights: string[], payer: string) => {
    const stay: Stay = {
      id: r.id,
      lastName: r.lastName,
      firstName: r.firstName,
      organisation: organisationOf(r),
      arrival: nights[0]!,
      departure: addDays(nights[nights.length - 1]!, 1),
      nights: nights.length,
      roomType,
      payer,
    };
    if (roomingList.email) stay.email = r.email ?? '';
    if (roomingList.phone) stay.phone = r.phone ? localPhone(r.phone) : '';
    stays.push(stay);
  };

  for (const r of plan.registrations) {
    if (r.status === 'covered') {
      if ((r.hotel ?? unplacedAt) !== hotelName || r.nights.length === 0) continue;
      for (const run of runs(r.nights)) add(r, run, organiser);
    } else if (r.status === 'over-quota' && roomingList.includeOverQuota && (r.hotel ?? unplacedAt) === hotelName) {
      // Placed by the plan in the rooms the covered people left (rules' assignHotels); none when every hotel was full.
      add(r, [mainNight], t(lang, 'payer.municipality', { name: organisationOf(r) }));
    }
  }
  return sortBy(stays, (s) => [s.arrival, sortKey(s.organisation), sortKey(s.lastName), sortKey(s.firstName), s.id]);
}

type Column = [keyof Stay, MessageKey];
const BASE_COLUMNS: Column[] = [
  ['id', 'col.id'],
  ['lastName', 'col.lastName'],
  ['firstName', 'col.firstName'],
  ['organisation', 'col.organisation'],
  ['arrival', 'col.arrival'],
  ['departure', 'col.departure'],
  ['nights', 'col.nights'],
  ['roomType', 'col.roomType'],
  ['payer', 'col.payer'],
];

function columns(email: boolean, phone: boolean): Column[] {
  const cols = [...BASE_COLUMNS];
  if (email) cols.push(['email', 'col.email']);
  if (phone) cols.push(['phone', 'col.phone']);
  return cols;
}

const cell = (s: Stay, key: keyof Stay): string => String(s[key] ?? '');

/** The rooming list for one hotel: header, one row per stay, and the stays for the next change check. */
export function roomingRows(
  plan: Plan,
  hotelName: string,
  lang: Lang,
  stays: Stay[] = staysAt(plan, hotelName, lang),
): { header: string[]; rows: string[][]; stays: Stay[] } {
  const cols = columns(plan.event.roomingList.email, plan.event.roomingList.phone);
  return {
    header: cols.map(([, k]) => t(lang, k)),
    rows: stays.map((s) => cols.map(([key]) => cell(s, key))),
    stays,
  };
}

/**
 * What changed since the list the hotel last got: added, removed and changed stays (changed cells read
 * "old → new"), keyed by registration id. No rows when nothing changed.
 */
export function roomingChanges(previous: Stay[], current: Stay[], lang: Lang): { header: string[]; rows: string[][] } {
  const all = [...previous, ...current];
  const cols = columns(
    all.some((s) => s.email !== undefined),
    all.some((s) => s.phone !== undefined),
  );
  const header = [t(lang, 'col.change'), ...cols.map(([, k]) => t(lang, k))];
  // A person with two separate stays at one hotel gets keys id, id#2…
  const keyed = (stays: Stay[]) => {
    const map = new Map<string, Stay>();
    for (const s of stays) {
      let key = s.id;
      for (let n = 2; map.has(key); n++) key = `${s.id}#${n}`;
      map.set(key, s);
    }
    return map;
  };
  const before = keyed(previous);
  const after = keyed(current);
  const added: string[][] = [];
  const changed: string[][] = [];
  const removed: string[][] = [];
  for (const [key, s] of after) {
    const old = before.get(key);
    if (!old) {
      added.push([t(lang, 'change.added'), ...cols.map(([c]) => cell(s, c))]);
      continue;
    }
    const cells = cols.map(([c]) => {
      const a = cell(old, c);
      const b = cell(s, c);
      return a === b ? b : `${a} → ${b}`;
    });
    if (cols.some(([c]) => cell(old, c) !== cell(s, c))) changed.push([t(lang, 'change.changed'), ...cells]);
  }
  for (const [key, s] of before) {
    if (!after.has(key)) removed.push([t(lang, 'change.removed'), ...cols.map(([c]) => cell(s, c))]);
  }
  return { header, rows: [...added, ...removed, ...changed] };
}
