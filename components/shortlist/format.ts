/** How the shortlist page writes its figures, in the browser's language. */
import type { CreatorSummary, ShortlistStatus } from '../../lib/store';
import { formatCount } from '../format';

// Always two decimals: a column of rates lines up on its decimal point ("3.90%" under "3.11%").
const percent = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const usd = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
/** "$3.1K", "$48K", "$1.2M": a price from $1,000 up, to two significant digits, where a column has little room. */
const usdShort = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumSignificantDigits: 2,
});
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

/**
 * "$1,200–$2,000", one end alone when only one is known, or undefined. `short` writes amounts from $1,000 up to two
 * significant digits ("$3.1K–$6.1K"), for the table's column: an estimate's range fits there whole, where
 * "$48,242–$96,484" was cut to "$48,242–$9…". The exact range goes in the cell's title and the creator's panel.
 */
export function priceText(summary: CreatorSummary, { short = false }: { short?: boolean } = {}): string | undefined {
  const { priceMin, priceMax } = summary;
  const money = (amount: number) => (short && amount >= 1000 ? usdShort : usd).format(amount);
  if (priceMin !== undefined && priceMax !== undefined) {
    return priceMin === priceMax ? money(priceMin) : `${money(priceMin)}–${money(priceMax)}`;
  }
  if (priceMin !== undefined) return `from ${money(priceMin)}`;
  if (priceMax !== undefined) return `up to ${money(priceMax)}`;
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
