import { describe, expect, it } from 'vitest';
import { formatReason } from '../../../lib/fit/format';
import type { FitTexts } from '../../../lib/fit/input';
import { scoreFit, type FitResult } from '../../../lib/fit/score';
import { OBJECTIVE_WEIGHTS } from '../../../lib/fit/weights';
import { campaign, exact, input } from './helpers';

const criterion = (r: FitResult, id: string) => {
  const c = r.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
};
const line = (r: FitResult, id: string) => formatReason(criterion(r, id));

describe('not-set criteria', () => {
  it('leaves every criterion out when the campaign sets nothing: no score, no coverage', () => {
    const r = scoreFit(campaign(), input({ followers: exact(50_000), tier: 'micro', engagementRate: 0.03 }));
    expect(r.criteria.map((c) => c.status)).toEqual(Array(8).fill('not-set'));
    expect(r.score).toBeNull();
    expect(r.coverage).toBe(0);
    expect(r.setPossible).toBe(0);
    expect(r.unknown).toEqual([]);
  });

  it('does not count a criterion the campaign does not set, even when the page knows it', () => {
    const withBudget = scoreFit(
      campaign({ minEngagementRate: 0.02, budgetPerPost: 100 }),
      input({ engagementRate: 0.03, priceRange: { min: 500, max: 900 } }),
    );
    const without = scoreFit(
      campaign({ minEngagementRate: 0.02 }),
      input({ engagementRate: 0.03, priceRange: { min: 500, max: 900 } }),
    );
    expect(without.score).toBe(100);
    expect(criterion(without, 'budget').possible).toBe(0);
    expect(withBudget.score).toBeLessThan(100);
  });
});

describe('engagement', () => {
  const c = campaign({ minEngagementRate: 0.02 });

  it('explains a miss with the rate, its basis and the minimum', () => {
    const r = scoreFit(c, input({ engagementRate: 0.011, engagementBasis: 'median of 12 posts by followers' }));
    expect(line(r, 'engagement')).toBe(
      'engagement 1.1% (median of 12 posts by followers) — below your 2% minimum: 0/10',
    );
    expect(r.score).toBe(0);
  });

  it('counts exactly the minimum as meeting it, also through float noise', () => {
    expect(criterion(scoreFit(c, input({ engagementRate: 0.02 })), 'engagement').status).toBe('met');
    const noisy = 0.22 - 0.2; // 0.01999999999999999
    expect(noisy).toBeLessThan(0.02);
    expect(criterion(scoreFit(c, input({ engagementRate: noisy })), 'engagement').status).toBe('met');
    expect(criterion(scoreFit(c, input({ engagementRate: 0.0199 })), 'engagement').status).toBe('missed');
  });

  it('shows enough digits that a miss never reads "2% — below your 2% minimum"', () => {
    const r = scoreFit(c, input({ engagementRate: 0.019996 }));
    expect(criterion(r, 'engagement').reason).toBe('engagement 1.9996% — below your 2% minimum');
  });

  it('is unknown — not 0 — without a rate, with the caller’s reason', () => {
    for (const engagementRate of [undefined, Number.NaN, -1]) {
      const r = scoreFit(
        c,
        input({ engagementRate, unknownReasons: { engagement: 'likes are hidden on these posts' } }),
      );
      expect(criterion(r, 'engagement').status).toBe('unknown');
      expect(r.score).toBeNull();
      expect(r.unknown).toEqual([
        {
          id: 'engagement',
          label: 'Engagement',
          reason: 'engagement unknown — likes are hidden on these posts',
          possible: 10,
        },
      ]);
      expect(line(r, 'engagement')).toBe('engagement unknown — likes are hidden on these posts: ?/10 (not counted)');
    }
  });
});

describe('size', () => {
  const range = campaign({ minFollowers: 10_000, maxFollowers: 100_000 });
  const size = (c = range, followers = exact(50_000), tier?: 'micro' | 'mid') =>
    criterion(scoreFit(c, input({ followers, ...(tier ? { tier } : {}) })), 'size');

  it('includes both range edges', () => {
    expect(size(range, exact(10_000)).status).toBe('met');
    expect(size(range, exact(100_000)).status).toBe('met');
    expect(size(range, exact(9_999)).reason).toBe('9,999 followers — below your 10k minimum');
    expect(size(range, exact(100_001)).reason).toBe('100,001 followers — above your 100k maximum');
  });

  it('reads like the issue when the tier is known', () => {
    expect(formatReason(size(range, exact(45_210), 'micro'))).toBe(
      'micro tier, 45,210 followers — in your 10k–100k range: +30/30',
    );
  });

  it('judges a rounded count by every value it can stand for', () => {
    expect(size(range, { value: 10_100, exact: false, min: 10_100, max: 10_199 }).status).toBe('met');
    expect(size(range, { value: 9_900, exact: false, min: 9_900, max: 9_999 }).status).toBe('missed');
    const edge = size(range, { value: 10_000, exact: false, min: 9_950, max: 10_049 });
    expect(edge.status).toBe('partial');
    expect(edge.earned).toBe(15);
    expect(edge.reason).toContain('could be either side of your 10k minimum');
  });

  it('supports a minimum or a maximum alone', () => {
    expect(size(campaign({ minFollowers: 5_000 }), exact(1e7)).reason).toBe(
      '10,000,000 followers — at or above your 5k minimum',
    );
    expect(size(campaign({ maxFollowers: 5_000 }), exact(5_001)).status).toBe('missed');
    expect(size(campaign({ maxFollowers: 5_000 }), exact(5_000)).reason).toBe(
      '5,000 followers — at or below your 5k maximum',
    );
  });

  it('matches tiers, and needs both tier and range when both are set', () => {
    const tiers = campaign({ tiers: ['micro', 'mid'] });
    expect(size(tiers, exact(50_000), 'micro').reason).toBe('micro tier — one of your tiers (micro, mid)');
    expect(size(campaign({ tiers: ['mid'] }), exact(50_000), 'micro').status).toBe('missed');
    const both = campaign({ tiers: ['micro'], minFollowers: 20_000 });
    expect(size(both, exact(50_000), 'micro').status).toBe('met');
    expect(size(both, exact(15_000), 'micro').status).toBe('missed');
  });

  it('is unknown without followers, unless a known part already fails', () => {
    const r = scoreFit(range, input({ unknownReasons: { followers: 'the follower count is hidden' } }));
    expect(criterion(r, 'size').status).toBe('unknown');
    expect(criterion(r, 'size').reason).toBe('followers unknown — the follower count is hidden');
    const both = campaign({ tiers: ['mid'], minFollowers: 20_000 });
    expect(size(both, exact(15_000)).status).toBe('missed');
    expect(size(both, exact(50_000)).status).toBe('unknown');
    expect(criterion(scoreFit(both, input({ tier: 'mid' })), 'size').status).toBe('unknown');
  });
});

describe('platform', () => {
  it('matches one of the campaign platforms', () => {
    const r = scoreFit(campaign({ platforms: ['instagram', 'tiktok'] }), input({ platform: 'tiktok' }));
    expect(line(r, 'platform')).toBe('on TikTok — one of Instagram and TikTok: +10/10');
    const miss = scoreFit(campaign({ platforms: ['youtube'] }), input({ platform: 'x' }));
    expect(line(miss, 'platform')).toBe('on X — the campaign runs on YouTube: 0/10');
  });
});

describe('niche keywords', () => {
  const c = campaign({ objective: 'sales', keywords: ['travel', 'street food'] });
  const niche = (texts: FitTexts) => criterion(scoreFit(c, input({ texts })), 'niche');

  it('gives full credit for a keyword in the bio or name, and lists what matched where', () => {
    const n = niche({ bio: 'Vida y VIAJES — Travel', captions: ['#StreetFood in Bangkok', 'nothing'] });
    expect(n.status).toBe('met');
    expect(n.earned).toBe(25);
    expect(n.reason).toBe('found travel (bio), street food (1 of 2 captions)');
    expect(n.matches?.map((m) => m.places.map((p) => p.shown))).toEqual([['Travel'], ['#StreetFood']]);
  });

  it('gives full credit for two places in captions or hashtags, half for a single mention', () => {
    expect(niche({ captions: ['#travel', 'travel again'] }).status).toBe('met');
    expect(niche({ captions: ['#travel'], hashtags: ['streetfood'] }).status).toBe('met');
    const once = niche({ bio: 'Mum of two', captions: ['one travel day', 'home'] });
    expect(once.status).toBe('partial');
    expect(formatReason(once)).toBe('found only travel (1 of 2 captions) — a single mention: +12.5/25');
  });

  it('is 0 when content text shows none of them, and unknown when there is no content text', () => {
    const none = niche({ bio: 'Cooking at home', displayName: 'Bea', captions: ['pasta', 'bread'] });
    expect(none.status).toBe('missed');
    expect(none.reason).toBe('none of "travel" or "street food" in the bio, name and 2 captions');
    const nothing = niche({ displayName: 'Bea', captions: ['  '] });
    expect(nothing.status).toBe('unknown');
    expect(nothing.possible).toBe(25);
  });

  it('treats blank keywords as not set', () => {
    expect(criterion(scoreFit(campaign({ keywords: ['  ', '#'] }), input()), 'niche').status).toBe('not-set');
  });
});

describe('words to avoid', () => {
  const c = campaign({ minEngagementRate: 0.01, avoidKeywords: ['casino', 'apuestas'] });

  it('rules the creator out with a clear reason, whatever the other criteria say', () => {
    const r = scoreFit(c, input({ engagementRate: 0.05, texts: { bio: 'Fun', captions: ['a', 'Noche de APUESTAS'] } }));
    expect(r.score).toBe(0);
    expect(r.disqualified?.reason).toBe('found apuestas (1 of 2 captions) — on your list of words to avoid');
    expect(r.disqualified?.matches[0]?.places[0]).toEqual({ field: 'caption', index: 1, shown: 'APUESTAS' });
    expect(line(r, 'avoid')).toBe(
      'found apuestas (1 of 2 captions) — on your list of words to avoid: rules this creator out',
    );
    expect(criterion(r, 'engagement').earned).toBe(10);
  });

  it('earns no points when clear, so it cannot raise the score', () => {
    const r = scoreFit(c, input({ engagementRate: 0.005, texts: { bio: 'Casinos and more', captions: [] } }));
    expect(r.disqualified).toBeUndefined();
    expect(criterion(r, 'avoid')).toMatchObject({ status: 'met', earned: 0, possible: 0 });
    expect(r.score).toBe(0);
  });

  it('cannot be checked without content text, which is said', () => {
    const r = scoreFit(c, input({ engagementRate: 0.05 }));
    expect(criterion(r, 'avoid').status).toBe('unknown');
    expect(r.unknown.map((u) => u.id)).toEqual(['avoid']);
    expect(r.score).toBe(100);
    expect(r.coverage).toBe(1);
  });
});

describe('language', () => {
  const c = campaign({ languages: ['es-ES', 'pt-BR'] });
  const spanish = 'Hola a todos, hoy estoy en la playa con mis amigos y la comida es muy buena. Gracias';

  it('matches the language the creator writes in by base language', () => {
    const r = scoreFit(c, input({ texts: { bio: spanish, captions: [] }, pageLang: 'en' }));
    expect(criterion(r, 'language').status).toBe('met');
    expect(criterion(r, 'language').reason).toMatch(
      /^writes in Spanish \(rough guess: .*\) — matches Spanish or Portuguese$/,
    );
  });

  it('misses when the text is clearly in another language', () => {
    const r = scoreFit(
      c,
      input({ texts: { captions: ['This is my life and I love it so much, thanks for all the support'] } }),
    );
    expect(criterion(r, 'language').status).toBe('missed');
  });

  it('is unknown when the text says nothing, and does not take the page language as the creator’s', () => {
    const r = scoreFit(c, input({ texts: { bio: 'hola', captions: [] }, pageLang: 'es-ES' }));
    expect(criterion(r, 'language').status).toBe('unknown');
    expect(criterion(r, 'language').reason).toContain(
      "the page's own language (es-ES) is the site's interface language",
    );
  });

  it('gives half credit when only a shared script is known', () => {
    const ar = scoreFit(
      campaign({ languages: ['ar'] }),
      input({ texts: { bio: 'مرحبا بكم في مدونتي عن السفر', captions: [] } }),
    );
    expect(criterion(ar, 'language').status).toBe('partial');
    const es = scoreFit(
      campaign({ languages: ['es'] }),
      input({ texts: { bio: 'مرحبا بكم في مدونتي عن السفر', captions: [] } }),
    );
    expect(criterion(es, 'language').status).toBe('missed');
  });
});

describe('location', () => {
  it('finds the campaign locations in the bio and name, by word or flag', () => {
    const c = campaign({ locations: ['Spain', 'LATAM'] });
    const r = scoreFit(c, input({ texts: { bio: 'Foodie 🇪🇸', displayName: 'Ana', captions: [] } }));
    expect(line(r, 'location')).toBe('states Spain ("🇪🇸"): +10/10');
    const word = scoreFit(
      campaign({ locations: ['Madrid'] }),
      input({ texts: { bio: 'Vivo en MADRID', captions: [] } }),
    );
    expect(criterion(word, 'location').status).toBe('met');
  });

  it('does not look in captions: a trip is not where a creator lives', () => {
    const r = scoreFit(
      campaign({ locations: ['Madrid'] }),
      input({ texts: { bio: 'Foodie', captions: ['Weekend in Madrid'] } }),
    );
    expect(criterion(r, 'location').status).toBe('unknown');
  });

  it('misses only on another country’s flag when every campaign location is a country', () => {
    const bio = { bio: 'Chef 🇫🇷', captions: [] };
    expect(criterion(scoreFit(campaign({ locations: ['Spain'] }), input({ texts: bio })), 'location').reason).toBe(
      'shows 🇫🇷 France, not Spain',
    );
    const region = criterion(scoreFit(campaign({ locations: ['Spain', 'LATAM'] }), input({ texts: bio })), 'location');
    expect(region.status).toBe('unknown');
    expect(region.reason).toBe('location unclear — shows 🇫🇷 France; cannot tell whether that is in Spain or LATAM');
  });

  it('is unknown when the bio states nothing or there is no bio', () => {
    const c = campaign({ locations: ['Spain'] });
    expect(criterion(scoreFit(c, input({ texts: { bio: 'Chef', captions: [] } })), 'location').status).toBe('unknown');
    expect(criterion(scoreFit(c, input()), 'location').reason).toBe(
      'location unknown — no bio on this page to look for Spain',
    );
  });
});

describe('budget', () => {
  const c = campaign({ objective: 'sales', budgetPerPost: 500 });
  const budget = (min: number, max: number) => criterion(scoreFit(c, input({ priceRange: { min, max } })), 'budget');

  it('is met when the whole estimate is within budget, including its top at the budget', () => {
    expect(budget(100, 500).status).toBe('met');
    expect(budget(500, 500).status).toBe('met');
    expect(formatReason(budget(100, 400))).toBe('estimated $100–$400 per post — within your $500 budget: +15/15');
  });

  it('gives half credit when the estimate straddles the budget, including its bottom at the budget', () => {
    expect(budget(500, 900).status).toBe('partial');
    expect(budget(500, 900).earned).toBe(7.5);
    expect(budget(300, 900).reason).toBe('estimated $300–$900 per post — straddles your $500 budget');
  });

  it('misses when even the lowest estimate is over budget', () => {
    expect(budget(501, 900).reason).toBe('estimated $501–$900 per post — over your $500 budget');
    expect(budget(900, 501).status).toBe('missed');
  });

  it('cites the estimate’s basis and is unknown without one', () => {
    const r = scoreFit(
      c,
      input({ priceRange: { min: 50, max: 50 }, priceBasis: '≈ $10 per 1,000 followers, InfluencerDB' }),
    );
    expect(criterion(r, 'budget').reason).toBe(
      'estimated $50 per post (≈ $10 per 1,000 followers, InfluencerDB) — within your $500 budget',
    );
    expect(criterion(scoreFit(c, input()), 'budget').status).toBe('unknown');
  });
});

describe('objectives and weights', () => {
  const full = {
    platforms: ['instagram' as const],
    tiers: ['micro' as const],
    minEngagementRate: 0.03,
    keywords: ['travel'],
    budgetPerPost: 1000,
  };
  // Platform, size and budget met; engagement and niche missed.
  const creator = input({
    followers: exact(50_000),
    tier: 'micro',
    engagementRate: 0.01,
    priceRange: { min: 200, max: 400 },
    texts: { bio: 'Cooking at home', captions: [] },
  });

  it.each([
    ['awareness', 10 + 30 + 10, 10 + 30 + 10 + 10 + 15],
    ['traffic', 10 + 20 + 10, 10 + 20 + 20 + 20 + 10],
    ['sales', 10 + 10 + 15, 10 + 10 + 25 + 25 + 15],
  ] as const)('%s weighs the criteria by its defaults', (objective, earned, possible) => {
    const r = scoreFit(campaign({ ...full, objective }), creator);
    expect(r.earned).toBe(earned);
    expect(r.possible).toBe(possible);
    expect(r.score).toBe(Math.round((earned / possible) * 100));
  });

  it('ranks a big reach creator higher for awareness and an engaged niche creator higher for sales', () => {
    const reach = input({
      followers: exact(50_000),
      tier: 'micro',
      engagementRate: 0.01,
      texts: { bio: 'Cooking', captions: [] },
    });
    const niche = input({
      followers: exact(500),
      tier: 'nano',
      engagementRate: 0.08,
      texts: { bio: 'Travel', captions: [] },
    });
    const awareness = campaign({ ...full, objective: 'awareness' });
    const sales = campaign({ ...full, objective: 'sales' });
    expect(scoreFit(awareness, reach).score!).toBeGreaterThan(scoreFit(awareness, niche).score!);
    expect(scoreFit(sales, niche).score!).toBeGreaterThan(scoreFit(sales, reach).score!);
  });

  it('applies the campaign’s own weights, and a weight of 0 takes a criterion out of the score', () => {
    const c = campaign({ ...full, objective: 'sales', weights: { engagement: 0, niche: 0, platform: 50 } });
    const r = scoreFit(c, creator);
    expect(criterion(r, 'platform').possible).toBe(50);
    expect(r.score).toBe(100);
  });

  it('keeps OBJECTIVE_WEIGHTS in line with its documented reasoning', () => {
    const { awareness, traffic, sales } = OBJECTIVE_WEIGHTS;
    expect(awareness.size).toBeGreaterThan(traffic.size);
    expect(traffic.size).toBeGreaterThan(sales.size);
    expect(sales.engagement).toBeGreaterThan(traffic.engagement);
    expect(traffic.engagement).toBeGreaterThan(awareness.engagement);
    expect(sales.niche).toBeGreaterThanOrEqual(traffic.niche);
    expect(sales.budget).toBeGreaterThan(awareness.budget);
  });
});

describe('coverage and unknowns', () => {
  it('scores over known criteria only and says how much rests on known data', () => {
    // Awareness: size 30 (met), engagement 10 (unknown), niche 15 (missed), budget 10 (unknown).
    const c = campaign({ tiers: ['micro'], minEngagementRate: 0.02, keywords: ['travel'], budgetPerPost: 300 });
    const r = scoreFit(c, input({ tier: 'micro', followers: exact(20_000), texts: { bio: 'Cooking', captions: [] } }));
    expect(r.possible).toBe(45);
    expect(r.earned).toBe(30);
    expect(r.score).toBe(67);
    expect(r.setPossible).toBe(65);
    expect(r.coverage).toBeCloseTo(45 / 65, 10);
    expect(r.unknown.map((u) => u.id)).toEqual(['engagement', 'budget']);
  });
});
