/** Dates as the shortlist page shows them: "3 days ago" with the full date beside, and dated export file names. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600 * 1000],
  ['month', 30 * 24 * 3600 * 1000],
  ['week', 7 * 24 * 3600 * 1000],
  ['day', 24 * 3600 * 1000],
  ['hour', 3600 * 1000],
  ['minute', 60 * 1000],
];

// Making a formatter takes about a third of a millisecond, and the table formats two dates on every row it
// draws: each is made once per locale (undefined: the browser's).
const relativeFormats = new Map<string | undefined, Intl.RelativeTimeFormat>();
const fullFormats = new Map<string | undefined, Intl.DateTimeFormat>();
function cached<F>(formats: Map<string | undefined, F>, locale: string | undefined, make: () => F): F {
  let format = formats.get(locale);
  if (!format) {
    format = make();
    formats.set(locale, format);
  }
  return format;
}

/**
 * How long ago `then` was, seen from `now`, in words of the locale ("3 days ago", "yesterday", "just now").
 * Times in the future (another device's clock) read as "just now" rather than "in 2 minutes".
 */
export function relativeTime(then: number, now: number, locale?: string): string {
  const elapsed = now - then;
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}

/** The full local date and time, for a title next to a relative time. */
export function fullDate(ms: number, locale?: string): string {
  return cached(
    fullFormats,
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }),
  ).format(ms);
}

/** A compact local date and time ("Nov 5, 2026, 6:47 PM"), for lists of dates. */
export function shortDate(ms: number, locale?: string): string {
  return new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A local calendar date as YYYY-MM-DD. */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An export's file name: `creator-scout-shortlist-2026-11-25.csv` (the local date, so it matches the user's day). */
export function exportFileName(extension: 'csv' | 'json', now: number, what = 'shortlist'): string {
  return `creator-scout-${what}-${isoDay(now)}.${extension}`;
}
