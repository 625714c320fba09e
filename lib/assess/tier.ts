/**
 * Creator tiers by follower count. Each tier runs from its threshold (inclusive) to the next one (exclusive), so a
 * creator with exactly 10,000 followers is micro. The thresholds travel with the result so the popup can say
 * "micro (10K–100K)", and a follower count known only approximately ("783.4K") says when its range straddles a
 * boundary.
 */
import { TIERS, type TierName } from '../campaign';
import type { CountField } from '../reading';
import { formatCompact, formatCount } from './numbers';
import { DEFAULT_TIER_THRESHOLDS, type TierThresholds } from './settings';

/** Where the default thresholds come from, for the UI. */
export const TIER_SOURCE =
  'Later × Fohr 2021 (micro 10K–100K, mid 100K–500K, macro 500K–1M, mega 1M+); nano from 1K as IAB UK and Mediakix';

/** The follower range of one tier: `min` inclusive, `max` exclusive, null for the open-ended top tier. */
export interface TierRange {
  tier: TierName;
  min: number;
  max: number | null;
  /** "10K–100K", "1M+". */
  text: string;
}

export type TierResult =
  | {
      status: 'known';
      tier: TierName;
      /** "micro (10K–100K)". */
      label: string;
      range: TierRange;
      /** The follower count the tier was taken from. */
      followers: number;
      /** True when followers are under the nano threshold (still called nano: Later × Fohr start nano at 0). */
      belowFloor: boolean;
      /** Set when the shown count is rounded and its range spans two tiers: which ones, in words. */
      straddle: { tiers: TierName[]; text: string } | null;
      /** Every tier's range, for "micro (10K–100K)" tables and the settings in force. */
      ranges: TierRange[];
      /** Where the thresholds come from: the published defaults, or the marketer's own settings. */
      source: string;
    }
  | { status: 'unknown'; reason: string };

/** The five tiers' ranges for the given thresholds, smallest first. */
export function tierRanges(thresholds: TierThresholds): TierRange[] {
  return TIERS.map((tier, i) => {
    const next = TIERS[i + 1];
    const min = thresholds[tier];
    const max = next === undefined ? null : thresholds[next];
    const text = max === null ? `${formatCompact(min)}+` : `${formatCompact(min)}–${formatCompact(max)}`;
    return { tier, min, max, text };
  });
}

/** The tier a follower count falls in; counts below the nano threshold are nano (see {@link TierResult}). */
export function tierOf(followers: number, thresholds: TierThresholds): TierName {
  let found: TierName = 'nano';
  for (const tier of TIERS) if (followers >= thresholds[tier]) found = tier;
  return found;
}

/** The tier of a creator from the follower count as read, with its range and any rounding straddle. */
export function assessTier(followers: CountField, thresholds: TierThresholds): TierResult {
  if (followers.status === 'hidden')
    return {
      status: 'unknown',
      reason: `followers are hidden: ${followers.reason}`,
    };
  if (followers.status === 'unknown')
    return {
      status: 'unknown',
      reason: `followers not read: ${followers.reason}`,
    };
  const ranges = tierRanges(thresholds);
  const tier = tierOf(followers.value, thresholds);
  const range = ranges.find((r) => r.tier === tier) ?? {
    tier,
    min: 0,
    max: null,
    text: '',
  };
  const belowFloor = followers.value < thresholds.nano;
  const label = belowFloor ? `nano (under ${formatCompact(thresholds.nano)})` : `${tier} (${range.text})`;
  const low = tierOf(followers.min, thresholds);
  const high = tierOf(followers.max, thresholds);
  const straddle =
    low === high
      ? null
      : {
          tiers: TIERS.slice(TIERS.indexOf(low), TIERS.indexOf(high) + 1),
          text:
            `"${followers.text}" stands for ${formatCount(followers.min)}–${formatCount(followers.max)} followers, ` +
            `which spans ${low} and ${high}; the tier is taken from ${formatCount(followers.value)}`,
        };
  return {
    status: 'known',
    tier,
    label,
    range,
    followers: followers.value,
    belowFloor,
    straddle,
    ranges,
    source: TIERS.every((t) => thresholds[t] === DEFAULT_TIER_THRESHOLDS[t])
      ? TIER_SOURCE
      : 'your own thresholds (settings)',
  };
}
