/** Shortlist rows built directly (no database) for the view tests. */
import type { Platform } from '../../../lib/reading';
import { PLATFORMS } from '../../../lib/reading';
import { TIERS } from '../../../lib/campaign';
import type { ShortlistRow } from '../../../lib/store/repo';
import {
  SHORTLIST_STATUSES,
  creatorKey,
  entryKey,
  type CreatorSummary,
  type ShortlistStatus,
} from '../../../lib/store/schema';
import { profileUrlFor } from '../../../lib/store/profile-url';
import { campaign } from '../store/helpers';

export const T0 = 1_700_000_000_000;

export interface RowSpec {
  handle: string;
  platform?: Platform;
  displayName?: string;
  summary?: CreatorSummary;
  status?: ShortlistStatus;
  tags?: string[];
  notes?: string;
  campaignId?: string;
  lastSeen?: number;
  unvisited?: boolean;
}

/** One row from a short description. */
export function row(spec: RowSpec): ShortlistRow {
  const platform = spec.platform ?? 'instagram';
  const key = creatorKey(platform, spec.handle);
  const campaignId = spec.campaignId ?? 'c1';
  const lastSeen = spec.lastSeen ?? T0;
  return {
    entry: {
      key: entryKey(campaignId, key),
      campaignId,
      creatorKey: key,
      status: spec.status ?? 'prospect',
      notes: spec.notes ?? '',
      tags: spec.tags ?? [],
      addedAt: T0,
      updatedAt: T0,
    },
    creator: {
      key,
      platform,
      handle: spec.handle,
      ...(spec.displayName ? { displayName: spec.displayName } : {}),
      profileUrl: profileUrlFor(platform, spec.handle),
      firstSeen: Math.min(T0, lastSeen),
      lastSeen,
      summary: spec.summary ?? {},
      ...(spec.unvisited ? { unvisited: true as const } : {}),
    },
    campaign: campaign(campaignId),
  };
}

/** A deterministic pseudo-random generator (mulberry32), so big generated lists are the same on every run. */
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

/** `n` varied rows: every platform, status and tier, some values missing, a few tags and notes. */
export function manyRows(n: number, seed = 1): ShortlistRow[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: ShortlistRow[] = [];
  for (let i = 0; i < n; i++) {
    const followers = Math.floor(rnd() * 5_000_000);
    const summary: CreatorSummary = {};
    if (rnd() > 0.1) summary.followers = { value: followers, exact: rnd() > 0.5 };
    if (rnd() > 0.2) summary.engagementRate = Math.round(rnd() * 1000) / 10000;
    if (rnd() > 0.2) summary.tier = pick(TIERS);
    if (rnd() > 0.3) summary.fitScore = Math.round(rnd() * 100);
    if (rnd() > 0.3) {
      summary.priceMin = Math.round(rnd() * 5000);
      summary.priceMax = summary.priceMin + Math.round(rnd() * 5000);
    }
    out.push(
      row({
        handle: `creator_${i}`,
        platform: pick(PLATFORMS),
        displayName: rnd() > 0.5 ? `Name ${i}` : undefined,
        summary,
        status: pick(SHORTLIST_STATUSES),
        tags: rnd() > 0.7 ? [pick(['vip', 'travel', 'food', 'Beauty'])] : [],
        notes: rnd() > 0.9 ? `called on day ${i % 30}` : '',
        campaignId: pick(['c1', 'c2', 'c3']),
        lastSeen: T0 - Math.floor(rnd() * 365) * 86_400_000,
      }),
    );
  }
  return out;
}
