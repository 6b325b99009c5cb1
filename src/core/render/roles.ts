// The invitation's role areas, recognised from a participant's role or title as typed (Nynorsk, Bokmål,
// English). Pure. A role may name several areas ("Klima- og miljørådgjevar"); a role that names none is
// 'other'; no role at all names nothing.
//
// Choices: "klima"/"climate" on its own (Klimarådgjevar, Klimakoordinator) counts as emission cuts, the
// main work of a municipal climate adviser (the climate plan's targets); "klimatilpassing"/"climate
// adaptation" counts as adaptation only. Flood, landslide and storm-water roles count as adaptation, energy
// roles as emission cuts, nature management and circular economy as environment, building permits and
// facility management as building and property. Top leaders (mayor, director) are shown on their own, so
// "Ordførar" is 'other' here.
import { fold, memo } from '../text.js';
import type { Lang } from '../types.js';

export type RoleArea =
  | 'emissions'
  | 'adaptation'
  | 'environment'
  | 'procurement'
  | 'business'
  | 'planning'
  | 'agriculture'
  | 'property'
  | 'other';

/** The areas in the invitation's order, 'other' last. */
export const ROLE_AREAS: readonly RoleArea[] = [
  'emissions',
  'adaptation',
  'environment',
  'procurement',
  'business',
  'planning',
  'agriculture',
  'property',
  'other',
];

// Patterns run on folded text (lower case, ASCII: æ → ae, ø → o, å → a, punctuation → space).
const PATTERNS: [RoleArea, RegExp][] = [
  [
    'emissions',
    /klima(?! ?tilpas)|climate(?! (change )?adapt)|utslep|utslip|emission|klimagass|greenhouse|energi|energy|fossilfri|decarboni|net zero/,
  ],
  ['adaptation', /tilpas|adaptation|resilien|beredskap|flaum|flom|flood|skred|overvatn|overvann|stormwater/],
  [
    'environment',
    /(?<!arbeids)miljo|berekraft|baerekraft|sustainab|environment|naturforvalt|naturmangf|biodivers|sirkul|circular|ombruk/,
  ],
  ['procurement', /innkjop|anskaff|procure|purchas|buyer|sourcing/],
  ['business', /(?<!er)naering|business|economic develop|enterprise|entrepren|verdiskap|innovasjon|innovation/],
  [
    'planning',
    /plan(?!t|et)|areal|regulering|reguleringsplan|byutvikl|stadutvikl|stedsutvikl|samfunnsutvikl|urban|zoning/,
  ],
  ['agriculture', /landbruk|jordbruk|skogbruk|agricultur|farming|forestry|gardbruk|bonde|husdyr/],
  ['property', /eigedom|eiendom|bygg|bygning|property|building|facilit|estate|vaktmeist|vaktmest/],
];

// Roles repeat a lot (a few hundred distinct texts in a million rows): each is looked at once (memo).
const areasOf = memo((role): RoleArea[] => {
  const text = fold(role);
  if (text === '') return [];
  const areas = PATTERNS.filter(([, re]) => re.test(text)).map(([area]) => area);
  return areas.length ? areas : ['other'];
});

/** The role areas a role text names; ['other'] when it names none; [] when there is no role. */
export function roleAreas(role: string | null): RoleArea[] {
  return role === null ? [] : areasOf(role);
}

const LABELS: Record<Lang, Record<RoleArea, string>> = {
  nn: {
    emissions: 'Utsleppskutt',
    adaptation: 'Klimatilpassing',
    environment: 'Miljø og berekraft',
    procurement: 'Innkjøp',
    business: 'Næringsutvikling',
    planning: 'Planlegging',
    agriculture: 'Landbruk',
    property: 'Bygg og eigedom',
    other: 'Anna',
  },
  nb: {
    emissions: 'Utslippskutt',
    adaptation: 'Klimatilpasning',
    environment: 'Miljø og bærekraft',
    procurement: 'Innkjøp',
    business: 'Næringsutvikling',
    planning: 'Planlegging',
    agriculture: 'Landbruk',
    property: 'Bygg og eiendom',
    other: 'Annet',
  },
  en: {
    emissions: 'Emission cuts',
    adaptation: 'Climate adaptation',
    environment: 'Environment and sustainability',
    procurement: 'Procurement',
    business: 'Business development',
    planning: 'Planning',
    agriculture: 'Agriculture',
    property: 'Building and property',
    other: 'Other',
  },
};

export const roleAreaText = (area: RoleArea, lang: Lang): string => LABELS[lang][area];
