/** One campaign described in a few words, for the list of campaigns on the options page. */
import type { Campaign, Objective } from '../campaign';
import type { Platform } from '../reading';
import { formatCompact, formatList, formatPercent, formatUsd } from '../fit/format';

/** Objective names as people read them. */
export const OBJECTIVE_LABELS: Record<Objective, string> = {
  awareness: 'Awareness',
  traffic: 'Traffic',
  sales: 'Sales',
};

const PLATFORM_NAMES: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
};

function followerRange(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && max !== undefined) return `${formatCompact(min)}–${formatCompact(max)} followers`;
  if (min !== undefined) return `${formatCompact(min)}+ followers`;
  if (max !== undefined) return `up to ${formatCompact(max)} followers`;
  return undefined;
}

/**
 * The campaign's goals as short phrases in a fixed order: objective, platforms, size, engagement, keywords,
 * languages, locations, budget ("Awareness", "TikTok or Instagram", "micro or mid", "≥ 2% engagement", …).
 * Unset goals are left out, except platforms, which say "any platform".
 */
export function campaignSummary(campaign: Campaign): string[] {
  const parts = [OBJECTIVE_LABELS[campaign.objective]];
  parts.push(campaign.platforms.length ? formatList(campaign.platforms.map((p) => PLATFORM_NAMES[p])) : 'any platform');
  if (campaign.tiers.length) parts.push(formatList(campaign.tiers));
  const range = followerRange(campaign.minFollowers, campaign.maxFollowers);
  if (range) parts.push(range);
  if (campaign.minEngagementRate !== undefined) {
    parts.push(`≥ ${formatPercent(campaign.minEngagementRate)} engagement`);
  }
  if (campaign.keywords.length) parts.push(`niche: ${campaign.keywords.join(', ')}`);
  if (campaign.avoidKeywords.length) parts.push(`avoid: ${campaign.avoidKeywords.join(', ')}`);
  if (campaign.languages.length) parts.push(`languages: ${campaign.languages.join(', ')}`);
  if (campaign.locations.length) parts.push(`locations: ${campaign.locations.join(', ')}`);
  if (campaign.budgetPerPost !== undefined) parts.push(`budget ${formatUsd(campaign.budgetPerPost)} per post`);
  return parts;
}
