/**
 * An estimated price per post from a transparent model, after the published estimator at
 * price-estimator.impulze.ai: followers ÷ 1,000 × a rate per platform, × clamp(ER ÷ 2.5%, 0.6, 2.2), shown ±15%.
 * Every factor is returned with its value and source so the popup can show the whole sum, not just a number.
 */
import type { CountField, Platform } from '../reading';
import type { Rate } from './engagement';
import { followersWord } from './engagement';
import { clamp, formatCount, formatDollars, formatPercent } from './numbers';
import { DEFAULT_PRICE_RATES, PRICE_RATE_SOURCES, type PriceRates } from './settings';

/** The model's constants, from the same estimator. */
export const PRICE_MODEL = {
  referenceEngagement: 0.025,
  minFactor: 0.6,
  maxFactor: 2.2,
  spread: 0.15,
  source: 'price-estimator.impulze.ai',
} as const;

/** One factor of the price sum. */
export interface PriceFactor {
  name: string;
  value: number | null;
  text: string;
  source: string;
}

export interface PriceEstimate {
  status: 'estimated' | 'unavailable';
  currency: 'USD';
  /** Whole dollars; null when unavailable. */
  low: number | null;
  high: number | null;
  /** The model's central figure before the ±15% spread, to the cent; null when the engagement factor is not known. */
  point: number | null;
  reason: string | null;
  formula: string;
  factors: PriceFactor[];
  notes: string[];
}

/** Dollars to the cent: the model's figures are money, and float noise (2800.0000000000005) is not. */
const cents = (x: number) => Math.round(x * 100) / 100;

/** The model in words, with the platform's word for followers. */
function formulaText(word: string): string {
  return `${word} ÷ 1,000 × rate per 1,000 × clamp(engagement rate ÷ 2.5%, 0.6, 2.2), shown as ±15% (${PRICE_MODEL.source})`;
}

/**
 * Estimates the price of one post. `engagement` is the rate by followers; its mean is used, as the estimator's
 * "ER" is an average. Without a rate the range spans every engagement factor (0.6 to 2.2) rather than guessing.
 */
export function estimatePrice(
  platform: Platform,
  followers: CountField,
  engagement: Rate,
  rates: PriceRates,
): PriceEstimate {
  const word = followersWord(platform);
  const formula = formulaText(word);
  const rate = rates[platform];
  const rateSource = rate === DEFAULT_PRICE_RATES[platform] ? PRICE_RATE_SOURCES[platform] : 'your setting';
  const factors: PriceFactor[] = [];
  const unavailable = (reason: string): PriceEstimate => ({
    status: 'unavailable',
    currency: 'USD',
    low: null,
    high: null,
    point: null,
    reason,
    formula,
    factors,
    notes: [],
  });
  factors.push({
    name: 'rate per 1,000',
    value: rate,
    text: rate === null ? 'none' : `$${rate} per 1,000 ${word}`,
    source: rateSource,
  });
  if (rate === null) {
    return unavailable(`no price rate for ${platform}: ${PRICE_RATE_SOURCES[platform]}; set one in the settings`);
  }
  if (followers.status !== 'known') {
    return unavailable(`${word} not read (${followers.reason})`);
  }
  if (followers.value === 0) return unavailable(`0 ${word}: nothing to price`);
  factors.unshift({ name: word, value: followers.value, text: followers.text, source: 'the profile page' });
  const base = (followers.value / 1000) * rate;
  factors.push({ name: 'base', value: cents(base), text: formatDollars(base), source: `${word} ÷ 1,000 × rate` });

  const notes: string[] = [];
  const { referenceEngagement, minFactor, maxFactor, spread } = PRICE_MODEL;
  let lowFactor: number = minFactor;
  let highFactor: number = maxFactor;
  let point: number | null = null;
  if (engagement.status === 'ok' && engagement.mean !== null) {
    const factor = clamp(engagement.mean / referenceEngagement, minFactor, maxFactor);
    lowFactor = highFactor = factor;
    point = cents(base * factor);
    factors.push({
      name: 'engagement factor',
      value: factor,
      text: `clamp(${formatPercent(engagement.mean)} ÷ 2.5%, 0.6, 2.2) = ${Number(factor.toFixed(3))}`,
      source: `${PRICE_MODEL.source}; engagement = mean rate by ${word} over ${engagement.n} posts`,
    });
  } else {
    factors.push({
      name: 'engagement factor',
      value: null,
      text: 'unknown: range spans 0.6 to 2.2',
      source: engagement.reason ?? 'no engagement rate',
    });
    notes.push(
      `no engagement rate (${engagement.reason ?? 'not available'}), so the range covers every engagement level`,
    );
  }
  factors.push({ name: 'spread', value: spread, text: '±15%', source: PRICE_MODEL.source });
  const low = Math.round(base * lowFactor * (1 - spread));
  const high = Math.round(base * highFactor * (1 + spread));
  notes.push(
    `a model estimate, not a quote: ${formatCount(followers.value)} ${word} × $${rate} per 1,000, adjusted for ` +
      'engagement; real rates vary with niche, format, usage rights and exclusivity',
  );
  return { status: 'estimated', currency: 'USD', low, high, point, reason: null, formula, factors, notes };
}
