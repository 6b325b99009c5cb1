// Plans built by hand for the report and list tests: the 2021 Møre og Romsdal event, 26 municipalities,
// invented people (example.org addresses, fake phone numbers).
import { DEFAULT_EVENT } from '../../src/config/default-event.js';
import { MUNICIPALITIES } from '../../src/data/register-data.js';
import type { EventSettings, MunicipalityRef, MunicipalitySummary, Plan, PlannedRegistration } from '../../src/core/types.js';

/** The 26 municipalities of Møre og Romsdal as of 2021, from the embedded register ("Herøy", not "Herøy (Møre og Romsdal)"). */
export const REGION: MunicipalityRef[] = MUNICIPALITIES['2020']['15']!.split('|').map((entry) => {
  const [, code, name] = /^(\d{4}) (.*?)(?: \(.*\))?$/.exec(entry)!;
  return { code: code!, name: name! };
});
export const muni = (name: string): MunicipalityRef => {
  const m = REGION.find((x) => x.name === name);
  if (!m) throw new Error(`no municipality ${name}`);
  return m;
};

let seq = 0;
const FIRST = ['Ingrid', 'Sindre', 'Maren', 'Torstein', 'Sigrid', 'Eirik', 'Ragnhild', 'Håvard', 'Solveig', 'Audun', 'Brynhild', 'Gunnvald'];

/** A covered in-person participant from Ørsta with the main night, unless told otherwise. */
export function reg(over: Partial<PlannedRegistration> = {}): PlannedRegistration {
  seq++;
  const municipality = over.municipality === undefined ? muni('Ørsta') : over.municipality;
  return {
    id: `xq${String(seq).padStart(4, '0')}`,
    firstName: FIRST[seq % FIRST.length]!,
    lastName: `Prøvesen${seq}`,
    email: `deltakar${seq}@example.org`,
    phone: `400 00 ${String(seq).padStart(3, '0')}`,
    municipality,
    organisation: municipality ? `${municipality.name} kommune` : 'Firma AS',
    role: 'Rådgjevar',
    submittedAt: '2021-09-01T10:00:00+02:00',
    late: false,
    lateDecision: null,
    status: 'covered',
    extraNight: 'not-requested',
    nights: ['2021-11-11'],
    hotel: 'Scandic Parken',
    attendance: 'in-person',
    needsRoom: true,
    topLeader: false,
    dietary: null,
    notes: null,
    problems: [],
    warnings: [],
    outside: null,
    source: { file: 'pameldingar.csv', hash: 'abc', row: seq + 1 },
    ...over,
  };
}

/** A plan with every municipality of the region summarised from the registrations, and paid nights per hotel. */
export function plan(
  registrations: PlannedRegistration[],
  event: Partial<EventSettings> = {},
  hotels: { name: string; rooms: number | null }[] = [{ name: 'Scandic Parken', rooms: 40 }],
): Plan {
  const ev = { ...DEFAULT_EVENT, ...event };
  const municipalities: MunicipalitySummary[] = REGION.map((m) => {
    const own = registrations.filter((r) => r.municipality?.code === m.code);
    const count = (f: (r: PlannedRegistration) => boolean) => own.filter(f).length;
    const covered = count((r) => r.status === 'covered');
    const roomNights = own.reduce((n, r) => n + r.nights.length, 0);
    return {
      ...m,
      registered: count((r) => r.status !== 'cancelled'),
      inPerson: count((r) => r.status !== 'cancelled' && r.attendance === 'in-person'),
      digital: count((r) => r.status !== 'cancelled' && r.attendance === 'digital'),
      covered,
      extraNights: count((r) => r.extraNight === 'granted'),
      overQuota: count((r) => r.status === 'over-quota'),
      latePending: count((r) => r.status === 'late-pending'),
      lateApproved: count((r) => r.lateDecision === 'approved'),
      lateRejected: count((r) => r.status === 'late-rejected'),
      cancelled: count((r) => r.status === 'cancelled'),
      topLeader: own.some((r) => r.topLeader && r.status !== 'cancelled'),
      placesLeft: Math.max(0, ev.quota - covered),
      roomNights,
      cost: ev.roomRate === null ? null : ev.roomRate * roomNights,
    };
  });
  const dates = [ev.extraNight, ev.mainNight].filter((d): d is string => d !== null);
  const rooms = (date: string, hotel?: string) =>
    registrations.filter((r) => r.nights.includes(date) && (hotel === undefined || r.hotel === hotel)).length;
  return {
    event: ev,
    registrations,
    municipalities,
    nights: dates.map((date) => ({ date, rooms: rooms(date) })),
    hotels: hotels.map((h) => ({ name: h.name, nights: dates.map((date) => ({ date, rooms: rooms(date, h.name), capacity: h.rooms })) })),
  };
}

/** Municipalities left with no registration in the sample. */
export const SAMPLE_MISSING = ['Sande', 'Smøla', 'Aure'];

/**
 * The sample event as of 1 October 2021: Ørsta full with one on the waiting list, Ålesund with an extra-night
 * request held for review, late ones pending/approved/rejected, an unknown municipality, a county-council guest,
 * digital participants, dietary needs, a name with HTML characters and a formula, and one person in each
 * municipality but three.
 */
export function samplePlan(event: Partial<EventSettings> = {}): Plan {
  const orsta = muni('Ørsta');
  const alesund = muni('Ålesund');
  const molde = muni('Molde');
  const volda = muni('Volda');
  const rs: PlannedRegistration[] = [
    reg({ municipality: orsta, role: 'Klimarådgjevar', extraNight: 'granted', nights: ['2021-11-10', '2021-11-11'], dietary: 'Glutenfri' }),
    reg({ municipality: orsta, role: 'Innkjøpssjef', dietary: 'Nei' }),
    reg({ municipality: orsta, role: 'Ordførar', topLeader: true }),
    reg({ municipality: orsta, role: 'Arealplanleggar' }),
    reg({ municipality: orsta, role: 'Landbrukssjef', status: 'over-quota', nights: [], hotel: null, dietary: 'Vegetar' }),
    reg({ municipality: alesund, role: 'Kommunedirektør', topLeader: true }),
    reg({ municipality: alesund, role: 'Miljøvernrådgjevar', extraNight: 'review' }),
    reg({ municipality: alesund, role: 'Eigedomssjef', status: 'no-room', needsRoom: false, nights: [], hotel: null, dietary: 'Nøtteallergi' }),
    reg({ municipality: alesund, role: 'Næringssjef', status: 'digital', attendance: 'digital', needsRoom: false, nights: [], hotel: null }),
    reg({ municipality: alesund, role: 'Rådgjevar', status: 'cancelled', attendance: 'digital', nights: [], hotel: null, firstName: 'Avmelda', lastName: 'Trekkesen' }),
    reg({ municipality: molde, role: 'Klimatilpassingskoordinator' }),
    reg({
      municipality: molde,
      role: 'Planleggar',
      status: 'late-pending',
      late: true,
      submittedAt: '2021-09-20T09:00:00+02:00',
      nights: [],
      hotel: null,
    }),
    reg({ municipality: volda, role: 'Rådmann', topLeader: true, late: true, lateDecision: 'approved', submittedAt: '2021-09-17T12:00:00+02:00' }),
    reg({ municipality: volda, role: 'Byggesakshandsamar', status: 'late-rejected', late: true, lateDecision: 'rejected', submittedAt: '2021-09-25T08:00:00+02:00', nights: [], hotel: null }),
    reg({
      municipality: muni('Kristiansund'),
      firstName: 'Ola <b>&',
      lastName: `"O'Neill"`,
      role: '=HYPERLINK("http://example.org")',
      dietary: '-Laktosefri',
    }),
    reg({
      municipality: null,
      organisation: 'Kristiansand',
      status: 'needs-attention',
      nights: [],
      hotel: null,
      problems: [{ code: 'unknown-municipality', args: { text: 'Kristiansand', suggestion: 'Kristiansund', codes: '1505' } }],
    }),
    reg({
      municipality: muni('Giske'),
      email: 'feil-adresse@example',
      problems: [{ code: 'bad-email', args: { text: 'feil-adresse@example' } }],
    }),
    reg({
      municipality: null,
      organisation: 'Møre og Romsdal fylkeskommune',
      status: 'not-eligible',
      role: 'Seniorrådgjevar berekraft',
      outside: { name: 'Møre og Romsdal fylkeskommune', county: null },
      nights: [],
      hotel: null,
      dietary: 'Laktosefri',
    }),
    reg({
      municipality: null,
      organisation: 'Statsforvaltaren',
      status: 'not-eligible',
      attendance: 'digital',
      needsRoom: false,
      nights: [],
      hotel: null,
      dietary: 'Glutenfri',
    }),
  ];
  const taken = new Set([...rs.map((r) => r.municipality?.name), ...SAMPLE_MISSING]);
  for (const m of REGION) if (!taken.has(m.name)) rs.push(reg({ municipality: m, role: 'Rådgjevar miljø' }));
  return plan(rs, event);
}
