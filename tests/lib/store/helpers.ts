/** Builders shared by the store tests: readings, campaigns, and a fresh fake IndexedDB per test. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Campaign } from '../../../lib/campaign';
import type { CountField, Platform, ProfileReading } from '../../../lib/reading';
import { openScoutDb, type ScoutDb } from '../../../lib/store/db';
import { withoutNegativeZero } from '../../../lib/store/stable-json';

/** A database in a factory of its own, so no two tests share state. */
export async function freshDb(): Promise<{ db: ScoutDb; factory: IDBFactory }> {
  const factory = new IDBFactory();
  return { db: await openScoutDb(factory), factory };
}

/** A known count as a reader produces it. */
export function known(value: number, exact = true, text = String(value)): CountField {
  return { status: 'known', value, text, exact, min: value, max: value, source: 'visible-text' };
}

/** A profile reading with followers and no posts. */
export function reading(
  handle: string,
  followers: number | undefined,
  overrides: Partial<ProfileReading> & { platform?: Platform } = {},
): ProfileReading {
  const platform = overrides.platform ?? 'instagram';
  return {
    kind: 'profile',
    platform,
    url: `https://www.instagram.com/${handle}/`,
    lang: 'en',
    readAt: 1_700_000_000_000,
    handle,
    displayName: `Display ${handle}`,
    followers: followers === undefined ? { status: 'unknown', reason: 'not shown' } : known(followers),
    following: { status: 'unknown', reason: 'not shown' },
    posts: known(12),
    totalLikes: { status: 'unknown', reason: 'not shown on this platform' },
    recentPosts: [],
    ...overrides,
  };
}

/** A campaign with sensible defaults. */
export function campaign(id: string, overrides: Partial<Campaign> = {}): Campaign {
  return {
    id,
    name: `Campaign ${id}`,
    objective: 'awareness',
    platforms: [],
    tiers: [],
    keywords: [],
    avoidKeywords: [],
    languages: [],
    locations: [],
    createdAt: 1_690_000_000_000,
    updatedAt: 1_690_000_000_000,
    ...overrides,
  };
}

export const DAY = 24 * 60 * 60 * 1000;
export const T0 = 1_700_000_000_000;

/**
 * Makes a creator's stored history what the extension wrote before visits kept the assessment's settings instead
 * of the assessment: its latest visit with `assessment` in full and no settings. Records like it stay in databases
 * and backups made then.
 */
export async function withStoredAssessment(db: ScoutDb, creatorKey: string, assessment: unknown): Promise<void> {
  const stored = await db.get('histories', creatorKey);
  const last = stored?.visits.at(-1);
  if (!stored || !last) throw new Error(`no history for ${creatorKey}`);
  const { settings: _settings, ...latest } = last;
  // As the repository wrote it then: checked, without -0 (which JSON cannot hold).
  const old = { ...latest, assessment: withoutNegativeZero(assessment) };
  await db.put('histories', { ...stored, visits: [...stored.visits.slice(0, -1), old] });
}
