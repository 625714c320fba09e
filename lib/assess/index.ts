/**
 * The assessment the background worker runs on every profile reading: engagement, tier, benchmark verdict,
 * authenticity signals and an estimated price — each number with the inputs and formula that produced it. The
 * result is plain JSON (no Infinity, NaN or class instances), so it can be stored and sent to the popup as is.
 */
import type { ProfileReading } from '../reading';
import { compareToBenchmarks, type BenchmarkResult } from './compare';
import { assessEngagement, type Engagement } from './engagement';
import { estimatePrice, type PriceEstimate } from './price';
import type { AssessSettings } from './settings';
import { authenticitySignals, type FollowerHistoryPoint, type Signal } from './signals';
import { assessTier, type TierResult } from './tier';

/** Bumped when the shape of {@link Assessment} changes, so stored assessments can be recomputed from their reading. */
export const ASSESSMENT_VERSION = 1;

/** Everything the extension concludes about one profile reading. */
export interface Assessment {
  version: typeof ASSESSMENT_VERSION;
  platform: ProfileReading['platform'];
  handle: string;
  url: string;
  /** When the page was read (the reading's `readAt`). */
  readAt: number;
  followers: ProfileReading['followers'];
  engagement: Engagement;
  tier: TierResult;
  benchmark: BenchmarkResult;
  signals: Signal[];
  price: PriceEstimate;
  /** The settings the assessment was made with, so a stored one explains itself after settings change. */
  settings: AssessSettings;
}

/** Assesses a profile reading; `history` is the follower counts saved on earlier visits, if any. */
export function assessProfile(
  reading: ProfileReading,
  settings: AssessSettings,
  history?: readonly FollowerHistoryPoint[],
): Assessment {
  const engagement = assessEngagement(reading, settings.engagement);
  const benchmark = compareToBenchmarks(engagement, reading.followers);
  return {
    version: ASSESSMENT_VERSION,
    platform: reading.platform,
    handle: reading.handle,
    url: reading.url,
    readAt: reading.readAt,
    followers: reading.followers,
    engagement,
    tier: assessTier(reading.followers, settings.tiers),
    benchmark,
    signals: authenticitySignals(reading, engagement, benchmark, history),
    price: estimatePrice(reading.platform, reading.followers, engagement.byFollowers, settings.pricePer1000Followers),
    settings,
  };
}

export * from './benchmarks';
export * from './compare';
export * from './engagement';
export * from './post';
export * from './price';
export * from './settings';
export * from './signals';
export * from './tier';
