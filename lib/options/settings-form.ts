/**
 * The assessment settings form: tier thresholds and price rates as typed, the published default and its source
 * for each, and the conversion back to {@link AssessSettings} with a message per field when a value is refused.
 */
import * as v from 'valibot';
import { TIERS, type TierName } from '../campaign';
import type { Platform } from '../reading';
import {
  AssessSettingsSchema,
  DEFAULT_PRICE_RATES,
  DEFAULT_TIER_THRESHOLDS,
  PRICE_RATE_SOURCES,
  type AssessSettings,
} from '../assess/settings';
import { numberToText, parseDecimal, parseFollowers } from '../campaigns/numbers';

/** The platforms with a price rate, in display order. */
export const PRICE_PLATFORMS: readonly Platform[] = ['instagram', 'tiktok', 'youtube', 'x'];

/**
 * Where each default tier threshold comes from (research/benchmarks.md). Later × Fohr 2021 start nano at 0; the
 * 1K nano floor is IAB UK's and Mediakix's. IAB UK starts mid-tier at 50K, which is why the sources disagree there.
 */
export const TIER_THRESHOLD_SOURCES: Record<TierName, string> = {
  nano: 'IAB UK and Mediakix (nano from 1K; Later × Fohr 2021 start nano at 0)',
  micro: 'Later × Fohr 2021 (micro 10K–100K)',
  mid: 'Later × Fohr 2021 (mid 100K–500K; IAB UK: from 50K)',
  macro: 'Later × Fohr 2021 (macro 500K–1M)',
  mega: 'Later × Fohr 2021 (mega 1M+)',
};

/** Tier and platform names as people read them. */
export const TIER_LABELS: Record<TierName, string> = {
  nano: 'Nano',
  micro: 'Micro',
  mid: 'Mid-tier',
  macro: 'Macro',
  mega: 'Mega',
};

/** The settings form: one text per tier threshold and per platform's price rate (blank = no estimate). */
export interface SettingsForm {
  tiers: Record<TierName, string>;
  prices: Record<Platform, string>;
}

/** A settings field's id: "tiers.micro", "prices.tiktok". */
export type SettingsField = `tiers.${TierName}` | `prices.${Platform}`;
export type SettingsFormErrors = Partial<Record<SettingsField, string>>;

/** The fields in page order, so the first problem can be focused. */
export const SETTINGS_FIELD_ORDER: readonly SettingsField[] = [
  ...TIERS.map((t) => `tiers.${t}` as const),
  ...PRICE_PLATFORMS.map((p) => `prices.${p}` as const),
];

/** The published default of each field and where it comes from. */
export const SETTINGS_DEFAULTS: Record<SettingsField, { value: number | null; source: string }> = {
  ...(Object.fromEntries(
    TIERS.map((t) => [`tiers.${t}`, { value: DEFAULT_TIER_THRESHOLDS[t], source: TIER_THRESHOLD_SOURCES[t] }]),
  ) as Record<`tiers.${TierName}`, { value: number; source: string }>),
  ...(Object.fromEntries(
    PRICE_PLATFORMS.map((p) => [`prices.${p}`, { value: DEFAULT_PRICE_RATES[p], source: PRICE_RATE_SOURCES[p] }]),
  ) as Record<`prices.${Platform}`, { value: number | null; source: string }>),
};

/** Settings as the form shows them. */
export function settingsToForm(settings: AssessSettings): SettingsForm {
  return {
    tiers: Object.fromEntries(TIERS.map((t) => [t, numberToText(settings.tiers[t])])) as Record<TierName, string>,
    prices: Object.fromEntries(
      PRICE_PLATFORMS.map((p) => [p, numberToText(settings.pricePer1000Followers[p])]),
    ) as Record<Platform, string>,
  };
}

/** The result of reading the settings form. */
export type SettingsFormResult = { ok: true; settings: AssessSettings } | { ok: false; errors: SettingsFormErrors };

/**
 * Reads the form into settings, keeping the parts it does not show (the engagement window) from `current`.
 * Thresholds are whole follower counts ("10K" works) that must rise from nano to mega; each is required. A price
 * rate left blank means "no estimate for this platform".
 */
export function formToSettings(form: SettingsForm, current: AssessSettings): SettingsFormResult {
  const errors: SettingsFormErrors = {};
  const tiers: Partial<Record<TierName, number>> = {};
  let previous: { tier: TierName; value: number } | undefined;
  for (const tier of TIERS) {
    const parsed = parseFollowers(form.tiers[tier]);
    if (!parsed.ok) errors[`tiers.${tier}`] = parsed.error;
    else if (parsed.value === undefined) errors[`tiers.${tier}`] = `Enter the lowest follower count of ${tier}.`;
    else {
      if (previous && parsed.value <= previous.value) {
        errors[`tiers.${tier}`] =
          `Must be more than ${TIER_LABELS[previous.tier].toLowerCase()} (${previous.value.toLocaleString('en-US')}): tiers rise from nano to mega.`;
      }
      tiers[tier] = parsed.value;
      previous = { tier, value: parsed.value };
    }
  }
  const prices: Partial<Record<Platform, number | null>> = {};
  for (const platform of PRICE_PLATFORMS) {
    const parsed = parseDecimal(form.prices[platform], 'A price per 1,000 followers', 0, 100_000);
    if (!parsed.ok) errors[`prices.${platform}`] = parsed.error;
    else prices[platform] = parsed.value ?? null;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const result = v.safeParse(AssessSettingsSchema, { ...current, tiers, pricePer1000Followers: prices });
  if (result.success) return { ok: true, settings: result.output };
  // The checks above mirror the schema; this is only reached if the schema gains a rule they do not know.
  return { ok: false, errors: { 'tiers.nano': result.issues[0].message } };
}
