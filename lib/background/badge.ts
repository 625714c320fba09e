/**
 * The toolbar badge: the creator's engagement (or tier) at a glance on a readable profile, coloured by how it
 * compares with the tier's benchmark; nothing elsewhere.
 */
import { formatPercent } from '../assess/numbers';
import { headlineRate } from '../assess/engagement';
import type { TabState } from './tab-state';

export interface Badge {
  /** At most 4 characters: all a toolbar badge shows. */
  text: string;
  color: string;
  /** The tooltip: the same facts in words. */
  title: string;
}

const VERDICT_COLORS = { above: '#137333', typical: '#5f6368', below: '#b3261e' } as const;
const NEUTRAL = '#0b63ce';
const TIER_BADGES = { nano: 'nano', micro: 'mcro', mid: 'mid', macro: 'mac', mega: 'mega' } as const;

/** The badge for a tab, or null to clear it. */
export function badgeFor(state: TabState | undefined): Badge | null {
  if (!state || state.reading.kind !== 'profile' || !state.assessment) return null;
  const { assessment } = state;
  const rate = headlineRate(assessment.engagement);
  const verdict = assessment.benchmark.headline?.verdict ?? null;
  const tier = assessment.tier.status === 'known' ? assessment.tier.label : 'tier unknown';
  const parts = [`Creator Scout — @${state.reading.handle}`, tier];
  if (rate) parts.push(`${rate.label} ${formatPercent(rate.mean)}${verdict ? ` (${verdict} the tier benchmark)` : ''}`);
  const title = parts.join(' · ');
  if (rate) {
    return { text: shortPercent(rate.mean), color: verdict ? VERDICT_COLORS[verdict] : NEUTRAL, title };
  }
  if (assessment.tier.status === 'known') {
    return { text: TIER_BADGES[assessment.tier.tier], color: NEUTRAL, title };
  }
  return null;
}

/** "2.4%", "12%", "140%" — whatever fits in four characters. */
export function shortPercent(fraction: number): string {
  const pct = fraction * 100;
  if (pct < 10) return `${pct.toFixed(1)}%`;
  if (pct < 1000) return `${Math.round(pct)}%`;
  return '999+';
}
