/**
 * A marketer's campaign goals, saved locally and scored against. The schema validates what the options page saves
 * and what a backup file brings back.
 */
import * as v from 'valibot';
import { PlatformSchema } from './reading';

export const OBJECTIVES = ['awareness', 'traffic', 'sales'] as const;
export const ObjectiveSchema = v.picklist(OBJECTIVES);
export type Objective = v.InferOutput<typeof ObjectiveSchema>;

export const TIERS = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export const TierNameSchema = v.picklist(TIERS);
export type TierName = v.InferOutput<typeof TierNameSchema>;

const words = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))), v.maxLength(200));
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));

export const CampaignSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  objective: ObjectiveSchema,
  /** Platforms the campaign runs on; empty means any. */
  platforms: v.array(PlatformSchema),
  /** Preferred tiers; empty means any (a follower range may be used instead). */
  tiers: v.array(TierNameSchema),
  /** Optional follower range, used when set instead of (or as well as) tiers. */
  minFollowers: v.optional(nonNegative),
  maxFollowers: v.optional(nonNegative),
  /** Minimum engagement rate as a fraction (0.02 for 2%). */
  minEngagementRate: v.optional(v.pipe(nonNegative, v.maxValue(1))),
  /** Niche keywords to find in what the page shows, and words that rule a creator out. */
  keywords: words,
  avoidKeywords: words,
  /** BCP 47 language codes of the audience ("es", "pt-BR"); empty means any. */
  languages: v.pipe(v.array(v.pipe(v.string(), v.maxLength(35))), v.maxLength(50)),
  /** Free-text locations ("Spain", "Madrid", "LATAM"), matched against what the bio states. */
  locations: words,
  /** Budget per post in US dollars. */
  budgetPerPost: v.optional(nonNegative),
  /** Criterion weights overriding the objective's defaults (criterion id → points possible). */
  weights: v.optional(v.record(v.string(), v.pipe(nonNegative, v.maxValue(100)))),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** A saved campaign. */
export type Campaign = v.InferOutput<typeof CampaignSchema>;
