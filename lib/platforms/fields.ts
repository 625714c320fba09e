/**
 * Building blocks every platform reader uses to turn page text into {@link CountField}s, so that the rules —
 * unknown with a reason rather than 0, exact values only when they agree with what is shown — live in one place.
 */
import { readCount } from '../count';
import type { CountField, CountSource, KnownCount } from '../reading';
import { cleanText } from './page-text';

/**
 * A count field from text shown on the page. `what` names the count for the reason when it cannot be read
 * ("followers").
 */
export function countFromText(
  text: string | null | undefined,
  lang: string,
  source: CountSource,
  what: string,
): CountField {
  const shown = cleanText(text);
  if (!shown) return { status: 'unknown', reason: `no ${what} count on this page` };
  const parsed = readCount(shown, lang);
  if (!parsed) return { status: 'unknown', reason: `"${shown}" is not a ${what} count we can read` };
  return {
    status: 'known',
    value: parsed.value,
    text: shown,
    exact: parsed.exact,
    min: parsed.min,
    max: parsed.max,
    source,
  };
}

/** A count field for an exact number the page holds (an attribute, JSON-LD or page data). */
export function exactCount(value: number, text: string, source: CountSource): CountField {
  if (!Number.isSafeInteger(value) || value < 0)
    return { status: 'unknown', reason: `"${cleanText(text)}" is not a count` };
  return { status: 'known', value, text: cleanText(text), exact: true, min: value, max: value, source };
}

/**
 * Prefers what a person sees, upgraded to an exact value the page also holds — but only when that exact value
 * is consistent with the shown text, so stale data from a previous page is never shown as this profile's.
 * The upgraded field keeps the shown text and takes the exact value's source.
 */
export function upgradeToExact(shown: CountField, exact: number | undefined, exactSource: CountSource): CountField {
  if (exact === undefined || !Number.isSafeInteger(exact) || exact < 0) return shown;
  if (shown.status === 'hidden') return shown;
  if (shown.status === 'unknown') return exactCount(exact, String(exact), exactSource);
  if (shown.exact) return shown;
  if (exact < shown.min || exact > shown.max) return shown;
  const upgraded: KnownCount = { ...shown, value: exact, exact: true, min: exact, max: exact, source: exactSource };
  return upgraded;
}

/** The first field that is known, else the first hidden one, else the last unknown one (its reason). */
export function firstKnown(...fields: CountField[]): CountField {
  return (
    fields.find((f) => f.status === 'known') ??
    fields.find((f) => f.status === 'hidden') ??
    fields[fields.length - 1] ?? { status: 'unknown', reason: 'not read' }
  );
}
