// The schema of samling.config.json (zod). Loaded only when there is a settings file to check.
import { z } from 'zod';
import { FIELDS } from '../core/types.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine(
  (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  'not a real date',
);
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected a local time as YYYY-MM-DDTHH:mm');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not a known time zone (e.g. Europe/Oslo)');
const money = z.number().nonnegative('expected an amount ≥ 0').nullable();
const fieldName = z.enum(["ignore", ...FIELDS] as [string, ...string[]], {
  error: () => `expected one of ${[...FIELDS, 'ignore'].join(', ')}`,
});

const hotel = z.strictObject({
  name: z.string().trim().min(1, 'a hotel needs a name'),
  rooms: z.number().int('expected a whole number of rooms').positive('expected at least 1 room').nullable().optional(),
  roomRate: money.optional(),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().trim().min(1).optional(),
  venue: z.string().trim().min(1).optional(),
  timeZone: timeZone.optional(),
  start: dateTime.optional(),
  end: dateTime.optional(),
  mainNight: date.optional(),
  extraNight: date.nullable().optional(),
  deadline: date.optional(),
  quota: z.number().int('expected a whole number').min(0, 'expected 0 or more').optional(),
  latePolicy: z.enum(['review', 'accept', 'reject'], { error: () => 'expected review, accept or reject' }).optional(),
  region: z
    .union([
      z.string().trim().min(1),
      z.strictObject({ county: z.string().trim().min(1), period: z.enum(['2020', '2024']).optional() }),
    ])
    .optional(),
  register: z.string().trim().min(1, 'expected the path of a CSV file').optional(),
  extraNightReview: z.array(z.string().regex(/^\d{4}$/, 'expected a 4-digit municipality code')).optional(),
  hotels: z.array(hotel).optional(),
  roomRate: money.optional(),
  roomingList: z
    .strictObject({
      email: z.boolean().optional(),
      phone: z.boolean().optional(),
      includeOverQuota: z.boolean().optional(),
      roomType: z.string().trim().min(1).optional(),
    })
    .optional(),
  assumeInPerson: z.boolean().optional(),
  assumeNeedsRoom: z.boolean().optional(),
  columns: z.record(z.string(), fieldName).optional(),
  aliases: z.record(z.string(), z.string().regex(/^\d{4}$/, 'expected a 4-digit municipality code').nullable()).optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;

/** Turns zod issues into one line per bad field: `quota: expected a whole number`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(top level)';
    const msg = i.code === 'unrecognized_keys' ? `unknown setting${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return `${path}: ${msg}`;
  });
}
