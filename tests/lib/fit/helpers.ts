/** Builders for fit tests: a campaign that sets nothing unless told, and an input that knows nothing unless told. */
import type { Campaign } from '../../../lib/campaign';
import type { FitInput } from '../../../lib/fit/input';

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'c1',
    name: 'Test',
    objective: 'awareness',
    platforms: [],
    tiers: [],
    keywords: [],
    avoidKeywords: [],
    languages: [],
    locations: [],
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

export function input(overrides: Partial<FitInput> = {}): FitInput {
  return { platform: 'instagram', texts: { captions: [] }, ...overrides };
}

export const exact = (value: number) => ({ value, exact: true, min: value, max: value });
