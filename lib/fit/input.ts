/**
 * What the fit score needs to know about a creator, filled by the caller from a page reading and its assessment.
 *
 * The fit score deliberately does not import the assessment: this small type is the whole contract, so either side
 * can change its internals. Every optional field left out means "not known", and the criterion that needs it is
 * shown as unknown — never counted as 0 or as a match.
 */
import type { TierName } from '../campaign';
import type { Platform } from '../reading';

/** A follower count as read: the value and the range of true values the shown text stands for. */
export interface FitFollowers {
  value: number;
  /** True when `value` is the precise count, false when the page only shows an abbreviation ("45.2K"). */
  exact: boolean;
  min: number;
  max: number;
}

/** The text a page shows, searched for niche keywords, words to avoid, locations and language. Plain text only. */
export interface FitTexts {
  bio?: string;
  displayName?: string;
  /** Captions or titles of the visible posts, one per post. */
  captions: string[];
  /** Hashtags the page lists apart from captions, with or without "#". */
  hashtags?: string[];
}

/** The criteria that need data from the page, for which the caller can say why the data is missing. */
export type FitDataNeed = 'followers' | 'engagement' | 'price';

/** Everything the fit score judges a creator on. */
export interface FitInput {
  platform: Platform;
  followers?: FitFollowers;
  tier?: TierName;
  /** Where the tier thresholds come from ("Later × Fohr 2021"), shown beside the tier. */
  tierBasis?: string;
  /** The headline engagement rate as a fraction (0.021 for 2.1%). */
  engagementRate?: number;
  /** How the rate was computed ("median of 12 posts by followers"), shown beside it. */
  engagementBasis?: string;
  /** Estimated price per post in US dollars. */
  priceRange?: { min: number; max: number };
  /** Where the estimate comes from ("≈ $10 per 1,000 followers, InfluencerDB wiki"), shown beside it. */
  priceBasis?: string;
  texts: FitTexts;
  /** The page's `<html lang>`. Only mentioned in reasons: it is the site's interface language, not the creator's. */
  pageLang?: string;
  /** Why a value is missing, in words a marketer understands ("likes are hidden on these posts"). */
  unknownReasons?: Partial<Record<FitDataNeed, string>>;
}
