/** Shortlist records written straight to a database, for tests of reading them back (first rows, all rows, the page). */
import type { ScoutDb } from '../../../lib/store/db';
import { profileUrlFor } from '../../../lib/store/profile-url';
import {
  creatorKey,
  entryKey,
  type CampaignRecord,
  type CreatorRecord,
  type ShortlistEntry,
} from '../../../lib/store/schema';
import { T0, campaign } from './helpers';

export interface CreatorSpec {
  handle: string;
  /** Minutes before T0; a small range makes ties. */
  seen: number;
  unvisited?: boolean;
  /** Campaigns it is listed in. */
  campaigns: string[];
}

export function creatorRecord(spec: CreatorSpec): CreatorRecord {
  const lastSeen = T0 - spec.seen * 60_000;
  return {
    key: creatorKey('tiktok', spec.handle),
    platform: 'tiktok',
    handle: spec.handle,
    profileUrl: profileUrlFor('tiktok', spec.handle),
    firstSeen: lastSeen - 1000,
    lastSeen,
    summary: spec.unvisited ? {} : { followers: { value: spec.seen * 7, exact: true } },
    ...(spec.unvisited ? { unvisited: true as const } : {}),
  };
}

export function entryRecord(campaignId: string, creator: CreatorRecord): ShortlistEntry {
  return {
    key: entryKey(campaignId, creator.key),
    campaignId,
    creatorKey: creator.key,
    status: 'prospect',
    notes: '',
    tags: [],
    addedAt: T0,
    updatedAt: T0,
  };
}

/**
 * Writes the records directly, as a backup import or years of use would leave them: campaigns "a", "b" and "c"
 * (entries may name others, with no record), and `orphans` as entries in "a" whose creator record is gone.
 */
export async function seedRecords(
  db: ScoutDb,
  specs: readonly CreatorSpec[],
  orphans: readonly string[] = [],
): Promise<void> {
  const tx = db.transaction(['creators', 'entries', 'campaigns'], 'readwrite');
  for (const id of ['a', 'b', 'c']) await tx.objectStore('campaigns').put(campaign(id) as CampaignRecord);
  for (const spec of specs) {
    const creator = creatorRecord(spec);
    await tx.objectStore('creators').put(creator);
    for (const id of spec.campaigns) await tx.objectStore('entries').put(entryRecord(id, creator));
  }
  for (const handle of orphans) {
    await tx.objectStore('entries').put(entryRecord('a', creatorRecord({ handle, seen: 0, campaigns: [] })));
  }
  await tx.done;
}
