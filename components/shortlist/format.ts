/** How the shortlist page writes its figures, in the browser's language. */
import type { CreatorSummary, ShortlistStatus } from '../../lib/store';
import { formatCount } from '../format';

const percent = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 2,
});
const usd = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const score = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Followers as a number, and whether it is only what an abbreviation ("12.3K") stands for. */
export function followersText(summary: CreatorSummary): { text: string; approximate: boolean } | undefined {
  const f = summary.followers;
  return f ? { text: formatCount(f.value), approximate: !f.exact } : undefined;
}

/** "2.35%" from 0.0235. */
export function engagementText(rate: number | undefined): string | undefined {
  return rate === undefined ? undefined : percent.format(rate);
}

/** A fit score as shown ("72", "72.5"). */
export function fitText(fit: number | undefined): string | undefined {
  return fit === undefined ? undefined : score.format(fit);
}

/** "$1,200–$2,000", one end alone when only one is known, or undefined. */
export function priceText(summary: CreatorSummary): string | undefined {
  const { priceMin, priceMax } = summary;
  if (priceMin !== undefined && priceMax !== undefined) {
    return priceMin === priceMax ? usd.format(priceMin) : `${usd.format(priceMin)}–${usd.format(priceMax)}`;
  }
  if (priceMin !== undefined) return `from ${usd.format(priceMin)}`;
  if (priceMax !== undefined) return `up to ${usd.format(priceMax)}`;
  return undefined;
}

/** "Negotiating" from "negotiating". */
export function statusLabel(status: ShortlistStatus): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** "Micro" from "micro"; tiers are stored as the assessment named them. */
export function tierLabel(tier: string | undefined): string | undefined {
  return tier ? tier.charAt(0).toUpperCase() + tier.slice(1) : undefined;
}

/** Tags typed as "vip, travel; food" → ["vip", "travel", "food"] (the store trims and deduplicates). */
export function tagsFromText(text: string): string[] {
  return text.split(/[,;\n]/);
}
