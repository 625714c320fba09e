/**
 * Making campaigns: a fresh one from the options form, and the sample the extension creates on install so the
 * first profile a person visits already shows a score.
 */
import * as v from 'valibot';
import { CampaignSchema, type Campaign } from '../campaign';

/** The id of the sample campaign: fixed, so creating it twice (a reinstall, a second tab) cannot duplicate it. */
export const SAMPLE_CAMPAIGN_ID = 'sample';

/** The fields a person fills in; id and timestamps are set here. */
export type CampaignDraft = Partial<Omit<Campaign, 'id' | 'createdAt' | 'updatedAt'>>;

function timestamp(now: number | Date): number {
  const ms = typeof now === 'number' ? now : now.getTime();
  return Math.max(0, Math.floor(ms));
}

/**
 * A new campaign with a fresh id and sensible empty defaults (any platform, size, language and location), checked
 * and trimmed by the campaign schema. Throws a valibot error when a field is invalid (e.g. a blank name).
 */
export function newCampaign(draft: CampaignDraft, now: number | Date): Campaign {
  const at = timestamp(now);
  return v.parse(CampaignSchema, {
    name: 'New campaign',
    objective: 'awareness',
    platforms: [],
    tiers: [],
    keywords: [],
    avoidKeywords: [],
    languages: [],
    locations: [],
    ...draft,
    id: globalThis.crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * The first-run sample: an awareness campaign for micro and mid-tier creators (the middle of the tier table in
 * research/benchmarks.md) with at least 2% engagement and two broad niche keywords. It sets no language,
 * location or budget, so the first score rests on what a profile page shows rather than on unknowns.
 */
export function sampleCampaign(now: number | Date): Campaign {
  const at = timestamp(now);
  return v.parse(CampaignSchema, {
    id: SAMPLE_CAMPAIGN_ID,
    name: 'Sample: travel & food creators',
    objective: 'awareness',
    platforms: [],
    tiers: ['micro', 'mid'],
    minEngagementRate: 0.02,
    keywords: ['travel', 'food'],
    avoidKeywords: [],
    languages: [],
    locations: [],
    createdAt: at,
    updatedAt: at,
  });
}
