/**
 * Locale-aware parsing of the counts social sites show ("783.4K", "1,2 Mio.", "12,3 тыс.", "2.3万", "١٫٢ ألف").
 *
 * The compact suffixes are not a hand-kept table: they are read once per language from the browser's own CLDR
 * data (`Intl.NumberFormat(lang, { notation: 'compact' })`, short and long forms, every plural form), then from
 * the base language, then English (sites show "1.2K" in any UI), then the few spellings platforms use that CLDR
 * lacks. Separators and digit grouping come from `Intl.NumberFormat(lang)`, so the page's language settles what
 * "1.234" means.
 */

/** A parsed count: its value and the range of true values the text can stand for. */
export interface CountReading {
  /** The number the text stands for ("16.4K" → 16,400). */
  value: number;
  /** True when the text is the precise number (no abbreviation). */
  exact: boolean;
  /** Smallest true value consistent with the text: "16.4K" → 16,350 (a site may round). */
  min: number;
  /** Largest true value consistent with the text: "16.4K" → 16,499 (a site may truncate, as YouTube does). */
  max: number;
}

/** A compact affix as written around the number: "elfu 1,5" has a `pre`, "1,5 Mio." a `post`. */
interface Affix {
  pre: string;
  post: string;
  mult: number;
  /** Another meaning the language's own CLDR data gives the same spelling (Nepali करोड is 1e6 long, 1e7 short). */
  also?: number;
  /** What the spelling means in English when that differs (Turkish "B" is 1e3, English "B" 1e9). */
  en?: number;
}

interface LangData {
  /** The language's decimal mark and group separator in Latin digits ("," and "." for German). */
  decimal: string;
  group: string;
  /** Characters that can be a decimal mark, and a group separator, on this language's pages. */
  decimals: string;
  groups: string;
  /** The language's own group sizes: 3 and 3 in English, 3 and 2 in Hindi ("12,34,567"). */
  primary: number;
  secondary: number;
  /** Longest spelling first, so "mil M" wins over "mil" and "Millionen" over "Million". */
  affixes: Affix[];
}

/** Longer texts are not a count label; refusing them keeps every call short and linear. */
const MAX_TEXT = 200;
const MAX_RAW = 2000;

/**
 * Spellings the platforms use that CLDR lacks (German "Tsd.", Indian English "lakh"/"crore", Spanish "mill.",
 * Hindi written without the nukta, the other Chinese script's 万/萬). Least priority: CLDR wins any tie.
 */
const EXTRA: [string, number][] = [
  ['Tsd.', 1e3],
  ['mill.', 1e6],
  ['mln', 1e6],
  ['bn', 1e9],
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['lac', 1e5],
  ['lacs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
  ['cr', 1e7],
  ['हजार', 1e3],
  ['千', 1e3],
  ['万', 1e4],
  ['萬', 1e4],
  ['亿', 1e8],
  ['億', 1e8],
];

/** Displayed values whose plural forms together cover every CLDR plural category (one, two, few, many, other). */
const MANTISSAS = [1, 1.5, 2, 3, 4, 5, 6, 7, 11, 21, 22, 25, 101, 102, 103];

const ND = /\p{Nd}/u;
const WORD = /[\p{L}\p{M}\p{N}]/u;
/** Scripts written without spaces between words, where a count runs into the next word ("2.3万次观看"). */
const UNSPACED =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
/** Marks that make an adjacent number something other than a count: a sign, a rank, a price, a share. */
const NOT_BEFORE = /[-−‐‑‒–—#№.,٫٬\p{Sc}]/u;
const NOT_AFTER = /[%‰‱°\p{Sc}]/u;
const CURRENCY = /\p{Sc}/u;

/** Tables by resolved locale (a few hundred at most), and by the `lang` text pages give (bounded). */
const tables = new Map<string, LangData>();
const byLang = new Map<string, LangData>();

/**
 * Reads a count with its exactness and range, or null when the text is not one count. `lang` is the page's
 * `<html lang>`; it settles ambiguous separators ("1.234" is 1,234 in German and not a count in English).
 *
 * - Label words around the number are ignored ("4,69 M de suscriptores", "2.3万 次观看"); a text holding two
 *   numbers is ambiguous and gives null, as do negatives, percentages, prices and texts over 200 characters.
 * - An abbreviated value's range covers sites that round and sites that truncate: "16.4K" → 16,350–16,499.
 * - A lone "." or "," followed by other than three digits can only be a decimal mark, so "1,5K" on an English
 *   page is 1,500; a fractional number without a suffix is not a count ("1.5" → null). With three digits the
 *   language decides; a language that uses neither mark for it is read the English way.
 * - Where the language's suffix means something else in English (Turkish "B" = thousand), the English meaning
 *   is taken when the number is written the English way ("1.2B", with a "." the language does not use).
 * - A count spelled only in words ("mille") is not read. Never throws; returns non-negative safe integers.
 */
export function readCount(text: string, lang = 'en'): CountReading | null {
  try {
    if (typeof text !== 'string' || text.length > MAX_RAW) return null;
    const t = normalize(text);
    if (t.length > MAX_TEXT || !/\d/.test(t)) return null;
    return readNormalized(t, langData(typeof lang === 'string' ? lang : 'en'));
  } catch {
    // Defensive: an engine lacking some Intl feature must not break the page's content script.
    return null;
  }
}

/** The number a count text stands for ("1,2 Mio. Abonnenten" → 1,200,000), or null when it is not a count. */
export function parseCount(text: string, lang?: string): number | null {
  return readCount(text, lang)?.value ?? null;
}

function readNormalized(t: string, data: LangData): CountReading | null {
  let found: CountReading | null = null;
  for (let i = 0; i < t.length;) {
    if (!isDigit(t[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < t.length && (isDigit(t[j]) || (isSeparator(t[j], data) && isDigit(t[j + 1])))) j++;
    const token = readToken(t, i, j, data);
    i = j;
    if (token === 'word') continue;
    // A second count, or a number that is not a count, makes the whole text ambiguous.
    if (token === null || found) return null;
    found = token;
  }
  return found;
}

/** Reads the digits at t[start, end) with any affix; 'word' when they belong to a word ("mp3", "3rd"). */
function readToken(t: string, start: number, end: number, data: LangData): CountReading | 'word' | null {
  const before = t[start - 1];
  const after = t[end];
  const affix = findAffix(t, start, end, data, false) ?? findAffix(t, start, end, data, true);
  if ((isGlued(before) && !affix?.pre) || (isGlued(after) && !affix?.post)) return 'word';
  // Signs and units sit outside the affixes ("-ද1.2", "1.2K%"), one space away at most ("12 %", "$ 5").
  const from = affix?.pre ? (before === ' ' ? start - 1 : start) - affix.pre.length : start;
  const to = affix?.post ? (after === ' ' ? end + 1 : end) + affix.post.length : end;
  const outside = t[from - 1];
  const prev = outside === ' ' ? t[from - 2] : outside;
  const next = t[to] === ' ' ? t[to + 1] : t[to];
  if ((outside && NOT_BEFORE.test(outside)) || (prev && CURRENCY.test(prev)) || (next && NOT_AFTER.test(next))) {
    return null;
  }
  const parts = splitNumber(t.slice(start, end), data);
  if (!parts) return null;
  const [int, frac, decimal] = parts;
  if (!affix) {
    const value = Number(int);
    return !frac && Number.isSafeInteger(value) ? { value, exact: true, min: value, max: value } : null;
  }
  const english = affix.en !== undefined && decimal === '.' && data.decimal !== '.';
  const reading = abbreviated(int, frac, english ? (affix.en ?? 0) : affix.mult);
  const other = !english && affix.also ? abbreviated(int, frac, affix.also) : null;
  if (!reading || !other) return reading;
  return { ...reading, min: Math.min(reading.min, other.min), max: Math.max(reading.max, other.max) };
}

/** The reading of a mantissa shown as `int`.`frac` times `mult`, with the range rounding or truncation leave. */
function abbreviated(int: string, frac: string, mult: number): CountReading | null {
  const mantissa = Number(int + frac);
  const scale = 10 ** frac.length;
  if (!Number.isSafeInteger(mantissa) || frac.length > 15) return null;
  // Powers of ten divide exactly, so "1.65" × 1e6 is exactly 1,650,000.
  const value = mult >= scale ? mantissa * (mult / scale) : mantissa / (scale / mult);
  if (!Number.isSafeInteger(value)) return null;
  // Past three digits, trailing zeros need not be significant: "1230 M" may be 1,234,567,890 cut to 3 digits.
  const zeros = frac ? 0 : Math.min(int.length - 3, int.length - int.replace(/0+$/, '').length);
  const unit = (mult / scale) * 10 ** Math.max(0, zeros);
  const min = Math.max(0, Math.ceil(value - unit / 2));
  const max = Math.min(Number.MAX_SAFE_INTEGER, Math.ceil(value + unit) - 1);
  return { value, exact: false, min, max };
}

/** Splits "1.234,5" into integer digits, fraction digits and the decimal mark used, or null when malformed. */
function splitNumber(s: string, data: LangData): [string, string, string] | null {
  const seps = s.replace(/\d/g, '');
  const groups = s.split(/\D/);
  const last = seps[seps.length - 1];
  let decimal = '';
  if (last !== undefined) {
    const kinds = new Set(seps);
    if (kinds.size > 2) return null;
    if (kinds.size === 2) {
      if (seps.indexOf(last) !== seps.length - 1) return null;
      decimal = last;
    } else if (seps.length === 1 && data.decimals.includes(last)) {
      const after = groups[1]?.length ?? 0;
      // A group has three digits (or the language's own size); otherwise the language, then English, decides.
      if (!data.groups.includes(last) || (after !== 3 && after !== data.primary)) decimal = last;
      else if (last === data.decimal || (last === '.' && data.group !== '.')) decimal = last;
    }
    if (decimal && !data.decimals.includes(decimal)) return null;
    if ([...kinds].some((k) => k !== decimal && !data.groups.includes(k))) return null;
  }
  const intGroups = decimal ? groups.slice(0, -1) : groups;
  if (!validGroups(intGroups, data)) return null;
  const int = intGroups.join('');
  if (int.length > 1 && int[0] === '0') return null;
  return [int, decimal ? (groups[groups.length - 1] ?? '') : '', decimal];
}

/** Western grouping (1,234,567), Indian (12,34,567) or the language's own. */
function validGroups(groups: string[], data: LangData): boolean {
  if (groups.length < 2) return true;
  const sizes = groups.map((g) => g.length);
  const fits = (primary: number, secondary: number) =>
    sizes.every((n, i) =>
      i === sizes.length - 1 ? n === primary : i > 0 ? n === secondary : n >= 1 && n <= Math.max(primary, secondary),
    );
  return fits(3, 3) || fits(3, 2) || fits(data.primary, data.secondary);
}

/**
 * The longest affix written around the number (one space allowed between), ending at a word boundary; `loose`
 * compares without case ("1.2k"), after an exact pass so Tongan "m" (1e4) and "M" (1e6) stay apart.
 */
function findAffix(t: string, start: number, end: number, data: LangData, loose: boolean): Affix | undefined {
  const post = t[end] === ' ' ? end + 1 : end;
  const pre = t[start - 1] === ' ' ? start - 1 : start;
  const same = (at: number, s: string) =>
    at >= 0 && (loose ? t.slice(at, at + s.length).toLowerCase() === s.toLowerCase() : t.startsWith(s, at));
  return data.affixes.find(
    (a) =>
      (!a.post || (same(post, a.post) && boundary(a.post.slice(-1), t[post + a.post.length]))) &&
      (!a.pre || (same(pre - a.pre.length, a.pre) && boundary(a.pre[0], t[pre - a.pre.length - 1]))),
  );
}

/** True when an affix ending in `edge` may be followed (or preceded) by `next` without being part of a word. */
function boundary(edge: string | undefined, next: string | undefined): boolean {
  return !next || !edge || !WORD.test(next) || UNSPACED.test(edge) || UNSPACED.test(next);
}

/** A letter of a spaced script touching the digits makes them part of a word. */
function isGlued(c: string | undefined): boolean {
  return !!c && WORD.test(c) && !UNSPACED.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isSeparator(c: string | undefined, data: LangData): boolean {
  return c !== undefined && (data.decimals.includes(c) || data.groups.includes(c));
}

/**
 * NFC, no format characters (the bidi marks around Arabic and Hebrew numbers), one plain space for any run of
 * white space (no-break, narrow no-break, thin), and every script's decimal digits as ASCII digits.
 */
function normalize(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\p{Nd}/gu, (d) => String(digitValue(d)));
}

/** Unicode encodes each script's decimal digits as runs of 0–9, so a digit's value is its offset in its run. */
function digitValue(d: string): number {
  const cp = d.codePointAt(0) ?? 0;
  let zero = cp;
  while (zero > 0 && ND.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

function langData(lang: string): LangData {
  let data = byLang.get(lang);
  if (!data) {
    const own = supported(lang);
    const key = own.join();
    data = tables.get(key) ?? buildLangData(own);
    tables.set(key, data);
    if (byLang.size > 100) byLang.clear();
    byLang.set(lang, data);
  }
  return data;
}

function buildLangData(own: string[]): LangData {
  const main = own[0] ?? 'en';
  const latn = separators(new Intl.NumberFormat(main, { numberingSystem: 'latn' }));
  const native = separators(new Intl.NumberFormat(main));
  const byKey = new Map<string, Affix>();
  for (const locale of [...new Set([...own, 'en'])]) {
    const english = locale === 'en' && !own.includes('en');
    for (const affix of compactAffixes(locale)) addAffix(byKey, affix, english ? 'en' : 'also');
  }
  for (const [post, mult] of EXTRA) addAffix(byKey, { pre: '', post, mult });
  // "Mio" and "тыс" are also written without their abbreviation dot.
  for (const a of [...byKey.values()]) if (a.post.endsWith('.')) addAffix(byKey, { ...a, post: a.post.slice(0, -1) });
  return {
    decimal: latn.decimal,
    group: latn.group,
    decimals: `.,٫${latn.decimal}${native.decimal}`,
    groups: `.,'’ʼ٬${latn.group}${native.group}`,
    primary: native.primary,
    secondary: native.secondary,
    affixes: [...byKey.values()].sort((a, b) => b.pre.length + b.post.length - a.pre.length - a.post.length),
  };
}

/** The decimal mark, group separator and group sizes of a format, from how it writes 1,234,567.8. */
function separators(format: Intl.NumberFormat) {
  const parts = format.formatToParts(1234567.8);
  const sizes = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const primary = sizes.length > 1 ? (sizes[sizes.length - 1] ?? 3) : 3;
  return {
    decimal: normalize(parts.find((p) => p.type === 'decimal')?.value ?? '.') || '.',
    group: normalize(parts.find((p) => p.type === 'group')?.value ?? ',') || ' ',
    primary,
    secondary: sizes.length > 2 ? (sizes[sizes.length - 2] ?? primary) : primary,
  };
}

/** The first spelling wins; a different meaning is kept as `also` (the language's own) or `en` (English). */
function addAffix(byKey: Map<string, Affix>, affix: Affix, other?: 'also' | 'en'): void {
  const key = `${affix.pre}|${affix.post}`;
  const known = byKey.get(key);
  if (!known) byKey.set(key, affix);
  else if (other && known.mult !== affix.mult) known[other] ??= affix.mult;
}

/** The language itself and its base language, as far as the browser knows them. */
function supported(lang: string): string[] {
  try {
    const tag = lang.trim().replace(/_/g, '-');
    // Unknown languages would silently get the browser's own locale, so they fall back to English instead.
    return Intl.NumberFormat.supportedLocalesOf([...new Set([tag, tag.split('-')[0] ?? ''])].filter(Boolean));
  } catch {
    return [];
  }
}

/** Every compact affix CLDR has for the locale, short and long, with its multiplier. */
function compactAffixes(locale: string): Affix[] {
  const out: Affix[] = [];
  for (const compactDisplay of ['short', 'long'] as const) {
    const format = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay });
    let previous: string | undefined;
    for (let e = 3; e <= 15; e++) {
      const first = compactAffix(format, 10 ** e);
      const key = first ? `${first.pre}|${first.post}` : `${e}`;
      // Mantissas up to 103 already showed this unit's plural forms at the power where it began ("101K").
      if (key === previous) continue;
      previous = key;
      for (const m of MANTISSAS) {
        const affix = m === 1 ? first : compactAffix(format, m * 10 ** e);
        if (affix) out.push(affix);
      }
    }
  }
  return out;
}

/** The affix and multiplier of one compact formatting: 1,500,000 → "1,5 Mio." → post "Mio.", 1e6. */
function compactAffix(format: Intl.NumberFormat, n: number): Affix | undefined {
  let pre = '';
  let post = '';
  let shown = '';
  let compact = false;
  for (const p of format.formatToParts(n)) {
    if (p.type === 'integer') shown += p.value;
    else if (p.type === 'fraction') shown += `.${p.value}`;
    else if (p.type !== 'group' && p.type !== 'decimal') {
      compact ||= p.type === 'compact';
      // Everything around the number, so a hyphen inside "miliãu-ita" is kept.
      if (shown) post += p.value;
      else pre += p.value;
    }
  }
  const value = Number(normalize(shown));
  if (!compact || !(value > 0)) return undefined;
  return { pre: normalize(pre), post: normalize(post), mult: 10 ** Math.round(Math.log10(n / value)) };
}
