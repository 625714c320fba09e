import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBJECTIVES, TIERS, type Campaign } from '../../../lib/campaign';
import type { FitInput } from '../../../lib/fit/input';
import { scoreFit } from '../../../lib/fit/score';
import { CRITERIA } from '../../../lib/fit/weights';
import { PLATFORMS } from '../../../lib/reading';

// Words drawn from a small vocabulary so keywords, avoid words and locations often do appear in the texts.
const VOCAB = [
  'travel',
  'Café',
  'street food',
  '#food',
  'Spain',
  'USA',
  'us',
  'casino',
  'hola',
  'the',
  'y',
  '🇪🇸',
  '🇫🇷',
];
const word = fc.oneof(fc.constantFrom(...VOCAB), fc.string({ maxLength: 12 }));
const text = fc.array(word, { maxLength: 12 }).map((ws) => ws.join(' '));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

const campaignArb: fc.Arbitrary<Campaign> = fc.record({
  id: fc.constant('p'),
  name: fc.constant('Property'),
  objective: fc.constantFrom(...OBJECTIVES),
  platforms: subset(PLATFORMS),
  tiers: subset(TIERS),
  minFollowers: opt(fc.integer({ min: 0, max: 2_000_000 })),
  maxFollowers: opt(fc.integer({ min: 0, max: 2_000_000 })),
  minEngagementRate: opt(fc.double({ min: 0, max: 1, noNaN: true })),
  keywords: fc.array(word, { maxLength: 4 }),
  avoidKeywords: fc.array(word, { maxLength: 2 }),
  languages: subset(['es', 'en-US', 'pt-BR', 'ja', 'ar', 'sv']),
  locations: fc.array(word, { maxLength: 3 }),
  budgetPerPost: opt(fc.double({ min: 0, max: 1e6, noNaN: true })),
  weights: opt(fc.dictionary(fc.constantFrom(...CRITERIA, 'bogus'), fc.double({ min: 0, max: 100, noNaN: true }))),
  createdAt: fc.constant(0),
  updatedAt: fc.constant(0),
});

const followersArb = fc
  .tuple(
    fc.integer({ min: 0, max: 1e9 }),
    fc.integer({ min: 0, max: 1e6 }),
    fc.integer({ min: 0, max: 1e6 }),
    fc.boolean(),
  )
  .map(([value, below, above, isExact]) =>
    isExact
      ? { value, exact: true, min: value, max: value }
      : { value, exact: false, min: Math.max(0, value - below), max: value + above },
  );

const inputArb: fc.Arbitrary<FitInput> = fc.record({
  platform: fc.constantFrom(...PLATFORMS),
  followers: opt(followersArb),
  tier: opt(fc.constantFrom(...TIERS)),
  engagementRate: opt(fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constant(Number.NaN))),
  priceRange: opt(
    fc.record({ min: fc.double({ min: 0, max: 1e6, noNaN: true }), max: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
  ),
  texts: fc.record({
    bio: opt(text),
    displayName: opt(text),
    captions: fc.array(text, { maxLength: 6 }),
    hashtags: opt(fc.array(word, { maxLength: 4 })),
  }),
  pageLang: opt(fc.constantFrom('en', 'es-ES', 'ja')),
});

describe('fit score properties', () => {
  it('score is an integer 0–100 (or null when nothing was judged), coverage 0–1, earned ≤ possible', () => {
    fc.assert(
      fc.property(campaignArb, inputArb, (c, i) => {
        const r = scoreFit(c, i);
        if (r.score !== null) {
          expect(Number.isInteger(r.score)).toBe(true);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
        } else {
          expect(r.possible).toBe(0);
        }
        expect(r.coverage).toBeGreaterThanOrEqual(0);
        expect(r.coverage).toBeLessThanOrEqual(1);
        for (const cr of r.criteria) {
          expect(cr.earned).toBeGreaterThanOrEqual(0);
          expect(cr.earned).toBeLessThanOrEqual(cr.possible);
          expect(Number.isFinite(cr.possible)).toBe(true);
          expect(cr.reason.length).toBeGreaterThan(0);
          if (cr.status === 'not-set' || cr.status === 'unknown') expect(cr.earned).toBe(0);
          if (cr.status === 'not-set') expect(cr.possible).toBe(0);
        }
        expect(r.criteria.map((x) => x.id)).toEqual([...CRITERIA]);
      }),
      { numRuns: 400 },
    );
  });

  it('adds up: score from the judged criteria, coverage from judged ÷ set, unknowns listed', () => {
    fc.assert(
      fc.property(campaignArb, inputArb, (c, i) => {
        const r = scoreFit(c, i);
        const judged = r.criteria.filter((x) => x.status === 'met' || x.status === 'partial' || x.status === 'missed');
        const unknown = r.criteria.filter((x) => x.status === 'unknown');
        expect(r.possible).toBeCloseTo(
          judged.reduce((s, x) => s + x.possible, 0),
          9,
        );
        expect(r.earned).toBeCloseTo(
          judged.reduce((s, x) => s + x.earned, 0),
          9,
        );
        expect(r.setPossible).toBeCloseTo(r.possible + unknown.reduce((s, x) => s + x.possible, 0), 9);
        expect(r.unknown.map((u) => u.id)).toEqual(unknown.map((x) => x.id));
        if (r.disqualified) expect(r.score).toBe(0);
        else if (r.possible > 0) expect(r.score).toBe(Math.round((r.earned / r.possible) * 100));
        if (r.setPossible > 0) expect(r.coverage).toBeCloseTo(r.possible / r.setPossible, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('removing a value never changes the points of criteria that do not use it', () => {
    fc.assert(
      fc.property(campaignArb, inputArb, (c, i) => {
        const withRate = scoreFit(c, i);
        const { engagementRate: _dropped, ...rest } = i;
        const without = scoreFit(c, rest);
        for (const id of CRITERIA) {
          if (id === 'engagement') continue;
          expect(without.criteria.find((x) => x.id === id)).toEqual(withRate.criteria.find((x) => x.id === id));
        }
        const e = without.criteria.find((x) => x.id === 'engagement');
        expect(e?.status === 'unknown' || e?.status === 'not-set').toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the captions', () => {
    fc.assert(
      fc.property(campaignArb, inputArb, (c, i) => {
        const reversed = { ...i, texts: { ...i.texts, captions: [...i.texts.captions].reverse() } };
        const a = scoreFit(c, i);
        const b = scoreFit(c, reversed);
        expect(b.score).toBe(a.score);
        expect(b.coverage).toBe(a.coverage);
      }),
      { numRuns: 200 },
    );
  });
});
