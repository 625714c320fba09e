import { describe, expect, it } from 'vitest';
import { campaignSummary } from '../../../lib/campaigns/summary';
import { campaign } from '../store/helpers';

describe('campaignSummary', () => {
  it('says "any platform" and the objective for a campaign that sets nothing else', () => {
    expect(campaignSummary(campaign('a'))).toEqual(['Awareness', 'any platform']);
  });

  it('lists every goal set, in order', () => {
    expect(
      campaignSummary(
        campaign('b', {
          objective: 'sales',
          platforms: ['tiktok', 'instagram'],
          tiers: ['micro', 'mid'],
          minFollowers: 10_000,
          maxFollowers: 250_000,
          minEngagementRate: 0.025,
          keywords: ['travel', 'food'],
          avoidKeywords: ['casino'],
          languages: ['es'],
          locations: ['Spain'],
          budgetPerPost: 1200,
        }),
      ),
    ).toEqual([
      'Sales',
      'TikTok or Instagram',
      'micro or mid',
      '10k–250k followers',
      '≥ 2.5% engagement',
      'niche: travel, food',
      'avoid: casino',
      'languages: es',
      'locations: Spain',
      'budget $1,200 per post',
    ]);
  });

  it('describes a one-sided follower range', () => {
    expect(campaignSummary(campaign('c', { minFollowers: 5000 }))).toContain('5k+ followers');
    expect(campaignSummary(campaign('d', { maxFollowers: 50_000 }))).toContain('up to 50k followers');
  });
});
