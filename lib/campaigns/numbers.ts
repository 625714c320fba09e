/**
 * Reading the numbers typed into the options page — follower counts, percentages, dollars, weights — with a
 * message in words when the text is not one. Blank means "not set" and is not an error.
 */
/** A typed number: not set, a value, or why the text is not accepted. */
export type NumberInput = { ok: true; value: number | undefined } | { ok: false; error: string };

const notSet: NumberInput = { ok: true, value: undefined };
const fail = (error: string): NumberInput => ({ ok: false, error });

/**
 * A plain decimal number: "2", "2.5", "2,5" (a comma as the decimal mark, as many languages write it), "1,200"
 * or "1,200.50" (commas grouping thousands). Returns NaN for anything else.
 */
function plainNumber(text: string): number {
  const t = text.replace(/\s+/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d*[.,]?\d+$/.test(t) || /^\d+[.,]?$/.test(t)) return Number(t.replace(',', '.'));
  return NaN;
}

/** Drops floating-point noise (2.3 / 100 = 0.022999999999999996) so what is stored reads back as typed. */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * A percentage typed as "2", "2.5%" or "2,5 %", returned as a fraction (0.025). Must be between 0 and 100.
 */
export function parsePercent(text: string): NumberInput {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return notSet;
  const pct = plainNumber(t);
  if (!Number.isFinite(pct)) return fail('Enter a percentage as a number, like 2 or 2.5.');
  if (pct > 100) return fail('A rate cannot be more than 100%.');
  return { ok: true, value: tidy(pct / 100) };
}

/** A fraction as the percentage text the form shows: 0.025 → "2.5", 0.02 → "2". */
export function fractionToPercentText(fraction: number | undefined): string {
  return fraction === undefined ? '' : String(tidy(fraction * 100));
}

const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };
const FOLLOWERS_HINT = 'Enter a number of followers, like 10000, 10,000 or 10K.';

/**
 * A follower count as marketers write it: "10000", "10,000", "10 000", "10.000", "10K", "1.5M", "2,5k".
 * Deliberately stricter than the page parser (lib/count.ts), which skips label words: in a form, "10 apples" is
 * a typing mistake to point out, not 10.
 */
export function parseFollowers(text: string): NumberInput {
  // Spaces, no-break spaces and apostrophes (Swiss "10'000") only group digits.
  const t = text.replace(/[\s\u00a0\u202f'’]+/g, '');
  if (t === '') return notSet;
  const match = /^(\d+(?:[.,]\d+)*)([kmb])?$/i.exec(t);
  if (!match) return fail(FOLLOWERS_HINT);
  const [, digits = '', suffix] = match;
  let value: number;
  if (suffix) {
    value = plainNumber(digits) * (SUFFIXES[suffix.toLowerCase()] ?? NaN);
  } else if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(digits) || /^\d+$/.test(digits)) {
    value = Number(digits.replace(/[.,]/g, ''));
  } else {
    return fail('Enter a whole number of followers (or use K and M, like 1.5K).');
  }
  if (!Number.isFinite(value)) return fail(FOLLOWERS_HINT);
  if (value > 1e13) return fail('That is more followers than any account has.');
  return { ok: true, value: Math.round(value) };
}

/** US dollars: "500", "$1,200", "1200.50 USD". Must not be negative. */
export function parseUsd(text: string): NumberInput {
  const t = text
    .trim()
    .replace(/^(US)?\$\s*/i, '')
    .replace(/\s*(USD|US\$|\$)$/i, '');
  if (t === '') return text.trim() === '' ? notSet : fail('Enter an amount in US dollars, like 500.');
  if (t.startsWith('-')) return fail('A budget cannot be negative.');
  const value = plainNumber(t);
  if (!Number.isFinite(value)) return fail('Enter an amount in US dollars, like 500.');
  if (value > 1e9) return fail('That budget is larger than Creator Scout can work with (at most $1,000,000,000).');
  return { ok: true, value: tidy(value) };
}

/** A whole number between `min` and `max` (a tier threshold, a weight), with `what` naming it in messages. */
export function parseWhole(text: string, what: string, min: number, max: number): NumberInput {
  const t = text.trim();
  if (t === '') return notSet;
  if (t.startsWith('-')) return fail(`${what} cannot be negative.`);
  const value = plainNumber(t);
  if (!Number.isFinite(value)) return fail(`Enter ${what.toLowerCase()} as a whole number.`);
  if (!Number.isInteger(value)) return fail(`Enter ${what.toLowerCase()} as a whole number, without decimals.`);
  if (value < min || value > max) {
    return fail(`${what} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}.`);
  }
  return { ok: true, value };
}

/** A decimal number between `min` and `max` (a price rate, a weight), with `what` naming it in messages. */
export function parseDecimal(text: string, what: string, min: number, max: number): NumberInput {
  const t = text.trim().replace(/^\$\s*/, '');
  if (t === '') return notSet;
  if (t.startsWith('-')) return fail(`${what} cannot be negative.`);
  const value = plainNumber(t);
  if (!Number.isFinite(value)) return fail(`Enter ${what.toLowerCase()} as a number.`);
  if (value < min || value > max) {
    return fail(`${what} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}.`);
  }
  return { ok: true, value: tidy(value) };
}

/** A number as the form shows it for editing: plain digits, no grouping ("10000", "12.5"); blank when unset. */
export function numberToText(value: number | null | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}
