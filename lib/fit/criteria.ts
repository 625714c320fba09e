/**
 * One judgement per criterion: did the creator meet what the campaign asks, how fully, and why — in words.
 * The scorer turns these into points; nothing here knows the weights.
 */
import type { Campaign } from '../campaign';
import type { Platform } from '../reading';
import { formatCompact, formatCount, formatList, formatPercent, formatUsd } from './format';
import type { FitInput } from './input';
import { baseLanguage, guessTextLanguage, languageName, sameBaseLanguage } from './language';
import { findLocations, regionName } from './location';
import { describePlaces, findTerms, isSearchable, pageTexts, type TermMatch } from './text';

/** How a criterion came out. `unknown` lacks data; `not-set` is a criterion the campaign does not ask about. */
export type CriterionStatus = 'met' | 'partial' | 'missed' | 'unknown' | 'not-set' | 'disqualifies';

/** A criterion's verdict before weighting: `fraction` of its points earned (only for met, partial and missed). */
export interface Judgement {
  status: CriterionStatus;
  fraction: number;
  reason: string;
  /** Campaign words found on the page and where (niche keywords, words to avoid, locations). */
  matches?: TermMatch[];
}

const PLATFORM_NAMES: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
};
/** Credit for a verdict that could go either way (a rounded count on a range edge, a price range across the budget). */
const EITHER_WAY = 0.5;

const judged = (status: CriterionStatus, fraction: number, reason: string, matches?: TermMatch[]): Judgement =>
  matches ? { status, fraction, reason, matches } : { status, fraction, reason };
const met = (reason: string, matches?: TermMatch[]) => judged('met', 1, reason, matches);
const missed = (reason: string, matches?: TermMatch[]) => judged('missed', 0, reason, matches);
const partial = (fraction: number, reason: string, matches?: TermMatch[]) =>
  judged('partial', fraction, reason, matches);
const unknown = (reason: string): Judgement => ({ status: 'unknown', fraction: 0, reason });
const notSet = (reason: string): Judgement => ({ status: 'not-set', fraction: 0, reason });

const quoteList = (words: readonly string[]) => formatList(words.map((w) => `"${w.trim()}"`));
const basis = (text: string | undefined) => (text?.trim() ? ` (${text.trim()})` : '');

/** Platform: is the page on one of the campaign's platforms? */
export function judgePlatform(campaign: Campaign, input: FitInput): Judgement {
  if (campaign.platforms.length === 0) return notSet('any platform');
  const on = PLATFORM_NAMES[input.platform];
  const wanted = formatList(
    campaign.platforms.map((p) => PLATFORM_NAMES[p]),
    'and',
  );
  if (campaign.platforms.includes(input.platform)) {
    return met(campaign.platforms.length === 1 ? `on ${on}, the campaign's platform` : `on ${on} — one of ${wanted}`);
  }
  return missed(`on ${on} — the campaign runs on ${wanted}`);
}

interface Part {
  fraction: number | null;
  text: string;
}

function rangePart(campaign: Campaign, input: FitInput, tierNote: string): Part {
  const { minFollowers: lo, maxFollowers: hi } = campaign;
  const range =
    lo !== undefined && hi !== undefined
      ? `in your ${formatCompact(lo)}–${formatCompact(hi)} range`
      : lo !== undefined
        ? `at or above your ${formatCompact(lo)} minimum`
        : `at or below your ${formatCompact(hi ?? 0)} maximum`;
  const f = input.followers;
  if (!f || !Number.isFinite(f.value)) {
    return {
      fraction: null,
      text: `followers unknown — ${input.unknownReasons?.followers ?? 'no follower count on this page'}`,
    };
  }
  // An abbreviated count ("10K") stands for a range of true values; judge the whole range.
  const least = f.exact ? f.value : Math.min(f.min, f.value);
  const most = f.exact ? f.value : Math.max(f.max, f.value);
  const shown = `${tierNote}${f.exact ? formatCount(f.value) : `about ${formatCompact(f.value)}`} followers`;
  if (lo !== undefined && most < lo) return { fraction: 0, text: `${shown} — below your ${formatCompact(lo)} minimum` };
  if (hi !== undefined && least > hi)
    return { fraction: 0, text: `${shown} — above your ${formatCompact(hi)} maximum` };
  if ((lo === undefined || least >= lo) && (hi === undefined || most <= hi))
    return { fraction: 1, text: `${shown} — ${range}` };
  const edge = lo !== undefined && least < lo ? `${formatCompact(lo)} minimum` : `${formatCompact(hi ?? 0)} maximum`;
  return {
    fraction: EITHER_WAY,
    text: `${shown}, shown rounded (${formatCount(least)}–${formatCount(most)}) — could be either side of your ${edge}`,
  };
}

function tierPart(campaign: Campaign, input: FitInput): Part {
  const wanted = campaign.tiers.join(', ');
  if (!input.tier) {
    return {
      fraction: null,
      text: `tier unknown — ${input.unknownReasons?.followers ?? 'no follower count on this page'}`,
    };
  }
  const tier = `${input.tier} tier${basis(input.tierBasis)}`;
  return campaign.tiers.includes(input.tier)
    ? { fraction: 1, text: `${tier} — one of your tiers (${wanted})` }
    : { fraction: 0, text: `${tier} — not one of your tiers (${wanted})` };
}

/** Size: the follower range and/or tiers the campaign asks for; when both are set, both must hold. */
export function judgeSize(campaign: Campaign, input: FitInput): Judgement {
  const hasRange = campaign.minFollowers !== undefined || campaign.maxFollowers !== undefined;
  const hasTiers = campaign.tiers.length > 0;
  if (!hasRange && !hasTiers) return notSet('any size');
  const parts: Part[] = [];
  if (hasTiers) parts.push(tierPart(campaign, input));
  // With a range alone the tier is still worth showing ("micro tier, 45,210 followers — in your 10k–100k range").
  if (hasRange) parts.push(rangePart(campaign, input, !hasTiers && input.tier ? `${input.tier} tier, ` : ''));
  const reason = parts.map((p) => p.text).join('; ');
  const known = parts.map((p) => p.fraction).filter((x): x is number => x !== null);
  // A part that certainly fails decides even if the other is unknown; otherwise one unknown part leaves it unknown.
  if (known.some((x) => x === 0)) return missed(reason);
  if (known.length < parts.length) return unknown(reason);
  const fraction = Math.min(...known);
  return fraction === 1 ? met(reason) : partial(fraction, reason);
}

/**
 * Rates equal on screen may differ by float noise (a rate worked out as 0.02 can come out 0.019999999999999997),
 * so "exactly at the minimum" is judged with this tolerance — far below any difference a percentage can show.
 */
const RATE_TOLERANCE = 1e-9;

/** Engagement: the headline rate against the campaign's minimum (at the minimum counts as meeting it). */
export function judgeEngagement(campaign: Campaign, input: FitInput): Judgement {
  const min = campaign.minEngagementRate;
  if (min === undefined) return notSet('no minimum engagement');
  const rate = input.engagementRate;
  if (rate === undefined || !Number.isFinite(rate) || rate < 0) {
    return unknown(`engagement unknown — ${input.unknownReasons?.engagement ?? 'no engagement rate for this page'}`);
  }
  const how = basis(input.engagementBasis);
  if (rate >= min - RATE_TOLERANCE)
    return met(`engagement ${formatPercent(rate)}${how} — meets your ${formatPercent(min)} minimum`);
  // Never print "2% — below your 2% minimum": show enough digits to see the difference.
  let shown = formatPercent(rate);
  for (let digits = 3; shown === formatPercent(min) && digits <= 12; digits++) {
    shown = `${String(Number((rate * 100).toPrecision(digits)))}%`;
  }
  return missed(`engagement ${shown}${how} — below your ${formatPercent(min)} minimum`);
}

function searchedIn(input: FitInput): string {
  const where: string[] = [];
  if (input.texts.bio?.trim()) where.push('the bio');
  if (input.texts.displayName?.trim()) where.push('name');
  const n = input.texts.captions.filter((c) => c.trim()).length;
  if (n > 0) where.push(`${n} caption${n === 1 ? '' : 's'}`);
  if ((input.texts.hashtags ?? []).some((h) => h.trim())) where.push('hashtags');
  return formatList(where, 'and');
}

/** True when the page shows text a creator writes about their content (bio, captions, hashtags — not just a name). */
function hasContentText(input: FitInput): boolean {
  const t = input.texts;
  return Boolean(t.bio?.trim()) || t.captions.some((c) => c.trim()) || (t.hashtags ?? []).some((h) => h.trim());
}

function describeMatches(matches: TermMatch[], captionCount: number): string {
  return matches.map((m) => `${m.term.trim()} (${describePlaces(m.places, captionCount)})`).join(', ');
}

/**
 * Niche: the campaign's keywords in the name, bio, captions and hashtags. A keyword in the bio or name, or in two
 * or more places, is full credit; a single mention in one caption or hashtag is half — one post is weak evidence
 * of a niche. No keyword anywhere is 0, but only when there was content text to search.
 */
export function judgeNiche(campaign: Campaign, input: FitInput): Judgement {
  const keywords = campaign.keywords.filter(isSearchable);
  if (keywords.length === 0) return notSet('no niche keywords');
  const captionCount = input.texts.captions.filter((c) => c.trim()).length;
  const matches = findTerms(keywords, pageTexts(input.texts));
  if (matches.length > 0) {
    const places = new Set(matches.flatMap((m) => m.places.map((p) => `${p.field}:${p.index}`)));
    const strong =
      matches.some((m) => m.places.some((p) => p.field === 'bio' || p.field === 'name')) || places.size >= 2;
    const found = describeMatches(matches, captionCount);
    return strong
      ? met(`found ${found}`, matches)
      : partial(EITHER_WAY, `found only ${found} — a single mention`, matches);
  }
  if (!hasContentText(input))
    return unknown(`niche unknown — no bio, captions or hashtags visible to look for ${quoteList(keywords)}`);
  return missed(`none of ${quoteList(keywords)} in ${searchedIn(input)}`, []);
}

/** Words to avoid: any of them in the name, bio, captions or hashtags rules the creator out, with where it was found. */
export function judgeAvoid(campaign: Campaign, input: FitInput): Judgement {
  const words = campaign.avoidKeywords.filter(isSearchable);
  if (words.length === 0) return notSet('no words to avoid');
  const captionCount = input.texts.captions.filter((c) => c.trim()).length;
  const matches = findTerms(words, pageTexts(input.texts));
  if (matches.length > 0) {
    return judged(
      'disqualifies',
      0,
      `found ${describeMatches(matches, captionCount)} — on your list of words to avoid`,
      matches,
    );
  }
  if (!hasContentText(input)) return unknown(`words to avoid not checked — no bio, captions or hashtags visible`);
  return met(`none of your words to avoid in ${searchedIn(input)}`, []);
}

/** Language: the language the creator writes in (bio and captions), matched on base language ("es" = "es-ES"). */
export function judgeLanguage(campaign: Campaign, input: FitInput): Judgement {
  const wanted = campaign.languages.filter((l) => baseLanguage(l));
  if (wanted.length === 0) return notSet('any language');
  const wantedNames = formatList([...new Set(wanted.map((l) => languageName(baseLanguage(l))))]);
  const guess = guessTextLanguage([input.texts.bio ?? '', ...input.texts.captions]);
  if (guess.languages.length > 0) {
    const writes = `writes in ${formatList(guess.languages.map(languageName), 'and')} (rough guess: ${guess.evidence})`;
    return guess.languages.some((g) => wanted.some((w) => sameBaseLanguage(g, w)))
      ? met(`${writes} — matches ${wantedNames}`)
      : missed(`${writes} — not ${wantedNames}`);
  }
  const shared = guess.script;
  if (shared) {
    const could = wanted.filter((w) => shared.languages.includes(baseLanguage(w)));
    const script = `written in ${shared.name}, which ${formatList(shared.languages.map(languageName))} use`;
    if (could.length === 0) return missed(`${script} — not ${wantedNames}`);
    return partial(EITHER_WAY, `${script} — may be ${formatList(could.map((l) => languageName(baseLanguage(l))))}`);
  }
  const page = input.pageLang?.trim()
    ? `; the page's own language (${input.pageLang.trim()}) is the site's interface language, set by the viewer, so it is not used`
    : '';
  return unknown(`language unknown — ${guess.evidence}${page}`);
}

/**
 * Location: the campaign's locations in what the bio and name state (words, a country's other names, flag emoji).
 * Not mentioning a location is not evidence of being elsewhere, so it stays unknown; only a flag of another
 * country, when every campaign location is a country, counts as a miss.
 */
export function judgeLocation(campaign: Campaign, input: FitInput): Judgement {
  const locations = campaign.locations.filter(isSearchable);
  if (locations.length === 0) return notSet('any location');
  const texts = pageTexts(input.texts, ['name', 'bio']);
  const wanted = formatList(locations.map((l) => l.trim()));
  if (texts.length === 0) return unknown(`location unknown — no bio on this page to look for ${wanted}`);
  const found = findLocations(locations, texts);
  // Flags join the words as places, under the text that shows them.
  const flagPlace = (emoji: string) => ({
    field: texts.find((t) => t.text.includes(emoji))?.field ?? 'bio',
    index: 0,
    shown: emoji,
  });
  const asMatches: TermMatch[] = found.matches.map((m) => ({
    term: m.location,
    places: [...m.places, ...m.flags.map((f) => flagPlace(f.emoji))],
  }));
  if (found.matches.length > 0) {
    const said = found.matches
      .map((m) => {
        const shown = [...new Set([...m.places.map((p) => p.shown), ...m.flags.map((f) => f.emoji)])];
        return `${m.location.trim()} (${shown.map((s) => `"${s}"`).join(', ')})`;
      })
      .join(', ');
    return met(`states ${said}`, asMatches);
  }
  const flags = found.flags.map((f) => `${f.emoji} ${regionName(f.region) ?? f.region}`);
  if (flags.length > 0) {
    if (locations.every((l) => found.countries.has(l)))
      return missed(`shows ${formatList(flags, 'and')}, not ${wanted}`, []);
    return unknown(`location unclear — shows ${formatList(flags, 'and')}; cannot tell whether that is in ${wanted}`);
  }
  return unknown(`location unknown — the bio does not mention ${wanted} or show a country flag`);
}

/** Budget: the estimated price per post against the budget per post (fully under, straddling, or over). */
export function judgeBudget(campaign: Campaign, input: FitInput): Judgement {
  const budget = campaign.budgetPerPost;
  if (budget === undefined) return notSet('no budget per post');
  const price = input.priceRange;
  if (!price || !Number.isFinite(price.min) || !Number.isFinite(price.max)) {
    return unknown(`price unknown — ${input.unknownReasons?.price ?? 'no price estimate for this creator'}`);
  }
  const lo = Math.min(price.min, price.max);
  const hi = Math.max(price.min, price.max);
  const est = `estimated ${lo === hi ? formatUsd(lo) : `${formatUsd(lo)}–${formatUsd(hi)}`} per post${basis(input.priceBasis)}`;
  if (hi <= budget) return met(`${est} — within your ${formatUsd(budget)} budget`);
  if (lo > budget) return missed(`${est} — over your ${formatUsd(budget)} budget`);
  return partial(EITHER_WAY, `${est} — straddles your ${formatUsd(budget)} budget`);
}
