/**
 * Finding a campaign's locations in what a creator's bio (and name) states: the words themselves, a country's name
 * in the common languages ("Spain" finds "España"), and country flag emoji ("🇪🇸").
 */
import { findTerms, fold, type PageText, type TermPlace } from './text';

/** A country flag emoji found in text, with its ISO 3166-1 region code. */
export interface FoundFlag {
  emoji: string;
  region: string;
}

/** Flags are two regional-indicator letters (U+1F1E6 "A" … U+1F1FF "Z"). */
const FLAG_RE = /[\u{1F1E6}-\u{1F1FF}]{2}/gu;

/** Every country flag emoji in the text, in order, each region once. */
export function flagsIn(text: string): FoundFlag[] {
  const out: FoundFlag[] = [];
  for (const m of text.matchAll(FLAG_RE)) {
    const region = [...m[0]].map((c) => String.fromCharCode(0x41 + c.codePointAt(0)! - 0x1f1e6)).join('');
    if (!out.some((f) => f.region === region) && regionName(region)) out.push({ emoji: m[0], region });
  }
  return out;
}

/** Languages whose country names are recognised — the languages most of our users' bios are written in. */
const NAME_LOCALES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl'];
/** Common short forms Intl.DisplayNames does not give. Acronyms are matched with their case ("us" is a pronoun). */
const ALIASES: Record<string, string[]> = {
  // Not "America": a bio's "South America" is not the United States.
  US: ['USA', 'US', 'U.S.', 'U.S.A.', 'United States of America'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
  AE: ['UAE', 'Emirates'],
  NL: ['Holland'],
  CZ: ['Czech Republic'],
  TR: ['Turkey', 'Türkiye'],
  KR: ['Korea'],
};
/** Codes DisplayNames names that are not countries (unions, private-use and pseudo regions). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'AA']);

let namesByRegion: Map<string, string[]> | undefined;
let regionByName: Map<string, string> | undefined;

/** Builds (once) every country's names in NAME_LOCALES from the browser's own data, and the reverse index. */
function buildIndex(): void {
  namesByRegion = new Map();
  regionByName = new Map();
  const displays = NAME_LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  for (let a = 0; a < 26; a++) {
    for (let b = 0; b < 26; b++) {
      const code = String.fromCharCode(65 + a, 65 + b);
      if (NOT_COUNTRIES.has(code) || code.startsWith('X') || /^Q[M-Z]$/.test(code)) continue;
      const names = new Set<string>();
      for (const d of displays) {
        let name: string | undefined;
        try {
          name = d.of(code);
        } catch {
          name = undefined;
        }
        if (name && name !== code && !/unknown/i.test(name)) names.add(name);
      }
      if (names.size === 0) continue;
      for (const alias of ALIASES[code] ?? []) names.add(alias);
      namesByRegion.set(code, [...names]);
      for (const n of names) regionByName.set(fold(n).replace(/\./g, ''), code);
    }
  }
}

/** A region's names in the recognised languages (English first), or an empty list for a code that is no country. */
export function regionNames(region: string): string[] {
  if (!namesByRegion) buildIndex();
  return namesByRegion!.get(region.toUpperCase()) ?? [];
}

/** A region's English name ("ES" → "Spain"), or undefined for a code that is no country. */
export function regionName(region: string): string | undefined {
  return regionNames(region)[0];
}

/**
 * The ISO region code a free-text location names when it is a country ("Spain", "España", "USA" → "ES", "ES", "US"),
 * else undefined (cities, regions such as "LATAM", anything unknown). Bare two-letter codes are not read as
 * countries: "LA" is far more often Los Angeles than Laos.
 */
export function countryOf(location: string): string | undefined {
  if (!regionByName) buildIndex();
  return regionByName!.get(fold(location.trim()).replace(/\./g, ''));
}

/** One campaign location found in the bio or name, and how. */
export interface LocationMatch {
  location: string;
  places: TermPlace[];
  /** Flags standing for the location (its country). */
  flags: FoundFlag[];
}

/** What the texts state about the campaign's locations. */
export interface LocationFindings {
  matches: LocationMatch[];
  /** Every flag in the texts, for saying which countries a creator shows when none of the campaign's matched. */
  flags: FoundFlag[];
  /** Campaign locations recognised as countries, by location. */
  countries: Map<string, string>;
}

/** Looks for each campaign location in the texts (normally the bio and display name). */
export function findLocations(locations: readonly string[], texts: readonly PageText[]): LocationFindings {
  const flags: FoundFlag[] = [];
  for (const t of texts) for (const f of flagsIn(t.text)) if (!flags.some((x) => x.region === f.region)) flags.push(f);
  const countries = new Map<string, string>();
  const matches: LocationMatch[] = [];
  for (const location of locations) {
    if (!location.trim()) continue;
    const country = countryOf(location);
    if (country) countries.set(location, country);
    // A country is also found under its other names ("Spain" finds "España").
    // Dotted forms ("U.S.") are only for recognising the campaign's own words; in text they are split at the dots.
    const terms = [location, ...(country ? regionNames(country).filter((n) => !n.includes('.')) : [])];
    const places: TermPlace[] = [];
    for (const m of findTerms(terms, texts)) {
      for (const p of m.places) {
        if (!places.some((x) => x.field === p.field && x.index === p.index && x.shown === p.shown)) places.push(p);
      }
    }
    const own = country ? flags.filter((f) => f.region === country) : [];
    if (places.length > 0 || own.length > 0) matches.push({ location, places, flags: own });
  }
  return { matches, flags, countries };
}
