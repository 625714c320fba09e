/**
 * Generated shortlists for the bench, as backup files (the store's own JSON format), so one file can be imported
 * into fake-indexeddb in Node and into the real IndexedDB of the extension in Chromium.
 *
 * Every creator is on one campaign's shortlist and has a history of `visitsPerCreator` visits a week apart, with
 * followers moving between them, written with the store's own visit functions (every visit's counts and figures,
 * the latest with its whole reading). Two shapes of the latest visit:
 * - `real`: what the product stores when a marketer saves a creator from a page — the reading of a saved real
 *   profile page (its handle and follower counts changed) and the settings the background assessed it with (the
 *   assessment itself is recomputed from them, not stored); the figures come from that assessment, made as the
 *   background makes it.
 * - `light`: a reading with the counts a profile shows and three recent posts without captions, and no assessment
 *   settings (made-up figures) — about 1.5 KB.
 * Deterministic for a given seed.
 */
import { assessProfile, DEFAULT_SETTINGS } from '../lib/assess';
import { creatorSummary } from '../lib/background/creator-summary';
import { fitFor } from '../lib/background/shortlist-view';
import type { Campaign } from '../lib/campaign';
import type { CountField, Platform, PostReading, ProfileReading } from '../lib/reading';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  SHORTLIST_STATUSES,
  creatorKey,
  entryKey,
  profileUrlFor,
  serialiseBackup,
  type Backup,
  type CreatorRecord,
  type CreatorHistory,
  type CreatorSummary,
  type ShortlistEntry,
  type Visit,
  followerHistoryOf,
  visitOf,
  withVisit,
} from '../lib/store';

export type VisitShape = 'real' | 'light';

export interface GenerateOptions {
  creators: number;
  visitsPerCreator?: number;
  shape?: VisitShape;
  /** Readings of saved real profile pages, needed for the `real` shape. */
  templates?: readonly ProfileReading[];
  seed?: number;
  /** The time of the latest visit (epoch ms). */
  now?: number;
}

const DAY = 24 * 60 * 60 * 1000;
const PLATFORMS: Platform[] = ['instagram', 'tiktok', 'youtube', 'x'];
const TAGS = ['travel', 'food', 'beauty', 'tech', 'gaming', 'fitness', 'family', 'finance', 'spain', 'latam', 'q3'];
const NOTES = ['', '', '', 'Asked for rates by email.', 'Great fit; posts twice a week.', 'Agency: contact manager'];

/** A small, fast, seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function known(value: number, text = value.toLocaleString('en-US')): CountField {
  return { status: 'known', value, text, exact: true, min: value, max: value, source: 'page-data' };
}

function campaigns(now: number): Campaign[] {
  return ['awareness', 'traffic', 'sales', 'awareness', 'traffic'].map((objective, i) => ({
    id: `campaign-${i + 1}`,
    name: `Campaign ${i + 1}`,
    objective: objective as Campaign['objective'],
    platforms: [],
    tiers: i % 2 ? ['micro', 'mid'] : [],
    minEngagementRate: 0.01,
    keywords: ['travel', 'food'],
    avoidKeywords: [],
    languages: [],
    locations: [],
    createdAt: now - 90 * DAY,
    updatedAt: now - 90 * DAY,
  }));
}

function lightReading(platform: Platform, handle: string, followers: number, at: number, rnd: () => number) {
  const posts: PostReading[] = [0, 1, 2].map((p) => ({
    id: `p${p}${Math.floor(rnd() * 1e9).toString(36)}`,
    format: platform === 'youtube' ? 'video' : 'post',
    pinned: false,
    repost: false,
    likes: known(Math.floor(followers * 0.03 * rnd())),
    comments: known(Math.floor(followers * 0.002 * rnd())),
    views: platform === 'instagram' ? { status: 'unknown', reason: 'not shown on this platform' } : known(followers),
    shares: { status: 'unknown', reason: 'not shown to visitors' },
    saves: { status: 'unknown', reason: 'not shown to visitors' },
  }));
  const reading: ProfileReading = {
    kind: 'profile',
    platform,
    url: profileUrlFor(platform, handle),
    lang: 'en',
    readAt: at,
    handle,
    displayName: `Creator ${handle}`,
    followers: known(followers),
    following: known(Math.floor(rnd() * 2000)),
    posts: known(10 + Math.floor(rnd() * 900)),
    totalLikes: platform === 'tiktok' ? known(followers * 20) : { status: 'unknown', reason: 'not shown' },
    recentPosts: posts,
  };
  return reading;
}

function lightSummary(followers: number, rnd: () => number): CreatorSummary {
  const tier =
    followers >= 1e6
      ? 'mega'
      : followers >= 5e5
        ? 'macro'
        : followers >= 1e5
          ? 'mid'
          : followers >= 1e4
            ? 'micro'
            : 'nano';
  const price = Math.round(followers * 0.014);
  return {
    followers: { value: followers, exact: true },
    engagementRate: Math.round(rnd() * 800) / 10_000,
    tier,
    fitScore: Math.round(rnd() * 100),
    priceMin: price,
    priceMax: price * 2,
  };
}

/** A generated shortlist as a parsed backup. */
export function generateBackup(options: GenerateOptions): Backup {
  const { creators: count, visitsPerCreator = 2, shape = 'light', seed = 1, now = 1_760_000_000_000 } = options;
  const templates = options.templates ?? [];
  if (shape === 'real' && templates.length === 0) throw new Error('the real shape needs template readings');
  const rnd = random(seed);
  const allCampaigns = campaigns(now);
  const creators: CreatorRecord[] = [];
  const entries: ShortlistEntry[] = [];
  const histories: CreatorHistory[] = [];
  for (let i = 0; i < count; i++) {
    const template = shape === 'real' ? templates[i % templates.length]! : undefined;
    const platform = template?.platform ?? PLATFORMS[i % PLATFORMS.length]!;
    const handle = `creator_${i.toString(36)}`;
    const key = creatorKey(platform, handle);
    const campaign = allCampaigns[i % allCampaigns.length]!;
    let followers = Math.floor(10 ** (3 + rnd() * 3.7));
    const firstSeen = now - visitsPerCreator * 7 * DAY - Math.floor(rnd() * DAY);
    let summary: CreatorSummary = {};
    let at = firstSeen;
    let visits: Visit[] = [];
    for (let s = 0; s < visitsPerCreator; s++) {
      at = firstSeen + s * 7 * DAY + Math.floor(rnd() * 3_600_000);
      followers = Math.max(1, Math.round(followers * (0.98 + rnd() * 0.06)));
      if (template) {
        const reading: ProfileReading = {
          ...template,
          handle,
          url: profileUrlFor(platform, handle),
          displayName: `Creator ${handle}`,
          readAt: at,
          followers: known(followers),
        };
        const assessment = assessProfile(reading, DEFAULT_SETTINGS, followerHistoryOf(visits, at));
        summary = creatorSummary(assessment, fitFor(campaign, reading, assessment));
        visits = withVisit(visits, visitOf(at, reading, summary, assessment.settings));
      } else {
        const reading = lightReading(platform, handle, followers, at, rnd);
        summary = lightSummary(followers, rnd);
        visits = withVisit(visits, visitOf(at, reading, summary));
      }
    }
    if (visits.length > 0) histories.push({ creatorKey: key, visits });
    creators.push({
      key,
      platform,
      handle,
      displayName: `Creator ${handle}`,
      profileUrl: profileUrlFor(platform, handle),
      firstSeen,
      lastSeen: at,
      summary,
    });
    const tags = TAGS.filter(() => rnd() < 0.15).slice(0, 3);
    entries.push({
      key: entryKey(campaign.id, key),
      campaignId: campaign.id,
      creatorKey: key,
      status: SHORTLIST_STATUSES[Math.floor(rnd() * SHORTLIST_STATUSES.length)]!,
      notes: NOTES[Math.floor(rnd() * NOTES.length)]!,
      tags,
      addedAt: firstSeen,
      updatedAt: firstSeen + Math.floor(rnd() * 14 * DAY),
    });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    campaigns: allCampaigns,
    creators,
    entries,
    histories,
    meta: { activeCampaignId: allCampaigns[0]!.id },
  };
}

/** A generated shortlist as backup file text. */
export function generateBackupText(options: GenerateOptions): string {
  return serialiseBackup(generateBackup(options));
}
