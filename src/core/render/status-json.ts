// The `status --json` contract of SPEC section 6. Pure. Fields may be added; these keep their meaning.
// The people are a JsonList: made one at a time as they are printed (ui/output's json).
import { problemText } from './i18n.js';
import { JsonList } from './json.js';
import type { Plan, PlannedRegistration } from '../types.js';

export function statusJson(plan: Plan) {
  const e = plan.event;
  return {
    event: {
      name: e.name,
      venue: e.venue,
      timeZone: e.timeZone,
      deadline: e.deadline,
      quota: e.quota,
      mainNight: e.mainNight,
      extraNight: e.extraNight,
      latePolicy: e.latePolicy,
    },
    registrations: new JsonList(plan.registrations, (r: PlannedRegistration) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      municipality: r.municipality,
      organisation: r.organisation,
      role: r.role,
      submittedAt: r.submittedAt,
      late: r.late,
      lateDecision: r.lateDecision,
      status: r.status,
      extraNight: r.extraNight,
      nights: r.nights,
      hotel: r.hotel,
      attendance: r.attendance,
      needsRoom: r.needsRoom,
      topLeader: r.topLeader,
      problems: r.problems.map((p) => problemText(p, 'en')),
      warnings: r.warnings.map((p) => problemText(p, 'en')),
      source: { file: r.source.file, row: r.source.row },
    })),
    municipalities: plan.municipalities,
    nights: plan.nights,
    hotels: plan.hotels,
  };
}
