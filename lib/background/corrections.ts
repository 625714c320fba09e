/**
 * Counts the marketer typed in because the page did not show them. They are kept per tab and page, marked as
 * manual wherever they are shown, and applied to every later reading of the same page until the tab leaves it.
 */
import * as v from 'valibot';
import type { CountField, ProfileReading, Reading } from '../reading';
import { samePage } from '../tab-view';

export const CORRECTABLE = ['followers', 'following', 'posts', 'totalLikes'] as const;
export type CorrectableCount = (typeof CORRECTABLE)[number];

export const CorrectionSchema = v.object({
  field: v.picklist(CORRECTABLE),
  value: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e13)),
});
export type Correction = v.InferOutput<typeof CorrectionSchema>;

/** The corrections made on one page. */
export interface PageCorrections {
  url: string;
  counts: Partial<Record<CorrectableCount, number>>;
}

/** Adds a correction, starting afresh when the tab has moved to another page. */
export function addCorrection(
  existing: PageCorrections | undefined,
  url: string,
  correction: Correction,
): PageCorrections {
  const counts = existing && samePage(existing.url, url) ? existing.counts : {};
  return { url, counts: { ...counts, [correction.field]: correction.value } };
}

export function manualCount(value: number): CountField {
  return { status: 'known', value, text: String(value), exact: true, min: value, max: value, source: 'manual' };
}

/** The reading with the page's corrections applied; other pages' corrections are ignored. */
export function applyCorrections(reading: Reading, corrections: PageCorrections | undefined): Reading {
  if (reading.kind !== 'profile' || !corrections || !samePage(corrections.url, reading.url)) return reading;
  const corrected: ProfileReading = { ...reading };
  for (const field of CORRECTABLE) {
    const value = corrections.counts[field];
    if (value !== undefined) corrected[field] = manualCount(value);
  }
  return corrected;
}
