/**
 * The marketer's assessment settings: tier thresholds, price rates and the engagement window. Typed and validated
 * with valibot because they come back from storage and from backup files; versioned so a later shape can migrate
 * an older one. Defaults come from /work/shared/research/benchmarks.md and each says where it comes from.
 */
import * as v from 'valibot';
import type { Platform } from '../reading';

/** The current settings version; bump it and add a migration step in {@link migrateSettings} when the shape changes. */
export const SETTINGS_VERSION = 1;

const followerCount = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0), v.maxValue(1e13));

/**
 * The lowest follower count of each tier (inclusive). A creator with exactly `micro` followers is micro.
 * Must be strictly increasing from nano to mega.
 */
export const TierThresholdsSchema = v.pipe(
  v.object({
    nano: followerCount,
    micro: followerCount,
    mid: followerCount,
    macro: followerCount,
    mega: followerCount,
  }),
  v.check(
    (t) => t.nano < t.micro && t.micro < t.mid && t.mid < t.macro && t.macro < t.mega,
    'tier thresholds must increase: nano < micro < mid < macro < mega',
  ),
);
export type TierThresholds = v.InferOutput<typeof TierThresholdsSchema>;

const dollars = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000));
/** US dollars per 1,000 followers for one post, by platform; null means "no estimate for this platform". */
export const PriceRatesSchema = v.object({
  instagram: v.nullable(dollars),
  tiktok: v.nullable(dollars),
  youtube: v.nullable(dollars),
  x: v.nullable(dollars),
});
export type PriceRates = v.InferOutput<typeof PriceRatesSchema>;

/** How many recent posts an engagement rate averages, and how few make it "not enough data". */
export const EngagementSettingsSchema = v.pipe(
  v.object({
    window: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
    minPosts: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  }),
  v.check((e) => e.minPosts <= e.window, 'the minimum number of posts cannot exceed the window'),
);
export type EngagementSettings = v.InferOutput<typeof EngagementSettingsSchema>;

export const AssessSettingsSchema = v.object({
  version: v.literal(SETTINGS_VERSION),
  tiers: TierThresholdsSchema,
  pricePer1000Followers: PriceRatesSchema,
  engagement: EngagementSettingsSchema,
});
/** Everything the assessment can be tuned with. */
export type AssessSettings = v.InferOutput<typeof AssessSettingsSchema>;

/**
 * Tier lower bounds. 10K / 100K / 500K / 1M are Later × Fohr 2021. Later × Fohr count nano from 0; the 1K nano
 * floor is IAB UK's and Mediakix's, so accounts under 1K are still called nano but flagged as below that floor.
 */
export const DEFAULT_TIER_THRESHOLDS: TierThresholds = {
  nano: 1_000,
  micro: 10_000,
  mid: 100_000,
  macro: 500_000,
  mega: 1_000_000,
};

/**
 * $ per 1,000 followers per post: the published estimator at price-estimator.impulze.ai (Instagram $14, TikTok $10,
 * YouTube $35). It gives no figure for X, and the generic "$10 per 1,000" rule of thumb (InfluencerDB wiki) is not
 * specific to X, whose engagement runs far lower — so X has no default estimate until the marketer sets a rate.
 */
export const DEFAULT_PRICE_RATES: PriceRates = {
  instagram: 14,
  tiktok: 10,
  youtube: 35,
  x: null,
};

/** Where each default price rate comes from, for the price model's explanation. */
export const PRICE_RATE_SOURCES: Record<Platform, string> = {
  instagram: 'price-estimator.impulze.ai (Instagram: $14 per 1,000 followers)',
  tiktok: 'price-estimator.impulze.ai (TikTok: $10 per 1,000 followers)',
  youtube: 'price-estimator.impulze.ai (YouTube: $35 per 1,000 followers)',
  x: 'no published per-follower rate for X (the $10 per 1,000 rule of thumb, InfluencerDB wiki, is not X-specific)',
};

/**
 * 12 recent posts as HypeAuditor and Untapper use on Instagram; fewer than 3 usable posts is "not enough data" —
 * our threshold: with one or two posts a single viral or flopped post decides the rate.
 */
export const DEFAULT_ENGAGEMENT_SETTINGS: EngagementSettings = {
  window: 12,
  minPosts: 3,
};

/** The settings used until the marketer changes them. */
export const DEFAULT_SETTINGS: AssessSettings = {
  version: SETTINGS_VERSION,
  tiers: DEFAULT_TIER_THRESHOLDS,
  pricePer1000Followers: DEFAULT_PRICE_RATES,
  engagement: DEFAULT_ENGAGEMENT_SETTINGS,
};

/** Settings that can be used, and what was wrong with the input (empty when nothing was). */
export interface MigratedSettings {
  settings: AssessSettings;
  problems: string[];
}

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** One section of the stored object, validated; a missing section silently takes its default (added later). */
function section<T>(
  stored: Record<string, unknown>,
  key: string,
  schema: v.GenericSchema<unknown, T>,
  fallback: T,
  problems: string[],
): T {
  if (stored[key] === undefined) return structuredClone(fallback);
  const result = v.safeParse(schema, stored[key]);
  if (result.success) return result.output;
  problems.push(`${key} were not valid (${issueText(result.issues)}); using the defaults for ${key}`);
  return structuredClone(fallback);
}

/**
 * Turns whatever storage or a backup file holds into valid settings. Each section (tiers, prices, engagement) is
 * checked on its own, so one bad value resets only its section; anything unreadable gives the defaults. Never
 * throws.
 */
export function migrateSettings(input: unknown): MigratedSettings {
  if (input === undefined || input === null) return { settings: structuredClone(DEFAULT_SETTINGS), problems: [] };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problems: ['settings were not an object; using the defaults'],
    };
  }
  const stored = input as Record<string, unknown>;
  const version = stored['version'];
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problems: [`settings were saved by a newer version (${version}); using the defaults`],
    };
  }
  if (version !== SETTINGS_VERSION) {
    // Version 1 is the first shape; there is no older one to migrate from yet. Add `if (version < N)` steps here.
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problems: [`settings have an unknown version (${String(version)}); using the defaults`],
    };
  }
  const problems: string[] = [];
  const settings: AssessSettings = {
    version: SETTINGS_VERSION,
    tiers: section(stored, 'tiers', TierThresholdsSchema, DEFAULT_TIER_THRESHOLDS, problems),
    pricePer1000Followers: section(stored, 'pricePer1000Followers', PriceRatesSchema, DEFAULT_PRICE_RATES, problems),
    engagement: section(stored, 'engagement', EngagementSettingsSchema, DEFAULT_ENGAGEMENT_SETTINGS, problems),
  };
  return { settings, problems };
}
