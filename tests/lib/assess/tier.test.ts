import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS } from '../../../lib/campaign';
import { DEFAULT_TIER_THRESHOLDS as D } from '../../../lib/assess/settings';
import { assessTier, tierOf, tierRanges } from '../../../lib/assess/tier';
import { exact, hidden, rounded, unknown } from './synthetic';

describe('tierOf', () => {
  it.each([
    [0, 'nano'],
    [999, 'nano'],
    [1_000, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [99_999, 'micro'],
    [100_000, 'mid'],
    [499_999, 'mid'],
    [500_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [500_000_000, 'mega'],
  ] as const)('%d followers → %s', (followers, tier) => {
    expect(tierOf(followers, D)).toBe(tier);
  });

  it('property: the tier never goes down as followers go up', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e10 }), fc.nat({ max: 1e10 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(TIERS.indexOf(tierOf(lo, D))).toBeLessThanOrEqual(TIERS.indexOf(tierOf(hi, D)));
      }),
    );
  });
});

describe('tierRanges', () => {
  it('writes each tier as the tables do', () => {
    expect(tierRanges(D).map((r) => r.text)).toEqual(['1K–10K', '10K–100K', '100K–500K', '500K–1M', '1M+']);
    expect(tierRanges(D)[4]!.max).toBeNull();
  });
});

describe('assessTier', () => {
  it('exactly 10,000 followers is micro, labelled with its range and the default source', () => {
    const t = assessTier(exact(10_000), D);
    expect(t.status === 'known' && t.tier).toBe('micro');
    expect(t.status === 'known' && t.label).toBe('micro (10K–100K)');
    expect(t.status === 'known' && t.range).toEqual({ tier: 'micro', min: 10_000, max: 100_000, text: '10K–100K' });
    expect(t.status === 'known' && t.source).toMatch(/^Later × Fohr 2021/);
    expect(t.status === 'known' && t.straddle).toBeNull();
  });

  it('calls accounts under 1K nano but flags them below the floor', () => {
    const t = assessTier(exact(999), D);
    expect(t).toMatchObject({ status: 'known', tier: 'nano', belowFloor: true, label: 'nano (under 1K)' });
    expect(assessTier(exact(1_000), D)).toMatchObject({ belowFloor: false, label: 'nano (1K–10K)' });
    expect(assessTier(exact(0), D)).toMatchObject({ tier: 'nano', belowFloor: true });
  });

  it('says when a rounded count straddles a boundary', () => {
    // "99.95K" could be 99,950–100,049: micro or mid.
    const t = assessTier(rounded(99_950, '99.95K', 99_950, 100_049), D);
    expect(t.status === 'known' && t.tier).toBe('micro');
    expect(t.status === 'known' && t.straddle?.tiers).toEqual(['micro', 'mid']);
    expect(t.status === 'known' && t.straddle?.text).toBe(
      '"99.95K" stands for 99,950–100,049 followers, which spans micro and mid; the tier is taken from 99,950',
    );
    expect(assessTier(rounded(783_400, '783.4K', 783_400, 783_499), D)).toMatchObject({
      tier: 'macro',
      straddle: null,
    });
  });

  it('uses the marketer’s thresholds and says so', () => {
    const own = { nano: 0, micro: 5_000, mid: 50_000, macro: 250_000, mega: 2_000_000 };
    expect(assessTier(exact(5_000), own)).toMatchObject({
      tier: 'micro',
      label: 'micro (5K–50K)',
      source: 'your own thresholds (settings)',
      belowFloor: false,
    });
    expect(assessTier(exact(1_500_000), own)).toMatchObject({ tier: 'macro', label: 'macro (250K–2M)' });
  });

  it('is unknown with the reason when followers are not known', () => {
    expect(assessTier(hidden('private account'), D)).toEqual({
      status: 'unknown',
      reason: 'followers are hidden: private account',
    });
    expect(assessTier(unknown('no header'), D)).toEqual({ status: 'unknown', reason: 'followers not read: no header' });
  });
});
