// municipalities.csv: one row per municipality of the region, those with no registration included. Pure.
import type { Lang, MunicipalitySummary, Plan } from '../types.js';
import { t, yesNo, type MessageKey } from './i18n.js';

const COLUMNS: [MessageKey, (m: MunicipalitySummary, lang: Lang) => string][] = [
  ['col.code', (m) => m.code],
  ['col.municipality', (m) => m.name],
  ['col.registered', (m) => String(m.registered)],
  ['col.inPerson', (m) => String(m.inPerson)],
  ['col.digital', (m) => String(m.digital)],
  ['col.covered', (m) => String(m.covered)],
  ['col.extraNights', (m) => String(m.extraNights)],
  ['col.overQuota', (m) => String(m.overQuota)],
  ['col.latePending', (m) => String(m.latePending)],
  ['col.lateApproved', (m) => String(m.lateApproved)],
  ['col.lateRejected', (m) => String(m.lateRejected)],
  ['col.cancelled', (m) => String(m.cancelled)],
  ['col.topLeader', (m, lang) => yesNo(m.topLeader, lang)],
  ['col.placesLeft', (m) => String(m.placesLeft)],
  ['col.roomNights', (m) => String(m.roomNights)],
  ['col.cost', (m, lang) => formatAmount(m.cost, lang)],
];

/** An amount for a spreadsheet: whole numbers as is, otherwise two decimals (decimal comma in nn/nb). */
export function formatAmount(n: number | null, lang: Lang): string {
  if (n === null) return '';
  const s = Number.isInteger(n) ? String(n) : n.toFixed(2);
  return lang === 'en' ? s : s.replace('.', ',');
}

export function municipalityRows(plan: Plan, lang: Lang): { header: string[]; rows: string[][] } {
  return {
    header: COLUMNS.map(([k]) => t(lang, k)),
    rows: plan.municipalities.map((m) => COLUMNS.map(([, f]) => f(m, lang))),
  };
}
