/**
 * Fills the fit score's input from a profile reading and its assessment — the one place that knows both shapes,
 * so the fit score and the assessment stay independent of each other.
 */
import type { Assessment } from '../assess';
import { headlineRate } from '../assess/engagement';
import type { ProfileReading } from '../reading';
import type { FitInput } from './input';

export function fitInputFrom(reading: ProfileReading, assessment: Assessment): FitInput {
  const input: FitInput = {
    platform: reading.platform,
    texts: {
      bio: reading.bio,
      displayName: reading.displayName,
      captions: reading.recentPosts.flatMap((p) => (p.caption ? [p.caption] : [])),
    },
    pageLang: reading.lang,
    unknownReasons: {},
  };
  const followers = reading.followers;
  if (followers.status === 'known') {
    input.followers = { value: followers.value, exact: followers.exact, min: followers.min, max: followers.max };
  } else {
    input.unknownReasons!.followers = followers.reason;
  }
  if (assessment.tier.status === 'known') {
    input.tier = assessment.tier.tier;
    input.tierBasis = assessment.tier.source;
  }
  // Campaign minimums are rates by followers, as the published benchmarks are; by views only when that is all.
  const rate = headlineRate(assessment.engagement);
  if (rate) {
    input.engagementRate = rate.mean;
    input.engagementBasis = `mean of ${rate.n} posts, ${rate.label.toLowerCase()}`;
  } else {
    input.unknownReasons!.engagement =
      assessment.engagement.byFollowers.reason ?? 'no engagement rate could be computed';
  }
  const { price } = assessment;
  if (price.status === 'estimated' && price.low !== null && price.high !== null) {
    input.priceRange = { min: price.low, max: price.high };
    input.priceBasis = price.formula;
  } else if (price.reason) {
    input.unknownReasons!.price = price.reason;
  }
  return input;
}
