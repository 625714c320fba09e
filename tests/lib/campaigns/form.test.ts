import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CampaignSchema, OBJECTIVES, TIERS, type Campaign } from '../../../lib/campaign';
import { PLATFORMS } from '../../../lib/reading';
import {
  CAMPAIGN_FIELD_ORDER,
  WEIGHTED_CRITERIA,
  campaignToForm,
  emptyCampaignForm,
  formToCampaign,
  type CampaignForm,
} from '../../../lib/campaigns/form';
import { sampleCampaign } from '../../../lib/fit/campaigns';

const NOW = Date.UTC(2025, 5, 1, 12);
const form = (patch: Partial<CampaignForm>): CampaignForm => ({ ...emptyCampaignForm(), ...patch });

function saved(f: CampaignForm, existing?: Campaign): Campaign {
  const r = formToCampaign(f, { existing, now: NOW });
  if (!r.ok) throw new Error(`not saved: ${JSON.stringify(r.errors)}`);
  return r.campaign;
}

function errorsOf(f: CampaignForm, existing?: Campaign) {
  const r = formToCampaign(f, { existing, now: NOW });
  if (r.ok) throw new Error('saved an invalid form');
  return r.errors;
}

describe('formToCampaign, a new campaign', () => {
  it('makes a valid campaign from a filled form: percent as a fraction, lists as given, a fresh id', () => {
    const c = saved(
      form({
        name: '  Summer   launch ',
        objective: 'sales',
        platforms: ['tiktok', 'instagram'],
        tiers: ['micro'],
        minFollowers: '10K',
        maxFollowers: '250,000',
        minEngagementPercent: '2.5',
        keywords: ['travel', 'food'],
        avoidKeywords: ['casino'],
        languages: ['Spanish', 'pt-br'],
        locations: ['Spain'],
        budgetPerPost: '$1,200',
        weights: { size: '40', niche: '' },
      }),
    );
    expect(v.safeParse(CampaignSchema, c).success).toBe(true);
    expect(c).toMatchObject({
      name: 'Summer launch',
      objective: 'sales',
      platforms: ['tiktok', 'instagram'],
      tiers: ['micro'],
      minFollowers: 10_000,
      maxFollowers: 250_000,
      minEngagementRate: 0.025,
      keywords: ['travel', 'food'],
      avoidKeywords: ['casino'],
      languages: ['es', 'pt-BR'],
      locations: ['Spain'],
      budgetPerPost: 1200,
      weights: { size: 40 },
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved(form({ name: 'x' })).id).not.toBe(c.id);
  });

  it('leaves blank fields unset rather than 0', () => {
    const c = saved(form({ name: 'Plain' }));
    for (const key of ['minFollowers', 'maxFollowers', 'minEngagementRate', 'budgetPerPost', 'weights']) {
      expect(key in c, key).toBe(false);
    }
  });

  it('reports each problem next to its field, in words, and gives nothing to save', () => {
    const errors = errorsOf(
      form({
        name: '   ',
        minFollowers: '50k',
        maxFollowers: '10k',
        minEngagementPercent: 'lots',
        budgetPerPost: '-3',
        languages: ['Elvish'],
        weights: { size: '150' },
      }),
    );
    expect(errors).toEqual({
      name: 'Give the campaign a name.',
      maxFollowers: 'The maximum must be at least the minimum (50,000).',
      minEngagementPercent: 'Enter a percentage as a number, like 2 or 2.5.',
      budgetPerPost: 'A budget cannot be negative.',
      languages: expect.stringMatching(/^"Elvish" is not a language/),
      'weights.size': 'The size weight must be between 0 and 100.',
    });
  });

  it('refuses an engagement minimum over 100% and keywords too long for the schema', () => {
    expect(errorsOf(form({ name: 'x', minEngagementPercent: '120' }))).toEqual({
      minEngagementPercent: 'A rate cannot be more than 100%.',
    });
    expect(errorsOf(form({ name: 'x', keywords: ['a'.repeat(101)] })).keywords).toMatch(/at most 100 characters/);
    expect(errorsOf(form({ name: 'n'.repeat(201) })).name).toMatch(/At most 200 characters/);
  });
});

describe('formToCampaign, editing', () => {
  const existing = sampleCampaign(NOW - 1000);

  it('keeps the id and creation time and stamps the update', () => {
    const c = saved({ ...campaignToForm(existing), name: 'Renamed' }, existing);
    expect(c).toMatchObject({ id: 'sample', name: 'Renamed', createdAt: NOW - 1000, updatedAt: NOW });
  });

  it('clears an optional field emptied in the form', () => {
    const c = saved({ ...campaignToForm(existing), minEngagementPercent: '' }, existing);
    expect('minEngagementRate' in c).toBe(false);
    expect(existing.minEngagementRate).toBe(0.02);
  });

  it('drops weight overrides cleared in the form', () => {
    const weighted = saved(form({ name: 'w', weights: { size: '5' } }));
    const cleared = saved({ ...campaignToForm(weighted), weights: { size: '' } }, weighted);
    expect(cleared.weights).toBeUndefined();
  });

  it('never moves updatedAt backwards (a clock set back)', () => {
    const future = { ...existing, updatedAt: NOW + 5000 };
    expect(saved(campaignToForm(future), future).updatedAt).toBe(NOW + 5000);
  });
});

describe('campaignToForm and formToCampaign', () => {
  const word = fc.stringMatching(/^[a-z][a-z ]{0,10}[a-z]$/);
  const arbitraryCampaign = fc.record({
    // Single spaces: the form folds runs of white space in a name, which the schema alone does not.
    name: fc.stringMatching(/^[A-Za-z0-9]{1,8}( [A-Za-z0-9]{1,8}){0,3}$/),
    objective: fc.constantFrom(...OBJECTIVES),
    platforms: fc.uniqueArray(fc.constantFrom(...PLATFORMS)),
    tiers: fc.uniqueArray(fc.constantFrom(...TIERS)),
    minFollowers: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }),
    minEngagementRate: fc.option(
      fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
      { nil: undefined },
    ),
    keywords: fc.uniqueArray(word, { maxLength: 5 }),
    avoidKeywords: fc.uniqueArray(word, { maxLength: 3 }),
    languages: fc.uniqueArray(fc.constantFrom('es', 'en', 'pt-BR', 'de'), { maxLength: 3 }),
    locations: fc.uniqueArray(word, { maxLength: 3 }),
    budgetPerPost: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    weights: fc.option(
      fc.dictionary(fc.constantFrom(...WEIGHTED_CRITERIA), fc.integer({ min: 0, max: 100 }), { minKeys: 1 }),
      { nil: undefined },
    ),
  });

  it('an edit that changes nothing saves the same campaign', () => {
    fc.assert(
      fc.property(arbitraryCampaign, (fields) => {
        const defined = Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined));
        const original = v.parse(CampaignSchema, {
          ...defined,
          id: 'c1',
          createdAt: NOW - 10,
          updatedAt: NOW - 10,
        });
        const again = saved(campaignToForm(original), original);
        expect(again).toEqual({ ...original, updatedAt: NOW });
      }),
    );
  });
});

describe('CAMPAIGN_FIELD_ORDER', () => {
  it('names every field of the form once', () => {
    const fields = Object.keys(emptyCampaignForm()).filter((k) => k !== 'weights');
    const expected = [...fields, ...WEIGHTED_CRITERIA.map((id) => `weights.${id}`)].sort();
    expect([...CAMPAIGN_FIELD_ORDER].sort()).toEqual(expected);
  });
});
