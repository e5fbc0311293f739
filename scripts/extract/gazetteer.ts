/**
 * The general-knowledge gazetteer: countries (i18n-iso-countries names plus our demonym/capital table), historical
 * states, seats of power, continents/regions, international organisations and well-known groups, plus the word lists
 * used to type unknown names (titles, role nouns, organisation heads, event words).
 * Nothing here is specific to one article: every row is a fact a well-read news editor knows.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import type { ActorKind } from '../../src/model/schema';
import { COUNTRY_ROWS, METONYMS, MONARCHIES } from './gazetteer-countries';

export { MONARCHIES };

countries.registerLocale(en);

/** What a gazetteer phrase refers to. `capitalOf` marks a capital (place or metonym, decided in context). */
export interface GazetteerEntry {
  id: string;
  name: string;
  kind: ActorKind;
  /** Set for capitals: the country it stands for when used as an agent ("Moscow said"). */
  capitalOf?: string;
  /** Set for demonyms ("Cambodian"): a mention of the country. */
  demonym?: boolean;
}

/** Normalises a name into an id slug: lowercase, diacritics stripped, non-alphanumerics to '-'. */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 120);
}

/** Canonical country names (short forms people write), keyed by ISO3. */
const COUNTRY_NAME: Record<string, string> = {};
const PHRASES = new Map<string, GazetteerEntry>();

function add(phrase: string, entry: GazetteerEntry, overwrite = false): void {
  const p = phrase.trim();
  if (p.length === 0) return;
  if (!overwrite && PHRASES.has(p)) return;
  PHRASES.set(p, entry);
}

const SHORT_NAMES: Record<string, string> = {
  USA: 'United States',
  GBR: 'United Kingdom',
  RUS: 'Russia',
  CHN: 'China',
  KOR: 'South Korea',
  PRK: 'North Korea',
  IRN: 'Iran',
  SYR: 'Syria',
  LAO: 'Laos',
  BRN: 'Brunei',
  VNM: 'Vietnam',
  TWN: 'Taiwan',
  TZA: 'Tanzania',
  MDA: 'Moldova',
  FSM: 'Micronesia',
  BOL: 'Bolivia',
  VEN: 'Venezuela',
  CZE: 'Czech Republic',
  NLD: 'Netherlands',
  PSE: 'Palestine',
  COD: 'Democratic Republic of the Congo',
  COG: 'Republic of the Congo',
  TUR: 'Turkey',
  CIV: 'Ivory Coast',
  VAT: 'Vatican City',
  MKD: 'North Macedonia',
  GMB: 'Gambia',
  SUN: 'Soviet Union',
  YUG: 'Yugoslavia',
  CSK: 'Czechoslovakia',
  DDR: 'East Germany',
};

const countryId = (iso3: string): string => `country:${iso3}`;

// 1. Our table first (its demonyms take priority over any other source), then i18n-iso-countries names.
for (const row of COUNTRY_ROWS) {
  const [iso3 = '', demonyms = '', capitals = '', extra = ''] = row.split('|');
  const list = (s: string): string[] => (s ? s.split(',').map((x) => x.trim()) : []);
  const official = countries.getName(iso3, 'en');
  const name = SHORT_NAMES[iso3] ?? list(extra).find((x) => !x.startsWith('the ') && !/\./u.test(x)) ?? official ?? iso3;
  COUNTRY_NAME[iso3] = SHORT_NAMES[iso3] ?? official ?? name;
  const entry: GazetteerEntry = { id: countryId(iso3), name: COUNTRY_NAME[iso3]!, kind: 'country' };
  for (const x of list(extra)) add(x, entry);
  for (const d of list(demonyms)) {
    add(d, { ...entry, demonym: true });
    if (/(?:an|i|ese)$/u.test(d) && !/ese$/u.test(d)) add(`${d}s`, { ...entry, demonym: true });
    if (/(?:Dane|Finn|Pole|Swede|Turk|Serb|Briton|Kiwi|Saudi|Kosovar)$/u.test(d)) add(`${d}s`, { ...entry, demonym: true });
  }
  for (const c of list(capitals)) add(c, { ...entry, capitalOf: iso3 });
}
const ALL_NAMES = countries.getNames('en', { select: 'all' });
for (const [a2, names] of Object.entries(ALL_NAMES)) {
  const iso3 = countries.alpha2ToAlpha3(a2);
  if (!iso3) continue;
  COUNTRY_NAME[iso3] ??= SHORT_NAMES[iso3] ?? names[names.length > 1 && /^(?:People|Republic|Islamic|State|United Republic)/u.test(names[0] ?? '') ? 1 : 0] ?? iso3;
  const entry: GazetteerEntry = { id: countryId(iso3), name: COUNTRY_NAME[iso3], kind: 'country' };
  for (const n of names) {
    if (/[,(]/u.test(n)) continue;
    add(n, entry);
    if (/^The /u.test(n)) add(`the ${n.slice(4)}`, entry);
  }
}
for (const [phrase, iso3] of Object.entries(METONYMS)) {
  add(phrase, { id: countryId(iso3), name: COUNTRY_NAME[iso3] ?? iso3, kind: 'country' }, true);
}
// Lone "US" also names the country; "Korea" alone is South Korea in current news.
for (const [phrase, iso3] of [
  ['the US', 'USA'],
  ['the U.S.', 'USA'],
  ['the UK', 'GBR'],
  ['the U.K.', 'GBR'],
  ['the USSR', 'SUN'],
  ['Royal Government of Cambodia', 'KHM'],
] as const) {
  add(phrase, { id: countryId(iso3), name: COUNTRY_NAME[iso3] ?? iso3, kind: 'country' });
}

// 2. Continents and world regions: places.
for (const region of [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania',
  'Antarctica', 'Middle East', 'the Middle East', 'Southeast Asia', 'South Asia', 'East Asia', 'Central Asia',
  'Western Europe', 'Eastern Europe', 'Central Europe', 'Asia-Pacific', 'Asia Pacific', 'the Balkans', 'Caribbean',
  'the Caribbean', 'Scandinavia', 'Indo-Pacific', 'the Indo-Pacific', 'Sahel', 'the Sahel', 'Horn of Africa',
  'the Gulf', 'Persian Gulf', 'South China Sea', 'the South China Sea', 'Mekong', 'the Mekong', 'Pacific',
  'the Pacific', 'Atlantic', 'the Atlantic', 'Indian Ocean', 'the Indian Ocean', 'Arctic', 'the Arctic',
  'Black Sea', 'the Black Sea', 'Mediterranean', 'the Mediterranean', 'Crimea', 'Donbas', 'Gaza', 'the Gaza Strip',
  'West Bank', 'the West Bank', 'Kashmir', 'Tibet', 'Xinjiang',
]) {
  const name = region.replace(/^the /u, '');
  add(region, { id: `place:${slug(name)}`, name, kind: 'place' });
}

// 3. International organisations, agencies and well-known groups: [name, acronyms..., kind?].
const ORGS: readonly (readonly string[])[] = [
  ['United Nations', 'UN', 'U.N.', 'the UN', 'the U.N.'],
  ['UN Security Council', 'UNSC', 'Security Council', 'United Nations Security Council'],
  ['UN General Assembly', 'UNGA', 'General Assembly', 'United Nations General Assembly'],
  ['Association of Southeast Asian Nations', 'ASEAN'],
  ['European Union', 'EU', 'E.U.', 'the EU'],
  ['European Commission'],
  ['European Parliament'],
  ['North Atlantic Treaty Organization', 'NATO', 'North Atlantic Treaty Organisation'],
  ['World Health Organization', 'WHO', 'World Health Organisation'],
  ['International Monetary Fund', 'IMF'],
  ['World Bank'],
  ['World Trade Organization', 'WTO', 'World Trade Organisation'],
  ['Group of Twenty', 'G20', 'G-20'],
  ['Group of Seven', 'G7', 'G-7'],
  ['Organization of the Petroleum Exporting Countries', 'OPEC'],
  ['African Union', 'AU'],
  ['Organization of American States', 'OAS'],
  ['Organization for Security and Co-operation in Europe', 'OSCE'],
  ['UNESCO'],
  ['UNICEF'],
  ['United Nations High Commissioner for Refugees', 'UNHCR'],
  ['United Nations Development Programme', 'UNDP'],
  ['World Food Programme', 'WFP'],
  ['Food and Agriculture Organization', 'FAO'],
  ['International Labour Organization', 'ILO', 'International Labour Organisation'],
  ['International Atomic Energy Agency', 'IAEA'],
  ['International Criminal Court', 'ICC'],
  ['International Court of Justice', 'ICJ'],
  ['International Committee of the Red Cross', 'ICRC', 'Red Cross'],
  ['Interpol'],
  ['Amnesty International'],
  ['Human Rights Watch', 'HRW'],
  ['Greenpeace'],
  ['Asia-Pacific Economic Cooperation', 'APEC'],
  ['Shanghai Cooperation Organisation', 'SCO', 'Shanghai Cooperation Organization'],
  ['BRICS'],
  ['Quad', 'the Quad', 'Quadrilateral Security Dialogue'],
  ['Mercosur'],
  ['Arab League', 'the Arab League', 'League of Arab States'],
  ['Gulf Cooperation Council', 'GCC'],
  ['Commonwealth of Nations'],
  ['Organisation for Economic Co-operation and Development', 'OECD'],
  ['Asian Development Bank', 'ADB'],
  ['Asian Infrastructure Investment Bank', 'AIIB'],
  ['East Asia Summit', 'EAS'],
  ['ASEAN Regional Forum', 'ARF'],
  ['Japan International Cooperation Agency', 'JICA'],
  ['United States Agency for International Development', 'USAID'],
  ['Central Intelligence Agency', 'CIA'],
  ['Federal Bureau of Investigation', 'FBI'],
  ['Federal Reserve', 'US Federal Reserve', 'the Fed'],
  ['European Central Bank', 'ECB'],
  ['Pentagon', 'the Pentagon'],
  ['Reuters'],
  ['Associated Press', 'AP'],
  ['Agence France-Presse', 'AFP'],
  ['Xinhua'],
  ['BBC'],
  ['CNN'],
  ['Al Jazeera'],
  ['Facebook'],
  ['Telegram'],
  ['Twitter'],
  ['Google'],
  ['Microsoft'],
  ['Khmer Rouge', 'group'],
  ['Taliban', 'the Taliban', 'group'],
  ['Hamas', 'group'],
  ['Hezbollah', 'group'],
  ['Islamic State', 'ISIS', 'ISIL', 'IS', 'group'],
  ['al-Qaeda', 'Al-Qaeda', 'al Qaeda', 'Al Qaeda', 'group'],
  ['Houthis', 'the Houthis', 'group'],
  ['Wagner Group', 'Wagner', 'group'],
  ['Muslim Brotherhood', 'group'],
  ['Boko Haram', 'group'],
  ['al-Shabaab', 'Al-Shabaab', 'group'],
];
for (const row of ORGS) {
  const kind: ActorKind = row[row.length - 1] === 'group' ? 'group' : 'organization';
  const names = kind === 'group' ? row.slice(0, -1) : row;
  const name = names[0]!;
  const entry: GazetteerEntry = { id: `${kind === 'group' ? 'group' : 'org'}:${slug(name)}`, name, kind };
  for (const n of names) add(n, entry);
}

/** Every gazetteer phrase (case-sensitive) with what it refers to. */
export const GAZETTEER: ReadonlyMap<string, GazetteerEntry> = PHRASES;

/** Display name of a country by ISO3 code. */
export function countryName(iso3: string): string {
  return COUNTRY_NAME[iso3] ?? iso3;
}

/** Demonym (or adjective) -> ISO3, for the relations engineer ("Cambodian" -> "KHM"). */
export const DEMONYM_TO_COUNTRY: ReadonlyMap<string, string> = new Map(
  [...PHRASES].filter(([, e]) => e.demonym).map(([p, e]) => [p, e.id.slice('country:'.length)]),
);

/** Titles and roles that precede a person's name; stripped from person mentions (longest first when matching). */
export const TITLES: readonly string[] = [
  'Prime Minister', 'Deputy Prime Minister', 'Acting Prime Minister', 'Former Prime Minister', 'PM', 'Premier',
  'President', 'Vice President', 'Vice-President', 'Former President', 'President-elect', 'Chairman', 'Chairwoman',
  'Chair', 'Secretary of State', 'Secretary-General', 'Secretary General', 'Under-Secretary', 'Deputy Secretary',
  'Secretary', 'Foreign Minister', 'Defence Minister', 'Defense Minister', 'Finance Minister', 'Interior Minister',
  'Health Minister', 'Trade Minister', 'Deputy Foreign Minister', 'Minister', 'Deputy Minister', 'State Counsellor',
  'State Councillor', 'State Counselor', 'Senior Minister', 'Ambassador', 'Envoy', 'Special Envoy', 'Spokesman',
  'Spokeswoman', 'Spokesperson', 'Governor', 'Mayor', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman',
  'Congresswoman', 'Chancellor', 'King', 'Queen', 'King Father', 'Queen Mother', 'Prince', 'Princess', 'Crown Prince',
  'Emperor', 'Empress', 'Sultan', 'Emir', 'Sheikh', 'Pope', 'Cardinal', 'Bishop', 'Archbishop', 'Ayatollah',
  'Supreme Leader', 'General', 'Gen.', 'Lieutenant General', 'Major General', 'Brigadier General', 'Colonel', 'Col.',
  'Admiral', 'Commander', 'Marshal', 'Field Marshal', 'Captain', 'Capt.', 'Major', 'Lieutenant', 'Sergeant', 'Director',
  'Director-General', 'Director General', 'Chief Executive', 'CEO', 'Chief Executive Officer', 'Chief', 'Judge',
  'Justice', 'Chief Justice', 'Attorney General', 'Professor', 'Prof.', 'Dr', 'Dr.', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms',
  'Ms.', 'Miss', 'Sir', 'Dame', 'Lord', 'Lady', 'Samdech', 'Samdech Techo', 'His Majesty', 'Her Majesty',
  'His Excellency', 'Her Excellency', 'H.E.', 'Excellency', 'Speaker', 'Deputy', 'Vice Chairman', 'Vice-Chairman',
  'Minister of Foreign Affairs', 'Foreign Secretary', 'Home Secretary', 'Defence Secretary', 'Defense Secretary',
  'Treasury Secretary', 'Commerce Secretary', 'Counterpart', 'Leader', 'Opposition Leader',
];

/** Lower-case role nouns that mark the following (or apposed) name as a person ("research fellow X", "X, a PhD candidate"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'president', 'chairman', 'chairwoman', 'chair', 'counterpart', 'minister', 'premier', 'spokesman', 'spokeswoman',
  'spokesperson', 'fellow', 'candidate', 'co-founder', 'founder', 'cofounder', 'director', 'professor', 'lecturer',
  'researcher', 'analyst', 'expert', 'scholar', 'student', 'journalist', 'reporter', 'correspondent', 'editor',
  'writer', 'author', 'ambassador', 'envoy', 'diplomat', 'official', 'officer', 'leader', 'head', 'chief', 'ceo',
  'executive', 'secretary', 'adviser', 'advisor', 'member', 'lawmaker', 'senator', 'governor', 'mayor', 'general',
  'commander', 'colonel', 'judge', 'lawyer', 'attorney', 'economist', 'activist', 'king', 'queen', 'prince', 'princess',
  'monarch', 'dictator', 'politician', 'tycoon', 'businessman', 'businesswoman', 'manager', 'vice-president',
  'deputy', 'representative', 'consultant', 'researcher', 'coordinator', 'president-elect', 'pilot', 'engineer',
  'scientist', 'doctor', 'spokesperson', 'observer', 'commentator', 'opposition', 'rival', 'successor', 'predecessor',
  'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'father', 'mother', 'strongman', 'ruler', 'emperor',
]);

/** Head words that make a capitalised phrase an organisation (first or last word). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'Ministry', 'Department', 'Office', 'Bureau', 'Council', 'Commission', 'Committee', 'Institute', 'Institution',
  'Centre', 'Center', 'School', 'College', 'University', 'Academy', 'Agency', 'Authority', 'Association', 'Federation',
  'Union', 'League', 'Society', 'Bank', 'Fund', 'Foundation', 'Organisation', 'Organization', 'Board', 'Court',
  'Hospital', 'Clinic', 'Party', 'Army', 'Navy', 'Forces', 'Force', 'Police', 'Guard', 'Corps', 'Post', 'Times',
  'Herald', 'Tribune', 'Journal', 'Gazette', 'News', 'Press', 'Daily', 'Telegraph', 'Radio', 'Television', 'TV',
  'Network', 'Group', 'Company', 'Corporation', 'Corp', 'Corp.', 'Inc', 'Inc.', 'Ltd', 'Ltd.', 'LLC', 'PLC', 'plc',
  'Holdings', 'Airlines', 'Airline', 'Airways', 'Air', 'Motors', 'Industries', 'Systems', 'Technologies',
  'Enterprises', 'Partners', 'Capital', 'Securities', 'Exchange', 'Parliament', 'Assembly', 'Senate', 'Congress',
  'Government', 'Cabinet', 'Administration', 'Secretariat', 'Directorate', 'Unit', 'Service', 'Services', 'Trust',
  'Alliance', 'Coalition', 'Front', 'Movement', 'Brigade', 'Brigades', 'Command', 'Mission', 'Programme', 'Program',
  'Initiative', 'Consortium', 'Cooperative', 'Chamber', 'Tank', 'Think Tank', 'Club', 'Church', 'Team', 'Labs',
  'Laboratory', 'Observatory', 'Museum', 'Library', 'Studies', 'Research', 'Pharmaceuticals', 'Energy', 'Oil',
  'Petroleum', 'Electric', 'Aerospace', 'Aviation', 'Defence', 'Defense', 'Tribunal', 'Embassy', 'Consulate',
]);

/** Words that end a capitalised phrase naming an event, law or document rather than an actor. */
export const EVENT_HEADS: ReadonlySet<string> = new Set([
  'Summit', 'Meeting', 'Meetings', 'Conference', 'Charter', 'Agreement', 'Treaty', 'Accord', 'Accords', 'Forum',
  'War', 'Convention', 'Resolution', 'Games', 'Cup', 'Olympics', 'Festival', 'Day', 'Week', 'Year', 'Act', 'Law',
  'Declaration', 'Protocol', 'Pact', 'Plan', 'Strategy', 'Policy', 'Crisis', 'Revolution', 'Election', 'Elections',
  'Talks', 'Dialogue', 'Session', 'Award', 'Prize', 'Award', 'Constitution', 'Doctrine', 'Era', 'Pandemic',
  'Degree', 'Course', 'Program', 'Exercise', 'Exercises', 'Operation', 'Project', 'Report', 'Index', 'Bill',
]);

/** Capitalised words that are never actors on their own (diseases, generic headings, kickers, calendar words). */
export const STOP_NAMES: ReadonlySet<string> = new Set([
  'COVID', 'COVID-19', 'Covid', 'Covid-19', 'Coronavirus', 'SARS', 'SARS-CoV-2', 'Omicron', 'Delta', 'Ebola', 'HIV',
  'AIDS', 'OPINION', 'Opinion', 'ANALYSIS', 'EDITORIAL', 'UPDATE', 'BREAKING', 'EXCLUSIVE', 'PhD', 'Ph.D.', 'MA', 'BA',
  'MBA', 'USD', 'EUR', 'GDP', 'CEO', 'PM', 'AM', 'TV', 'OK', 'Internet', 'God', 'Logo', 'Content', 'Image', 'Photo',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Christmas', 'Easter',
  'Ramadan', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'English', 'Islam', 'Islamic', 'Muslim', 'Muslims', 'Christian',
  'Christians', 'Buddhist', 'Buddhists', 'Catholic', 'Western', 'Eastern', 'Northern', 'Southern', 'West', 'East',
  'North', 'South', 'Kingdom', 'Republic', 'State', 'States', 'Government', 'Ministry', 'Minister', 'President',
  'Prime', 'Premier', 'Deputy', 'Foreign', 'Special', 'National', 'International', 'Royal', 'Federal', 'Plus',
]);
