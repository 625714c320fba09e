import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engagementByFollowers, type Rate } from '../../../lib/assess/engagement';
import { estimatePrice } from '../../../lib/assess/price';
import { DEFAULT_ENGAGEMENT_SETTINGS as S, DEFAULT_PRICE_RATES as R } from '../../../lib/assess/settings';
import { exact, hidden, likePosts } from './synthetic';

/** A rate by followers whose mean is exactly likes ÷ followers. */
const rateOf = (likes: number, followers: number): Rate =>
  engagementByFollowers(
    likePosts([
      [likes, 0],
      [likes, 0],
      [likes, 0],
    ]),
    exact(followers),
    'instagram',
    S,
  );

describe('estimatePrice', () => {
  it('Instagram, 100,000 followers, 5% ER: 100 × $14 × 2.0 = $2,800, shown $2,380–$3,220 (hand-computed)', () => {
    const p = estimatePrice('instagram', exact(100_000), rateOf(5_000, 100_000), R);
    expect(p).toMatchObject({ status: 'estimated', currency: 'USD', point: 2_800, low: 2_380, high: 3_220 });
    expect(p.factors.map((f) => f.name)).toEqual([
      'followers',
      'rate per 1,000',
      'base',
      'engagement factor',
      'spread',
    ]);
    const [followers, rate, base, factor, spread] = p.factors.map((f) => f.value);
    expect([followers, rate, base, spread]).toEqual([100_000, 14, 1_400, 0.15]);
    expect(factor).toBeCloseTo(2, 12);
    expect(p.factors[1]!.source).toMatch(/price-estimator\.impulze\.ai/);
    expect(p.formula).toMatch(/clamp\(engagement rate ÷ 2.5%, 0.6, 2.2\), shown as ±15%/);
  });

  it('clamps the engagement factor to 0.6 and 2.2', () => {
    // 1% ÷ 2.5% = 0.4 → 0.6: 1,400 × 0.6 = 840 → 714–966.
    expect(estimatePrice('instagram', exact(100_000), rateOf(1_000, 100_000), R)).toMatchObject({
      low: 714,
      high: 966,
    });
    // 10% ÷ 2.5% = 4 → 2.2: 1,400 × 2.2 = 3,080 → 2,618–3,542.
    expect(estimatePrice('instagram', exact(100_000), rateOf(10_000, 100_000), R)).toMatchObject({
      low: 2_618,
      high: 3_542,
    });
  });

  it('uses the platform rates: TikTok $10, YouTube $35 per 1,000', () => {
    // 2.5% → factor 1.
    expect(estimatePrice('tiktok', exact(10_000), rateOf(250, 10_000), R).point).toBe(100);
    const yt = estimatePrice('youtube', exact(10_000), rateOf(250, 10_000), R);
    expect(yt.point).toBe(350);
    expect(yt.factors[0]!.name).toBe('subscribers');
  });

  it('spans every engagement factor when there is no rate, instead of guessing', () => {
    const noRate = engagementByFollowers(likePosts([[1, 1]]), exact(100_000), 'instagram', S);
    const p = estimatePrice('instagram', exact(100_000), noRate, R);
    // 1,400 × 0.6 × 0.85 = 714; 1,400 × 2.2 × 1.15 = 3,542.
    expect(p).toMatchObject({ status: 'estimated', low: 714, high: 3_542, point: null });
    expect(p.notes[0]).toMatch(/^no engagement rate \(not enough data \(n = 1\)/);
  });

  it('gives no estimate for X by default, and uses the marketer’s rate when set', () => {
    const none = estimatePrice('x', exact(10_000), rateOf(250, 10_000), R);
    expect(none).toMatchObject({ status: 'unavailable', low: null, high: null });
    expect(none.reason).toMatch(/^no price rate for x/);
    const own = estimatePrice('x', exact(10_000), rateOf(250, 10_000), { ...R, x: 4 });
    expect(own.point).toBe(40);
    expect(own.factors[1]!.source).toBe('your setting');
  });

  it('gives no estimate without followers or with 0 followers', () => {
    expect(estimatePrice('instagram', hidden('private'), rateOf(1, 10), R).reason).toBe('followers not read (private)');
    expect(estimatePrice('instagram', exact(0), rateOf(1, 10), R).reason).toBe('0 followers: nothing to price');
  });

  it('property: low ≤ high, both ≥ 0 and finite', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e10 }),
        fc.nat({ max: 1e9 }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        (followers, likes, rate) => {
          const p = estimatePrice('instagram', exact(followers), rateOf(likes, Math.max(followers, 1)), {
            ...R,
            instagram: rate,
          });
          if (p.status !== 'estimated') return;
          expect(p.low).not.toBeNull();
          expect(p.low! <= p.high! && p.low! >= 0 && Number.isFinite(p.high!)).toBe(true);
        },
      ),
    );
  });
});
