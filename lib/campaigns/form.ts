/**
 * The campaign form: what its fields hold (text as typed, lists as chips) and the conversion both ways between a
 * form and a saved {@link Campaign}. Every problem is reported per field, in words, so the page can show it next
 * to the field; a form with any problem gives no campaign, so nothing invalid is saved.
 */
import * as v from 'valibot';
import { CampaignSchema, type Campaign, type Objective, type TierName } from '../campaign';
import type { Platform } from '../reading';
import { newCampaign } from '../fit/campaigns';
import { CRITERIA, CRITERION_LABELS, type WeightedCriterionId } from '../fit/weights';
import { fractionToPercentText, numberToText, parseFollowers, parsePercent, parseUsd, parseDecimal } from './numbers';
import { checkLanguages } from './languages';

/** The criteria a person can weight, in display order (words to avoid rule out instead of scoring). */
export const WEIGHTED_CRITERIA = CRITERIA.filter((id): id is WeightedCriterionId => id !== 'avoid');

/** Everything the campaign form holds. Numbers stay as typed until saved; blank means "not set". */
export interface CampaignForm {
  name: string;
  objective: Objective;
  platforms: Platform[];
  tiers: TierName[];
  minFollowers: string;
  maxFollowers: string;
  /** The minimum engagement rate in percent ("2.5"), stored as a fraction. */
  minEngagementPercent: string;
  keywords: string[];
  avoidKeywords: string[];
  languages: string[];
  locations: string[];
  /** US dollars. */
  budgetPerPost: string;
  /** Per-criterion overrides; blank or absent means "the objective's default". */
  weights: Partial<Record<WeightedCriterionId, string>>;
}

/** A form field's id, as used for error messages and element ids ("weights.size" for one weight). */
export type CampaignField = Exclude<keyof CampaignForm, 'weights'> | `weights.${WeightedCriterionId}`;
/** Problems by field, each a sentence to show next to the field. */
export type CampaignFormErrors = Partial<Record<CampaignField, string>>;

/** The fields in the order they appear on the page, so the first problem can be focused. */
export const CAMPAIGN_FIELD_ORDER: readonly CampaignField[] = [
  'name',
  'objective',
  ...WEIGHTED_CRITERIA.map((id) => `weights.${id}` as const),
  'platforms',
  'tiers',
  'minFollowers',
  'maxFollowers',
  'minEngagementPercent',
  'keywords',
  'avoidKeywords',
  'languages',
  'locations',
  'budgetPerPost',
];

/** Limits the campaign schema sets, repeated here to say them in words before the schema would refuse. */
const MAX_NAME = 200;
const MAX_WORD = 100;
const MAX_WORDS = 200;

/** A blank form for a new campaign: awareness, and nothing else narrowed down. */
export function emptyCampaignForm(): CampaignForm {
  return {
    name: '',
    objective: 'awareness',
    platforms: [],
    tiers: [],
    minFollowers: '',
    maxFollowers: '',
    minEngagementPercent: '',
    keywords: [],
    avoidKeywords: [],
    languages: [],
    locations: [],
    budgetPerPost: '',
    weights: {},
  };
}

/** A saved campaign as the form shows it for editing. */
export function campaignToForm(campaign: Campaign): CampaignForm {
  const weights: CampaignForm['weights'] = {};
  for (const id of WEIGHTED_CRITERIA) {
    const w = campaign.weights?.[id];
    if (typeof w === 'number' && Number.isFinite(w)) weights[id] = String(w);
  }
  return {
    name: campaign.name,
    objective: campaign.objective,
    platforms: [...campaign.platforms],
    tiers: [...campaign.tiers],
    minFollowers: numberToText(campaign.minFollowers),
    maxFollowers: numberToText(campaign.maxFollowers),
    minEngagementPercent: fractionToPercentText(campaign.minEngagementRate),
    keywords: [...campaign.keywords],
    avoidKeywords: [...campaign.avoidKeywords],
    languages: [...campaign.languages],
    locations: [...campaign.locations],
    budgetPerPost: numberToText(campaign.budgetPerPost),
    weights,
  };
}

/** The result of reading a form: a campaign ready to save, or the problems to show. */
export type CampaignFormResult = { ok: true; campaign: Campaign } | { ok: false; errors: CampaignFormErrors };

/** Options for {@link formToCampaign}. */
export interface FormToCampaignOptions {
  /** The campaign being edited; without it a new campaign (fresh id) is made. */
  existing?: Campaign;
  /** Epoch milliseconds, stamped as `updatedAt` (and `createdAt` for a new campaign). */
  now: number;
}

function checkWords(items: readonly string[], what: string): string | undefined {
  const long = items.find((item) => item.trim().length > MAX_WORD);
  if (long !== undefined) return `"${long.slice(0, 30)}…" is too long: at most ${MAX_WORD} characters per ${what}.`;
  if (items.length > MAX_WORDS) return `At most ${MAX_WORDS} ${what}s (there are ${items.length}).`;
  return undefined;
}

/** The first schema issue's field, for the rare problem the form's own checks did not foresee. */
function fieldOfIssue(issue: v.BaseIssue<unknown> | undefined): CampaignField {
  const path = issue?.path?.map((p) => String(p.key)) ?? [];
  const [first, second] = path;
  if (first === 'weights' && second && (WEIGHTED_CRITERIA as readonly string[]).includes(second)) {
    return `weights.${second as WeightedCriterionId}`;
  }
  if (first === 'minEngagementRate') return 'minEngagementPercent';
  if (first && (CAMPAIGN_FIELD_ORDER as readonly string[]).includes(first)) return first as CampaignField;
  return 'name';
}

/**
 * Reads a form into a campaign: numbers parsed (percent → fraction), blank fields left unset, weight overrides
 * kept only where typed, languages stored as canonical BCP 47 tags. Editing keeps the campaign's id and
 * `createdAt`. Every problem comes back by field and nothing is returned to save while any remains.
 */
export function formToCampaign(form: CampaignForm, { existing, now }: FormToCampaignOptions): CampaignFormResult {
  const errors: CampaignFormErrors = {};
  const name = form.name.replace(/\s+/g, ' ').trim();
  if (name === '') errors.name = 'Give the campaign a name.';
  else if (name.length > MAX_NAME) errors.name = `At most ${MAX_NAME} characters (this is ${name.length}).`;

  const minFollowers = parseFollowers(form.minFollowers);
  const maxFollowers = parseFollowers(form.maxFollowers);
  if (!minFollowers.ok) errors.minFollowers = minFollowers.error;
  if (!maxFollowers.ok) errors.maxFollowers = maxFollowers.error;
  if (
    minFollowers.ok &&
    maxFollowers.ok &&
    minFollowers.value !== undefined &&
    maxFollowers.value !== undefined &&
    maxFollowers.value < minFollowers.value
  ) {
    errors.maxFollowers = `The maximum must be at least the minimum (${minFollowers.value.toLocaleString('en-US')}).`;
  }

  const rate = parsePercent(form.minEngagementPercent);
  if (!rate.ok) errors.minEngagementPercent = rate.error;
  const budget = parseUsd(form.budgetPerPost);
  if (!budget.ok) errors.budgetPerPost = budget.error;

  const weights: Record<string, number> = {};
  for (const id of WEIGHTED_CRITERIA) {
    const parsed = parseDecimal(form.weights[id] ?? '', `The ${CRITERION_LABELS[id].toLowerCase()} weight`, 0, 100);
    if (!parsed.ok) errors[`weights.${id}`] = parsed.error;
    else if (parsed.value !== undefined) weights[id] = parsed.value;
  }

  const keywordsProblem = checkWords(form.keywords, 'keyword');
  if (keywordsProblem) errors.keywords = keywordsProblem;
  const avoidProblem = checkWords(form.avoidKeywords, 'word');
  if (avoidProblem) errors.avoidKeywords = avoidProblem;
  const locationsProblem = checkWords(form.locations, 'location');
  if (locationsProblem) errors.locations = locationsProblem;
  const languages = checkLanguages(form.languages);
  if (!languages.ok) errors.languages = languages.error;

  if (
    !minFollowers.ok ||
    !maxFollowers.ok ||
    !rate.ok ||
    !budget.ok ||
    !languages.ok ||
    Object.keys(errors).length > 0
  ) {
    return { ok: false, errors };
  }

  const fields = {
    name,
    objective: form.objective,
    platforms: [...new Set(form.platforms)],
    tiers: [...new Set(form.tiers)],
    minFollowers: minFollowers.value,
    maxFollowers: maxFollowers.value,
    minEngagementRate: rate.value,
    keywords: form.keywords.map((w) => w.trim()).filter(Boolean),
    avoidKeywords: form.avoidKeywords.map((w) => w.trim()).filter(Boolean),
    languages: languages.value,
    locations: form.locations.map((w) => w.trim()).filter(Boolean),
    budgetPerPost: budget.value,
    weights: Object.keys(weights).length > 0 ? weights : undefined,
  };
  // Unset optional fields are left out rather than stored as undefined, so an edit can clear them.
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

  if (!existing) {
    try {
      return { ok: true, campaign: newCampaign(defined, now) };
    } catch (error) {
      const issue = error instanceof v.ValiError ? (error.issues[0] as v.BaseIssue<unknown>) : undefined;
      return { ok: false, errors: { [fieldOfIssue(issue)]: issue?.message ?? String(error) } };
    }
  }
  const base: Record<string, unknown> = { ...existing };
  for (const key of ['minFollowers', 'maxFollowers', 'minEngagementRate', 'budgetPerPost', 'weights']) delete base[key];
  const result = v.safeParse(CampaignSchema, {
    ...base,
    ...defined,
    id: existing.id,
    createdAt: existing.createdAt,
    updatedAt: Math.max(existing.updatedAt, Math.floor(now)),
  });
  if (result.success) return { ok: true, campaign: result.output };
  const issue = result.issues[0];
  return { ok: false, errors: { [fieldOfIssue(issue)]: issue.message } };
}
