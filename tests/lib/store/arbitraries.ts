/**
 * fast-check arbitraries for the store's property tests: readings, and whole shortlists built through the
 * repository functions the extension uses (so they hold only what real use can produce, including records an
 * earlier version wrote: a latest visit with its whole assessment instead of its settings).
 */
import fc from 'fast-check';
import { SETTINGS_VERSION, type AssessSettings } from '../../../lib/assess/settings';
import type { CountField, Platform, PostReading, ProfileReading } from '../../../lib/reading';
import { PLATFORMS } from '../../../lib/reading';
import type { ScoutDb } from '../../../lib/store/db';
import { putCampaign, recordVisit, saveCreator, setActiveCampaignId, updateEntry } from '../../../lib/store/repo';
import {
  SHORTLIST_STATUSES,
  entryKey,
  creatorKey,
  isBoundedJson,
  type CreatorSummary,
} from '../../../lib/store/schema';
import { DAY, T0, campaign, withStoredAssessment } from './helpers';

const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });

export const countArb: fc.Arbitrary<CountField> = fc.oneof(
  fc.tuple(fc.nat({ max: 5_000_000_000 }), fc.boolean(), fc.nat({ max: 1000 })).map(([value, exact, spread]) => ({
    status: 'known' as const,
    value,
    text: exact ? String(value) : `${(value / 1000).toFixed(1)}K`,
    exact,
    min: exact ? value : Math.max(0, value - spread),
    max: exact ? value : value + spread,
    source: 'visible-text' as const,
  })),
  text(40).map((reason) => ({ status: 'hidden' as const, reason, source: 'aria-label' as const })),
  text(40).map((reason) => ({ status: 'unknown' as const, reason })),
);

const postArb: fc.Arbitrary<PostReading> = fc.record(
  {
    id: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
    format: fc.constantFrom('post', 'video', 'reel', 'short', 'live'),
    pinned: fc.boolean(),
    repost: fc.boolean(),
    likes: countArb,
    comments: countArb,
    views: countArb,
    shares: countArb,
    saves: countArb,
    caption: text(60),
    publishedAt: fc.constantFrom('2024-05-01T10:00:00Z', '2023-12-31'),
  },
  { requiredKeys: ['id', 'format', 'pinned', 'repost', 'likes', 'comments', 'views', 'shares', 'saves'] },
);

const HANDLE_CHARS: Record<Platform, RegExp> = {
  instagram: /^[A-Za-z0-9._]{1,20}$/,
  tiktok: /^[A-Za-z0-9._]{1,20}$/,
  youtube: /^[A-Za-z0-9._-]{1,20}$/,
  x: /^[A-Za-z0-9_]{1,15}$/,
};

export const profileArb: fc.Arbitrary<{ platform: Platform; handle: string }> = fc
  .constantFrom(...PLATFORMS)
  .chain((platform) => fc.stringMatching(HANDLE_CHARS[platform]).map((handle) => ({ platform, handle })));

export function readingArb(platform: Platform, handle: string, readAt: number): fc.Arbitrary<ProfileReading> {
  return fc.record(
    {
      kind: fc.constant('profile' as const),
      platform: fc.constant(platform),
      url: fc.constant(`https://example.invalid/${handle}`),
      lang: fc.constantFrom('en', 'es', 'ja', 'pt-BR'),
      readAt: fc.constant(readAt),
      handle: fc.constant(handle),
      displayName: text(30),
      bio: text(80),
      followers: countArb,
      following: countArb,
      posts: countArb,
      totalLikes: countArb,
      recentPosts: fc.array(postArb, { maxLength: 2 }),
    },
    {
      requiredKeys: [
        'kind',
        'platform',
        'url',
        'lang',
        'readAt',
        'handle',
        'followers',
        'following',
        'posts',
        'totalLikes',
        'recentPosts',
      ],
    },
  );
}

export const summaryArb: fc.Arbitrary<CreatorSummary> = fc.record(
  {
    followers: fc.record({ value: fc.nat({ max: 1e10 }), exact: fc.boolean() }),
    engagementRate: fc.double({ min: 0, max: 2, noNaN: true }),
    tier: fc.constantFrom('nano', 'micro', 'mid', 'macro', 'mega'),
    fitScore: fc.double({ min: -100, max: 100, noNaN: true }),
    priceMin: fc.double({ min: 0, max: 1e5, noNaN: true }),
    priceMax: fc.double({ min: 1e5, max: 1e6, noNaN: true }),
  },
  { requiredKeys: [] },
);

/** An assessment as records written before the settings were kept hold it: any bounded JSON, or none. */
export const assessmentArb: fc.Arbitrary<unknown> = fc.option(
  fc.jsonValue({ maxDepth: 3 }).filter((value) => isBoundedJson(value)),
  { nil: undefined },
);

const rate = fc.option(fc.oneof(fc.nat({ max: 100_000 }), fc.double({ min: 0, max: 100_000, noNaN: true })), {
  nil: null,
});
/** Any valid assessment settings: increasing tiers, any rates, a window holding the minimum. */
export const settingsArb: fc.Arbitrary<AssessSettings> = fc
  .record({
    tiers: fc.uniqueArray(fc.nat({ max: 1e12 }), { minLength: 5, maxLength: 5 }).map((t) => t.sort((a, b) => a - b)),
    rates: fc.tuple(rate, rate, rate, rate),
    window: fc.integer({ min: 1, max: 100 }),
    minPosts: fc.integer({ min: 1, max: 100 }),
  })
  .map(({ tiers: [nano, micro, mid, macro, mega], rates: [instagram, tiktok, youtube, x], window, minPosts }) => ({
    version: SETTINGS_VERSION,
    tiers: { nano: nano!, micro: micro!, mid: mid!, macro: macro!, mega: mega! },
    pricePer1000Followers: { instagram, tiktok, youtube, x },
    engagement: { window: Math.max(window, minPosts), minPosts: Math.min(window, minPosts) },
  }));

/** One creator's life in the store: which campaigns they were saved to, later visits, edits to entries. */
interface CreatorPlan {
  profile: { platform: Platform; handle: string };
  campaigns: number[];
  visits: { reading: ProfileReading; settings?: AssessSettings; summary: CreatorSummary; dayOffset: number }[];
  /** Set when the creator's record was written by an earlier version: its latest visit's whole assessment. */
  storedAssessment?: unknown;
  edit?: { status: (typeof SHORTLIST_STATUSES)[number]; notes: string; tags: string[] };
}

/** A whole shortlist to build: campaigns, creators and what happened to them. */
export interface ShortlistPlan {
  campaignCount: number;
  campaignNames: string[];
  creators: CreatorPlan[];
  active?: number;
}

export const shortlistArb: fc.Arbitrary<ShortlistPlan> = fc
  .record({
    campaignNames: fc.array(text(20), { minLength: 1, maxLength: 3 }),
    profiles: fc.uniqueArray(profileArb, { maxLength: 4, selector: (p) => creatorKey(p.platform, p.handle) }),
    active: fc.option(fc.nat({ max: 2 }), { nil: undefined }),
  })
  .chain(({ campaignNames, profiles, active }) =>
    fc
      .tuple(
        ...profiles.map((profile, i) =>
          fc.record(
            {
              profile: fc.constant(profile),
              campaigns: fc.uniqueArray(fc.nat({ max: campaignNames.length - 1 }), { minLength: 1, maxLength: 3 }),
              visits: fc.array(
                fc.record({
                  reading: readingArb(profile.platform, profile.handle, T0 + i),
                  settings: fc.option(settingsArb, { nil: undefined }),
                  summary: summaryArb,
                  dayOffset: fc.integer({ min: 0, max: 30 }),
                }),
                { minLength: 1, maxLength: 3 },
              ),
              storedAssessment: fc.oneof(
                { arbitrary: fc.constant(undefined), weight: 2 },
                { arbitrary: assessmentArb, weight: 1 },
              ),
              edit: fc.record({
                status: fc.constantFrom(...SHORTLIST_STATUSES),
                notes: fc.string({ maxLength: 50 }),
                tags: fc.array(text(12), { maxLength: 4 }),
              }),
            },
            { requiredKeys: ['profile', 'campaigns', 'visits', 'storedAssessment'] },
          ),
        ),
      )
      .map((creators) => ({
        campaignCount: campaignNames.length,
        campaignNames,
        creators,
        active: active !== undefined && active < campaignNames.length ? active : undefined,
      })),
  );

/** Builds the planned shortlist in `db` through the repository, as the extension would. */
export async function buildShortlist(db: ScoutDb, plan: ShortlistPlan): Promise<void> {
  for (let i = 0; i < plan.campaignCount; i++) {
    const name = plan.campaignNames[i]?.trim() || `Campaign ${i}`;
    await putCampaign(db, campaign(`c${i}`, { name, createdAt: T0 - i, updatedAt: T0 + i }));
  }
  if (plan.active !== undefined) await setActiveCampaignId(db, `c${plan.active}`);
  for (const [i, creator] of plan.creators.entries()) {
    const [first, ...later] = creator.visits;
    if (!first) continue;
    for (const campaignIndex of creator.campaigns) {
      await saveCreator(db, {
        reading: first.reading,
        settings: first.settings,
        summary: first.summary,
        campaignId: `c${campaignIndex}`,
        now: T0 + i * 1000 + campaignIndex,
      });
    }
    for (const visit of later) {
      await recordVisit(db, visit.reading, visit.settings, visit.summary, T0 + i * 1000 + visit.dayOffset * DAY);
    }
    const key = creatorKey(creator.profile.platform, creator.profile.handle);
    if (creator.storedAssessment !== undefined) await withStoredAssessment(db, key, creator.storedAssessment);
    if (creator.edit && creator.campaigns[0] !== undefined) {
      await updateEntry(db, entryKey(`c${creator.campaigns[0]}`, key), creator.edit, T0 + 40 * DAY);
    }
  }
}
