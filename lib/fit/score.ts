/**
 * The fit score: how well a creator matches a campaign, 0–100, with a per-criterion breakdown in words.
 *
 * Score = points earned ÷ points possible over the criteria that could be judged, × 100, rounded. Criteria the
 * campaign does not set are left out entirely; criteria it sets but the page cannot answer are listed as unknown and
 * reported through `coverage` (the share of the set points that rest on known data) — never counted as 0 or as a
 * match. A word to avoid found on the page rules the creator out: the score is 0 and `disqualified` says why.
 */
import type { Campaign } from '../campaign';
import {
  judgeAvoid,
  judgeBudget,
  judgeEngagement,
  judgeLanguage,
  judgeLocation,
  judgeNiche,
  judgePlatform,
  judgeSize,
  type CriterionStatus,
  type Judgement,
} from './criteria';
import type { FitInput } from './input';
import type { TermMatch } from './text';
import { CRITERIA, CRITERION_LABELS, weightsFor, type CriterionId } from './weights';

/** One criterion in the breakdown. */
export interface CriterionResult {
  id: CriterionId;
  label: string;
  status: CriterionStatus;
  /** Points earned; 0 unless the criterion was judged (met, partial or missed). Never more than `possible`. */
  earned: number;
  /**
   * Points the criterion is worth: its weight when the campaign sets it (also when unknown, to show what is at
   * stake), 0 when not set. Words to avoid are worth no points: they disqualify instead.
   */
  possible: number;
  /** What was seen and how it compares, in words ("engagement 1.1% — below your 2% minimum"). */
  reason: string;
  /** Campaign words found on the page and where (niche, words to avoid, location). */
  matches?: TermMatch[];
}

/** A criterion the campaign sets but the page could not answer. */
export interface UnknownCriterion {
  id: CriterionId;
  label: string;
  reason: string;
  /** Points left out of the score because of it. */
  possible: number;
}

/** The fit of one creator for one campaign. */
export interface FitResult {
  campaignId: string;
  /** 0–100 (an integer), or null when nothing the campaign sets could be judged. 0 when disqualified. */
  score: number | null;
  /** Share (0–1) of the points of the set criteria that rest on known data; 0 when the campaign sets nothing. */
  coverage: number;
  /** Points earned and possible over the judged criteria — the score's numerator and denominator. */
  earned: number;
  possible: number;
  /** Points possible over every set criterion, judged or unknown. */
  setPossible: number;
  /** Every criterion in display order, including unknown and not-set ones. */
  criteria: CriterionResult[];
  unknown: UnknownCriterion[];
  /** Present when a word to avoid was found: why, and where. */
  disqualified?: { reason: string; matches: TermMatch[] };
}

const JUDGES: Record<CriterionId, (c: Campaign, i: FitInput) => Judgement> = {
  platform: judgePlatform,
  size: judgeSize,
  engagement: judgeEngagement,
  niche: judgeNiche,
  avoid: judgeAvoid,
  language: judgeLanguage,
  location: judgeLocation,
  budget: judgeBudget,
};

const JUDGED: ReadonlySet<CriterionStatus> = new Set(['met', 'partial', 'missed']);

/** Scores a creator (as {@link FitInput}) against a campaign. Pure and deterministic. */
export function scoreFit(campaign: Campaign, input: FitInput): FitResult {
  const weights = weightsFor(campaign);
  const criteria: CriterionResult[] = CRITERIA.map((id) => {
    const j = JUDGES[id](campaign, input);
    const weight = id === 'avoid' ? 0 : weights[id];
    const possible = j.status === 'not-set' ? 0 : weight;
    const fraction = Math.min(1, Math.max(0, j.fraction));
    const earned = JUDGED.has(j.status) ? possible * fraction : 0;
    return {
      id,
      label: CRITERION_LABELS[id],
      status: j.status,
      earned,
      possible,
      reason: j.reason,
      ...(j.matches ? { matches: j.matches } : {}),
    };
  });

  const judged = criteria.filter((c) => JUDGED.has(c.status));
  const earned = judged.reduce((sum, c) => sum + c.earned, 0);
  const possible = judged.reduce((sum, c) => sum + c.possible, 0);
  const unknown: UnknownCriterion[] = criteria
    .filter((c) => c.status === 'unknown')
    .map((c) => ({ id: c.id, label: c.label, reason: c.reason, possible: c.possible }));
  const setPossible = possible + unknown.reduce((sum, c) => sum + c.possible, 0);

  const avoid = criteria.find((c) => c.status === 'disqualifies');
  const disqualified = avoid ? { reason: avoid.reason, matches: avoid.matches ?? [] } : undefined;
  let score = possible > 0 ? Math.min(100, Math.max(0, Math.round((earned / possible) * 100))) : null;
  if (disqualified) score = 0;

  return {
    campaignId: campaign.id,
    score,
    coverage: setPossible > 0 ? possible / setPossible : 0,
    earned,
    possible,
    setPossible,
    criteria,
    unknown,
    ...(disqualified ? { disqualified } : {}),
  };
}
