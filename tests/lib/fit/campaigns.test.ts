import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CampaignSchema } from '../../../lib/campaign';
import { newCampaign, sampleCampaign, SAMPLE_CAMPAIGN_ID } from '../../../lib/fit/campaigns';
import { scoreFit } from '../../../lib/fit/score';
import { exact, input } from './helpers';

const NOW = Date.UTC(2025, 0, 15, 12);

describe('sampleCampaign', () => {
  it('is a valid campaign with a fixed id, stamped now', () => {
    const s = sampleCampaign(NOW);
    expect(v.safeParse(CampaignSchema, s).success).toBe(true);
    expect(s.id).toBe(SAMPLE_CAMPAIGN_ID);
    expect(s.createdAt).toBe(NOW);
    expect(s.updatedAt).toBe(NOW);
    expect(sampleCampaign(new Date(NOW))).toEqual(s);
  });

  it('scores a typical profile page with nothing left unknown but the page’s own gaps', () => {
    const r = scoreFit(
      sampleCampaign(NOW),
      input({
        followers: exact(45_000),
        tier: 'micro',
        engagementRate: 0.031,
        texts: { bio: 'Travel & food from Lisbon', captions: [] },
      }),
    );
    expect(r.score).toBe(100);
    expect(r.coverage).toBe(1);
    const low = scoreFit(
      sampleCampaign(NOW),
      input({
        followers: exact(2_000_000),
        tier: 'mega',
        engagementRate: 0.01,
        texts: { bio: 'Gaming', captions: [] },
      }),
    );
    expect(low.score).toBe(0);
  });
});

describe('newCampaign', () => {
  it('fills defaults, a fresh id and timestamps, and trims through the schema', () => {
    const a = newCampaign({ name: '  Summer launch ', objective: 'sales', keywords: [' swim '] }, NOW);
    const b = newCampaign({}, NOW);
    expect(a).toMatchObject({
      name: 'Summer launch',
      objective: 'sales',
      keywords: ['swim'],
      platforms: [],
      createdAt: NOW,
    });
    expect(b).toMatchObject({ name: 'New campaign', objective: 'awareness', tiers: [], updatedAt: NOW });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
  });

  it('ignores an id or timestamps smuggled into the draft', () => {
    const draft = { id: 'mine', createdAt: 1, updatedAt: 1 } as unknown as Parameters<typeof newCampaign>[0];
    const c = newCampaign(draft, NOW);
    expect(c.id).not.toBe('mine');
    expect(c.createdAt).toBe(NOW);
  });

  it('rejects invalid fields', () => {
    expect(() => newCampaign({ name: '   ' }, NOW)).toThrow();
    expect(() => newCampaign({ minEngagementRate: 2 }, NOW)).toThrow();
  });
});
