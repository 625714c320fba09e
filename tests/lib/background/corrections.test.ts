import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { addCorrection, applyCorrections, CorrectionSchema } from '../../../lib/background/corrections';
import { validateReading, type ProfileReading } from '../../../lib/reading';
import { profile } from '../assess/synthetic';

const reading: ProfileReading = {
  ...profile('tiktok', { followers: { status: 'unknown', reason: 'not shown' } }),
  url: 'https://www.tiktok.com/@nocounts',
};

describe('manual corrections', () => {
  it('fill a count the page did not show, marked as the user’s', () => {
    const fixes = addCorrection(undefined, reading.url, { field: 'followers', value: 12_500 });
    const corrected = applyCorrections(reading, fixes);
    expect(corrected.kind === 'profile' && corrected.followers).toEqual({
      status: 'known',
      value: 12_500,
      text: '12500',
      exact: true,
      min: 12_500,
      max: 12_500,
      source: 'manual',
    });
    expect(validateReading(corrected).ok).toBe(true);
  });

  it('apply only to the page they were made on, and start afresh on another page', () => {
    const fixes = addCorrection(undefined, reading.url, { field: 'followers', value: 100 });
    const elsewhere = { ...reading, url: 'https://www.tiktok.com/@someone' };
    expect(applyCorrections(elsewhere, fixes)).toBe(elsewhere);
    const next = addCorrection(fixes, elsewhere.url, { field: 'posts', value: 3 });
    expect(next.counts).toEqual({ posts: 3 });
    expect(addCorrection(fixes, `${reading.url}/`, { field: 'posts', value: 3 }).counts).toEqual({
      followers: 100,
      posts: 3,
    });
  });

  it('accept only whole counts', () => {
    for (const value of [-1, 1.5, NaN, Infinity, 1e14]) {
      expect(v.safeParse(CorrectionSchema, { field: 'followers', value }).success).toBe(false);
    }
    expect(v.safeParse(CorrectionSchema, { field: 'bio', value: 1 }).success).toBe(false);
  });
});
