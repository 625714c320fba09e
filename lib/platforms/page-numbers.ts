/**
 * Exact integers as sites write them inside attributes — a `title` of "48,213", an aria-label of "11424 views.
 * View post analytics" — and the handle comparison the Instagram and X readers share.
 */
import { cleanText } from './page-text';

const GROUPED_INTEGER = /^\d{1,3}([.,\u00a0\u202f' ])\d{3}(?:\1\d{3})*$/;

/**
 * An exact integer written out in full ("48213", "48,213", "48.213", "48 213"); undefined for anything else
 * (abbreviations, decimals, words). The group separator needs no language here because an attribute holding an
 * exact count never has a fractional part: "1.234" can only be 1,234.
 */
export function exactInteger(text: string | null | undefined): number | undefined {
  const shown = cleanText(text, 40);
  if (/^\d{1,15}$/.test(shown)) return Number(shown);
  if (GROUPED_INTEGER.test(shown)) return Number(shown.replace(/\D/g, ''));
  return undefined;
}

/**
 * Every integer written out in full in a text, in order ("10 replies, 1 repost, 27 likes" → [10, 1, 27]): the
 * aria-labels sites fill with exact counts, where nothing is abbreviated.
 */
export function integersIn(text: string | null | undefined): number[] {
  const matches = cleanText(text, 1000).match(/\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?!\d)|\d+/g) ?? [];
  return matches.map((m) => Number(m.replace(/\D/g, '')));
}

/** Handles compared without regard to case, as Instagram and X treat them. */
export function sameHandle(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
