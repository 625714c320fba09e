/**
 * The criteria a campaign is scored on and how many points each is worth for each campaign objective.
 */
import type { Campaign, Objective } from '../campaign';

/** The criteria, in the order they are shown. */
export const CRITERIA = ['platform', 'size', 'engagement', 'niche', 'avoid', 'language', 'location', 'budget'] as const;
/** A criterion's id, also the key of a campaign's weight overrides. */
export type CriterionId = (typeof CRITERIA)[number];

/** The criteria that earn points; `avoid` earns none — finding a word to avoid rules the creator out instead. */
export type WeightedCriterionId = Exclude<CriterionId, 'avoid'>;
export type Weights = Record<WeightedCriterionId, number>;

/** Names shown to people. */
export const CRITERION_LABELS: Record<CriterionId, string> = {
  platform: 'Platform',
  size: 'Size',
  engagement: 'Engagement',
  niche: 'Niche',
  avoid: 'Words to avoid',
  language: 'Language',
  location: 'Location',
  budget: 'Budget',
};

/**
 * Default points per criterion for each objective; each column adds up to 100 so a weight reads as a share.
 *
 * These weights are our own judgement, not a published model: unlike the tier, engagement and price figures, which
 * come from cited sources, we found no published weighting to follow. The reasoning:
 * - awareness buys reach: impressions scale with audience size, so size counts most (30). An impression in the
 *   wrong language or market is wasted, so language (15) and location (10) count more here than elsewhere.
 *   Engagement matters least (10): a passive view still counts as awareness.
 * - sales buys action: people buy on the word of a creator they trust in a relevant niche, and an engaged audience
 *   is the best public proxy for that trust, so engagement (25) and niche (25) count most. Return on spend is
 *   measured directly, so price against budget counts more (15). Size counts least (10): small, focused audiences
 *   often convert better than large ones.
 * - traffic sits between: clicks need both an audience that acts (engagement 20, niche 20) and volume (size 20).
 * Platform is 10 everywhere: a creator found on another platform may still post on the campaign's platform, so a
 * mismatch is a clear minus but not a rule-out. Every weight can be overridden per campaign (`campaign.weights`).
 */
export const OBJECTIVE_WEIGHTS: Record<Objective, Weights> = {
  awareness: { platform: 10, size: 30, engagement: 10, niche: 15, language: 15, location: 10, budget: 10 },
  traffic: { platform: 10, size: 20, engagement: 20, niche: 20, language: 10, location: 10, budget: 10 },
  sales: { platform: 10, size: 10, engagement: 25, niche: 25, language: 10, location: 5, budget: 15 },
};

/** The campaign's points per criterion: its objective's defaults, with the campaign's own overrides applied. */
export function weightsFor(campaign: Pick<Campaign, 'objective' | 'weights'>): Weights {
  const weights = { ...OBJECTIVE_WEIGHTS[campaign.objective] };
  for (const id of Object.keys(weights) as WeightedCriterionId[]) {
    const override = campaign.weights?.[id];
    // A saved backup may hold anything; only a sensible number replaces the default.
    if (typeof override === 'number' && Number.isFinite(override) && override >= 0) weights[id] = override;
  }
  return weights;
}
