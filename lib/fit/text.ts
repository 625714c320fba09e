/**
 * Finding a campaign's words in what a page shows: case- and accent-insensitive, whole words, multi-word phrases,
 * and hashtags ("#travel", "#TravelTips" and "#travel_tips" all contain "travel").
 */
import type { FitTexts } from './input';

/** Where on the page a piece of text is shown. */
export type TextField = 'bio' | 'name' | 'caption' | 'hashtag';

/** One piece of page text; `index` numbers captions and listed hashtags (0 for the bio and the name). */
export interface PageText {
  field: TextField;
  index: number;
  text: string;
}

/** One place a word was found, with the text as the page shows it ("#Travel", "Viajes"). */
export interface TermPlace {
  field: TextField;
  index: number;
  shown: string;
}

/** A campaign word and every place it was found. */
export interface TermMatch {
  term: string;
  places: TermPlace[];
}

/** Letters that do not decompose under NFKD but that people type without their stroke or ligature. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ı: 'i',
};
const EXTRA_FOLD_RE = /[ßẞøØłŁđĐæÆœŒı]/g;

/** Text with accents and compatibility forms removed, keeping case ("Café" → "Cafe", "ｔｅｓｔ" → "test"). */
export function foldAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(EXTRA_FOLD_RE, (c) => EXTRA_FOLDS[c] ?? c);
}

/** Text lower-cased with accents removed, the form words are compared in ("Café" → "cafe"). */
export function fold(text: string): string {
  // Lower-case first so "İ" becomes "i" + a combining dot, which the accent removal then drops.
  return foldAccents(text.toLowerCase()).toLowerCase();
}

/** The pieces of page text to search, in a fixed order: name, bio, captions, listed hashtags. */
export function pageTexts(
  texts: FitTexts,
  fields: readonly TextField[] = ['name', 'bio', 'caption', 'hashtag'],
): PageText[] {
  const out: PageText[] = [];
  if (fields.includes('name') && texts.displayName?.trim())
    out.push({ field: 'name', index: 0, text: texts.displayName });
  if (fields.includes('bio') && texts.bio?.trim()) out.push({ field: 'bio', index: 0, text: texts.bio });
  if (fields.includes('caption')) {
    texts.captions.forEach((text, index) => {
      if (text.trim()) out.push({ field: 'caption', index, text });
    });
  }
  if (fields.includes('hashtag')) {
    (texts.hashtags ?? []).forEach((tag, index) => {
      const body = tag.trim().replace(/^[#＃]+/, '');
      if (body) out.push({ field: 'hashtag', index, text: `#${body}` });
    });
  }
  return out;
}

interface Token {
  start: number;
  end: number;
  /** Folded, lower-case. For a hashtag, its body without "#". */
  lower: string;
  /** Folded, case kept (for acronyms). */
  cased: string;
  /** A hashtag's words (split on "_" and camelCase), lower-case; undefined for plain words. */
  parts?: string[];
}

// URLs and @mentions are skipped: a link's path or another account's handle is not what this creator says.
const TOKEN_RE = /(https?:\/\/\S+|www\.\S+)|(@[\p{L}\p{N}_.]+)|([#＃][\p{L}\p{M}\p{N}_]+)|([\p{L}\p{M}\p{N}]+)/gu;
const HASHTAG_SPLIT_RE = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m[1] || m[2]) continue;
    const start = m.index;
    const raw = m[0];
    if (m[3]) {
      const body = raw.slice(1);
      const parts = body
        .split('_')
        .flatMap((p) => p.split(HASHTAG_SPLIT_RE))
        .map(fold)
        .filter(Boolean);
      tokens.push({
        start,
        end: start + raw.length,
        lower: fold(body).replace(/_/g, ''),
        cased: foldAccents(body),
        parts,
      });
    } else {
      tokens.push({ start, end: start + raw.length, lower: fold(raw), cased: foldAccents(raw) });
    }
  }
  return tokens;
}

/** Scripts written without spaces between words, where a word can only be found as a substring. */
const NO_SPACE_SCRIPT_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Between the words of a phrase only spaces, hyphens and underscores are allowed ("street-food" is "street food"). */
const PHRASE_GAP_RE = /^[\s\-‐‑–_]+$/u;

interface PreparedTerm {
  term: string;
  words: string[];
  casedWords: string[];
  /** "US", "NYC", "AI": matched with their case in running text, where "us" is a pronoun and "ai" a word. */
  acronym: boolean;
  /** A term in a script without spaces: matched as a folded substring. */
  substring?: string;
}

function prepare(term: string): PreparedTerm | null {
  const bare = term.trim().replace(/^[#＃]+/, '');
  if (NO_SPACE_SCRIPT_RE.test(bare)) {
    const substring = fold(bare).replace(/\s+/g, ' ');
    return substring ? { term, words: [], casedWords: [], acronym: false, substring } : null;
  }
  const words = [...bare.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => m[0]);
  if (words.length === 0) return null;
  return {
    term,
    words: words.map(fold),
    casedWords: words.map(foldAccents),
    acronym: /^\p{Lu}{2,4}$/u.test(bare),
  };
}

function matchAt(tokens: Token[], i: number, t: PreparedTerm, text: string): boolean {
  for (let k = 0; k < t.words.length; k++) {
    const tok = tokens[i + k];
    if (!tok) return false;
    // Acronyms keep their case in running text, but hashtags are commonly all lower case (#nyc).
    const same = t.acronym && !tok.parts ? tok.cased === t.casedWords[k] : tok.lower === t.words[k];
    if (!same) return false;
    const prev = tokens[i + k - 1];
    if (k > 0 && prev && !PHRASE_GAP_RE.test(text.slice(prev.end, tok.start))) return false;
  }
  return true;
}

function containsRun(parts: string[], words: string[]): boolean {
  for (let i = 0; i + words.length <= parts.length; i++) {
    if (words.every((w, k) => parts[i + k] === w)) return true;
  }
  return false;
}

/** Where in one text a term occurs, as the text shows it; null when it does not. */
function findIn(text: string, tokens: Token[], t: PreparedTerm): string | null {
  if (t.substring !== undefined) return fold(text).replace(/\s+/g, ' ').includes(t.substring) ? t.term.trim() : null;
  const joined = t.words.join('');
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (matchAt(tokens, i, t, text)) {
      const last = tokens[i + t.words.length - 1] ?? tok;
      return text.slice(tok.start, last.end);
    }
    // "#streetfood", "#StreetFoodLover" and "#street_food" all contain the phrase "street food".
    if (tok.parts && (tok.lower === joined || containsRun(tok.parts, t.words))) return text.slice(tok.start, tok.end);
  }
  return null;
}

/**
 * Every term found in the texts, with each place it was found (at most one per text). Terms that are not found
 * are left out; blank terms are ignored. A term's leading "#" is ignored, so "#travel" and "travel" are the same.
 */
export function findTerms(terms: readonly string[], texts: readonly PageText[]): TermMatch[] {
  const prepared = terms.map(prepare).filter((t): t is PreparedTerm => t !== null);
  if (prepared.length === 0) return [];
  const tokenized = texts.map((t) => ({ ...t, tokens: tokenize(t.text) }));
  const out: TermMatch[] = [];
  for (const t of prepared) {
    const places: TermPlace[] = [];
    for (const pt of tokenized) {
      const shown = findIn(pt.text, pt.tokens, t);
      if (shown !== null) places.push({ field: pt.field, index: pt.index, shown });
    }
    if (places.length > 0) out.push({ term: t.term, places });
  }
  return out;
}

/** True when the term has something to look for (not blank or punctuation only). */
export function isSearchable(term: string): boolean {
  return prepare(term) !== null;
}

/** Where a term was found, in words: "bio, name, 3 of 12 captions, #TravelTips". */
export function describePlaces(places: readonly TermPlace[], captionCount: number): string {
  const parts: string[] = [];
  if (places.some((p) => p.field === 'bio')) parts.push('bio');
  if (places.some((p) => p.field === 'name')) parts.push('name');
  const captions = places.filter((p) => p.field === 'caption').length;
  if (captions > 0) parts.push(`${captions} of ${captionCount} caption${captionCount === 1 ? '' : 's'}`);
  for (const p of places) if (p.field === 'hashtag') parts.push(p.shown);
  return parts.join(', ');
}
