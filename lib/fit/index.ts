/**
 * The fit score: how well a creator matches a campaign. Start with {@link scoreFit}; see score.ts for the rules.
 */
export { scoreFit, type CriterionResult, type FitResult, type UnknownCriterion } from './score';
export type { CriterionStatus } from './criteria';
export type { FitDataNeed, FitFollowers, FitInput, FitTexts } from './input';
export { CRITERIA, CRITERION_LABELS, OBJECTIVE_WEIGHTS, weightsFor, type CriterionId, type Weights } from './weights';
export { newCampaign, sampleCampaign, SAMPLE_CAMPAIGN_ID, type CampaignDraft } from './campaigns';
export {
  formatCompact,
  formatCoverage,
  formatList,
  formatPercent,
  formatPoints,
  formatReason,
  formatScore,
  formatUsd,
} from './format';
export { findTerms, fold, pageTexts, type PageText, type TermMatch, type TermPlace } from './text';
export { baseLanguage, guessTextLanguage, sameBaseLanguage, type TextLanguage } from './language';
export { countryOf, flagsIn, regionName } from './location';
