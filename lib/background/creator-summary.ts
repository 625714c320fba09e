/** The few figures stored on a shortlisted creator for the table and the CSV, taken from the latest assessment. */
import type { Assessment } from '../assess';
import { headlineRate } from '../assess/engagement';
import type { FitResult } from '../fit';
import type { CreatorSummary } from '../store/schema';

export function creatorSummary(assessment: Assessment, fit: FitResult | undefined): CreatorSummary {
  const summary: CreatorSummary = {};
  if (assessment.followers.status === 'known') {
    summary.followers = { value: assessment.followers.value, exact: assessment.followers.exact };
  }
  const rate = headlineRate(assessment.engagement);
  if (rate) summary.engagementRate = rate.mean;
  if (assessment.tier.status === 'known') summary.tier = assessment.tier.tier;
  if (fit?.score != null) summary.fitScore = fit.score;
  if (assessment.price.low !== null && assessment.price.high !== null) {
    summary.priceMin = assessment.price.low;
    summary.priceMax = assessment.price.high;
  }
  return summary;
}
