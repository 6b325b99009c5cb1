import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/core/render/report.js';
import { ROLE_AREAS, roleAreas, roleAreaText } from '../src/core/render/roles.js';
import { LANGS } from '../src/core/render/i18n.js';
import type { Plan } from '../src/core/types.js';
import { muni, plan, reg, REGION, SAMPLE_MISSING, samplePlan } from './helpers/report-plan.js';

const TODAY = '2021-10-01';
const sample = samplePlan();
const html = renderReport(sample, 'nn', { today: TODAY, names: true });
const aggregate = renderReport(sample, 'nn', { today: TODAY, names: false });

/** The visible text of an element found by a regex on the markup, tags stripped and entities decoded. */
const text = (s: string) =>
  s
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ')
    .trim();
const figure = (doc: string, id: string) => text(doc.match(new RegExp(`id="fig-${id}">(.*?)</div>`))![1]!);
const row = (doc: string, code: string) => text(doc.match(new RegExp(`<tr class="(?:none|some)" data-code="${code}">([\\s\\S]*?)</tr>`))![1]!);

describe('roleAreas', () => {
  it.each([
    ['Klimarådgjevar', ['emissions']],
    ['Klimatilpassingskoordinator', ['adaptation']],
    ['Rådgiver klimatilpasning', ['adaptation']],
    ['Klima- og miljørådgjevar', ['emissions', 'environment']],
    ['Innkjøpssjef', ['procurement']],
    ['Innkjøpsrådgiver', ['procurement']],
    ['Arealplanleggar', ['planning']],
    ['Landbrukssjef', ['agriculture']],
    ['Eigedomssjef', ['property']],
    ['Eiendomsforvalter', ['property']],
    ['Næringssjef', ['business']],
    ['Miljøvernrådgjevar', ['environment']],
    ['Rådgjevar berekraft', ['environment']],
    ['Head of Procurement', ['procurement']],
    ['Climate adaptation officer', ['adaptation']],
    ['Senior planner', ['planning']],
    ['Business development manager', ['business']],
    ['Ordførar', ['other']],
    ['Kommunedirektør', ['other']],
    ['HMS og arbeidsmiljø', ['other']],
    ['Ernæringsfysiolog', ['other']],
    ['Planteprodusent', ['other']],
    ['   ', []],
  ])('%s → %j', (role, areas) => {
    expect(roleAreas(role)).toEqual(areas);
  });
  it('names nothing when there is no role', () => expect(roleAreas(null)).toEqual([]));
  it('has a label for every area in every language', () => {
    for (const lang of LANGS) for (const a of ROLE_AREAS) expect(roleAreaText(a, lang)).toMatch(/\S/);
  });
});

describe('report.html', () => {
  it.each(LANGS)('passes html-validate (recommended rules) in %s, with and without names', async (lang) => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const names of [true, false]) {
      const report = await validator.validateString(renderReport(sample, lang, { today: TODAY, names }));
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
      expect(messages, `${lang} names=${names}`).toEqual([]);
    }
    // Also with nothing late, nothing to check and every municipality registered, with two hotels.
    const calm = plan(REGION.map((m) => reg({ municipality: m })), {}, [{ name: 'A', rooms: 10 }, { name: 'B', rooms: null }]);
    const report = await validator.validateString(renderReport(calm, lang, { today: TODAY, names: true }));
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
  });

  it('is self-contained: no script, link, external URL, font or image', () => {
    for (const doc of [html, aggregate]) {
      expect(doc).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(|src=|href=/i);
      expect(doc).not.toMatch(/https?:\/\/(?!example\.org)/);
    }
  });

  it('declares the language and prints on A4', () => {
    expect(html).toContain('<html lang="nn">');
    expect(renderReport(sample, 'nb', { today: TODAY, names: true })).toContain('<html lang="nb">');
    expect(renderReport(sample, 'en', { today: TODAY, names: true })).toContain('<html lang="en">');
    expect(html).toMatch(/@page\{size:A4/);
    expect(html).toMatch(/@media print\{[\s\S]*break-inside:avoid/);
  });

  it('shows the event, its dates, and how long until the event and since the deadline', () => {
    expect(text(html)).toContain('Klimasamling for kommunane i Møre og Romsdal');
    expect(text(html)).toContain('Ålesund · 11.–12. november 2021');
    expect(text(html)).toContain('Samlinga byrjar om 41 dagar.');
    expect(text(html)).toContain('Påmeldingsfristen var 15. september 2021, for 16 dagar sidan.');
    const before = renderReport(sample, 'en', { today: '2021-09-14', names: true });
    expect(text(before)).toContain('The registration deadline is 15 September 2021, in 1 day.');
    const during = renderReport(sample, 'nb', { today: '2021-11-12', names: true });
    expect(text(during)).toContain('Samlingen er i gang.');
    expect(text(renderReport(sample, 'nb', { today: '2021-11-15', names: true }))).toContain('Samlingen var for 3 dager siden.');
  });

  it('shows the headline figures an organiser counts by hand', () => {
    // 19 named in the sample + one in each of the 17 other municipalities = 36, one of them cancelled.
    const active = sample.registrations.filter((r) => r.status !== 'cancelled');
    expect(active).toHaveLength(35);
    expect(figure(html, 'registered')).toBe('Påmelde 35');
    expect(figure(html, 'in-person')).toBe('Fysisk oppmøte 33');
    expect(figure(html, 'digital')).toBe('Digitalt 2');
    expect(figure(html, 'late-pending')).toBe('Seine, ventar på avgjerd 1');
    // Unknown municipality, a bad e-mail, an extra night under review.
    expect(figure(html, 'attention')).toBe('Må sjekkast 3');
    expect(figure(html, 'no-registration')).toBe('Kommunar utan påmelding 3 av 26');
    expect(figure(html, 'top-leaders')).toBe('Kommunar med toppleiar 3 av 26');
  });

  it('shows paid rooms per night against the hotel rooms, and a total when there are several hotels', () => {
    expect(text(html)).toMatch(/10\.–11\. november 2021 Scandic Parken 1 av 40/);
    // Ørsta 4, Ålesund 2, Molde 1, Volda 1, Kristiansund 1, Giske 1, one in each of 17 others.
    const main = sample.nights.find((n) => n.date === '2021-11-11')!.rooms;
    expect(main).toBe(27);
    expect(text(html)).toMatch(/11\.–12\. november 2021 Scandic Parken 27 av 40/);
    const two = plan(
      [reg({ hotel: 'Scandic Parken' }), reg({ hotel: 'Hotel <Brosundet>' }), reg({ hotel: 'Hotel <Brosundet>' })],
      {},
      [{ name: 'Scandic Parken', rooms: 1 }, { name: 'Hotel <Brosundet>', rooms: null }],
    );
    const doc = renderReport(two, 'en', { today: TODAY, names: true });
    expect(text(doc)).toContain('11–12 November 2021 Scandic Parken 1 of 1 Hotel <Brosundet> 2 (no limit) Total 3');
    expect(doc).toContain('Hotel &#60;Brosundet&#62;');
  });

  it('has a row for every municipality of the region, in register order, with places, extra nights, over quota, top leader and areas', () => {
    const codes = [...html.matchAll(/data-code="(\d{4})"/g)].map((m) => m[1]);
    expect(codes).toEqual(REGION.map((m) => m.code));
    expect(row(html, muni('Ørsta').code)).toBe(
      'Ørsta 5 4 av 4 1 1 Ja Utsleppskutt Innkjøp Planlegging Landbruk Anna',
    );
    expect(row(html, muni('Ålesund').code)).toBe('Ålesund 4 2 av 4 0 0 Ja Miljø og berekraft Næringsutvikling Bygg og eigedom Anna');
    expect(row(html, muni('Molde').code)).toBe('Molde 2 1 av 4 0 0 – Klimatilpassing Planlegging');
  });

  it('makes municipalities with no registration stand out, by text as well as colour', () => {
    for (const name of SAMPLE_MISSING) {
      const code = muni(name).code;
      expect(html).toContain(`<tr class="none" data-code="${code}">`);
      expect(row(html, code)).toBe(`${name} Ingen påmelding 0 0 av 4 0 0 –`);
    }
    expect(html.match(/<tr class="none"/g)).toHaveLength(3);
    expect(text(html)).toContain('Ingen påmelding enno frå: Sande, Smøla, Aure.');
    const all = plan(REGION.map((m) => reg({ municipality: m })));
    expect(text(renderReport(all, 'nn', { today: TODAY, names: true }))).toContain('Alle kommunane har meldt på minst éin person.');
  });

  it('draws each bar as a width class with the figure written beside it', () => {
    expect(html).toMatch(/<td class="places"><span class="bar" aria-hidden="true"><span class="fill w100"><\/span><\/span>4 av 4<\/td>/);
    expect(html).toContain('.w100{width:100%}');
    expect(html).toContain('.w25{width:25%}');
    expect(html).not.toMatch(/style="/);
  });

  it('counts the role areas across the region', () => {
    // Planning: Ørsta's Arealplanleggar and Molde's Planleggar; procurement: Ørsta's Innkjøpssjef only.
    expect(text(html)).toMatch(/Planlegging 2 av 26 2 /);
    expect(text(html)).toMatch(/Innkjøp 1 av 26 1 /);
  });

  it('lists late registrations and what needs attention, each with the command that resolves it', () => {
    const t = text(html);
    const molde = sample.registrations.find((r) => r.status === 'late-pending')!;
    expect(t).toContain(`${molde.firstName} ${molde.lastName} Molde 2021-09-20 09:00 Ventar på avgjerd samling late --approve ${molde.id}`);
    expect(t).toContain('Ventar på avgjerd: 1. Godkjende: 1. Avslåtte: 1.');
    const unknown = sample.registrations.find((r) => r.organisation === 'Kristiansand')!;
    expect(t).toContain(`Kristiansand Ukjend kommune «Kristiansand»: meinte du Kristiansund? samling decide ${unknown.id} --municipality 1505`);
    const review = sample.registrations.find((r) => r.extraNight === 'review')!;
    expect(t).toContain(`samling decide ${review.id} --extra-night`);
  });

  it('says so when there is nothing late and nothing to check', () => {
    const calm = plan([reg()]);
    const t = text(renderReport(calm, 'en', { today: TODAY, names: true }));
    expect(t).toContain('No late registrations.');
    expect(t).toContain('Nothing needs attention.');
  });

  it('escapes every text: names, roles, organisations and the event name', () => {
    const p: Plan = plan(
      [reg({ firstName: 'Ola <b>&', lastName: `"O'Neill"`, status: 'late-pending', late: true, organisation: 'Ørsta <kommune>' })],
      { name: 'Samling <i>&</i> "test"' },
    );
    const doc = renderReport(p, 'nn', { today: TODAY, names: true });
    expect(doc).not.toContain('<b>');
    expect(doc).not.toContain('<i>');
    expect(doc).toContain('Ola &#60;b&#62;&#38; &#34;O&#39;Neill&#34;');
    expect(doc).toContain('<h1>Samling &#60;i&#62;&#38;&#60;/i&#62; &#34;test&#34;</h1>');
  });
});

describe('report.html without names', () => {
  /** Every name, e-mail, phone and id in the fixture. */
  const personal = sample.registrations.flatMap((r) =>
    [r.firstName, r.lastName, r.email, r.phone, r.id].filter((v): v is string => !!v),
  );

  it.each(LANGS)('carries no name, e-mail, phone or id of any person (%s)', (lang) => {
    const doc = renderReport(sample, lang, { today: TODAY, names: false });
    const decoded = text(doc) + doc;
    for (const value of personal) {
      expect(decoded.includes(value), value).toBe(false);
      expect(decoded.includes(value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)), value).toBe(false);
    }
    expect(decoded).not.toMatch(/[\w.+-]+@[\w-]+/);
  });

  it('keeps the figures and municipality rows, and turns the late and attention lists into counts', () => {
    const t = text(aggregate);
    expect(t).toContain('Samandrag utan personopplysningar');
    expect(figure(aggregate, 'registered')).toBe('Påmelde 35');
    expect(row(aggregate, muni('Ørsta').code)).toBe(row(html, muni('Ørsta').code));
    expect(t).toContain('Ventar på avgjerd: 1. Godkjende: 1. Avslåtte: 1. samling late');
    expect(t).toContain('Ukjend kommune 1');
    expect(t).toContain('Ugyldig e-postadresse 1');
    expect(t).toContain('Ekstranatt til vurdering 1');
    expect(aggregate).not.toContain('<table class="late"');
    expect(t).not.toContain('Kristiansand'); // the text typed is not shown either
  });
});
