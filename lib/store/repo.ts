/**
 * The shortlist's operations: saving a creator to a campaign, recording later visits, reading a creator's status
 * for the popup, editing and removing entries, and campaigns. Every function takes the open database; each write
 * is one transaction, so it happens whole or not at all, and a full disk surfaces as a {@link StorageFullError}.
 *
 * Visits of creators who are on no shortlist are not stored: the extension keeps only what the user chose to keep.
 * A saved creator's visits are one history record (see visits.ts): every visit's figures, the latest one with its
 * reading and the assessment settings it was assessed with (the assessment is recomputed from them, not stored).
 */
import * as v from 'valibot';
import type { IDBPTransaction, StoreNames } from 'idb';
import { AssessSettingsSchema, type AssessSettings } from '../assess/settings';
import { CampaignSchema } from '../campaign';
import { ProfileReadingSchema, type Platform, type ProfileReading } from '../reading';
import type { ScoutDb } from './db';
import { InvalidRecordError, RecordNotFoundError, StorageFullError } from './errors';
import { abortQuietly, compareText, storeErrorOf } from './tx';
import { profileUrlFor, type ProfileRef } from './profile-url';
import { withoutNegativeZero } from './stable-json';
import { SAME_VISIT_MS, visitOf, withVisit } from './visits';
import {
  CreatorRecordSchema,
  CreatorSummarySchema,
  LIMITS,
  ShortlistEntrySchema,
  ShortlistStatusSchema,
  creatorKey,
  entryKey,
  normaliseTags,
  type CampaignRecord,
  type CreatorRecord,
  type CreatorSummary,
  type ScoutDBSchema,
  type ShortlistEntry,
  type ShortlistStatus,
  type StoreName,
  type Visit,
} from './schema';

export { StorageFullError, SAME_VISIT_MS };

type Mode = 'readonly' | 'readwrite';
type Tx<M extends Mode = Mode> = IDBPTransaction<ScoutDBSchema, StoreNames<ScoutDBSchema>[], M>;

/** How a creator's follower count moved between the two latest visits. */
export interface FollowersChange {
  from: number;
  to: number;
  delta: number;
  /** `delta / from` (0.021 for +2.1%); absent when `from` is 0. */
  fraction?: number;
  /** When the earlier of the two readings was taken. */
  since: number;
  /** False when either count was an abbreviation ("12.3K"), so a small change may be rounding. */
  exact: boolean;
}

/** One campaign a creator is shortlisted in. */
export interface CreatorCampaign {
  entryKey: string;
  campaignId: string;
  /** The campaign's name, or undefined if the campaign record is missing. */
  campaignName?: string;
  status: ShortlistStatus;
}

/** What the popup shows about a creator: not saved, or saved with where and how they have moved. */
export type CreatorStatus =
  | { saved: false }
  | {
      saved: true;
      creator: CreatorRecord;
      campaigns: CreatorCampaign[];
      /** The latest visit (this one, right after {@link recordVisit}). */
      lastSeen: number;
      /** The visit before the latest, for "last seen 3 days ago". */
      previous?: Visit;
      followersChange?: FollowersChange;
    };

/** A shortlist row: an entry with its creator and campaign, as the table and the CSV show it. */
export interface ShortlistRow {
  entry: ShortlistEntry;
  creator: CreatorRecord;
  campaign?: CampaignRecord;
}

/** Narrows the shortlist; every given criterion must match. */
export interface ShortlistFilter {
  campaignId?: string;
  status?: ShortlistStatus;
  /** Matched case-insensitively. */
  tag?: string;
  platform?: Platform;
}

/** Changes to one entry; omitted fields stay as they are. */
export interface EntryPatch {
  status?: ShortlistStatus;
  notes?: string;
  /** Replaces the tags (normalised: trimmed, deduplicated). */
  tags?: string[];
}

/** Changes applied to many entries at once. */
export interface BulkPatch {
  status?: ShortlistStatus;
  addTags?: string[];
  removeTags?: string[];
}

/** What saving a creator needs. */
export interface SaveInput {
  reading: ProfileReading;
  /**
   * The settings the reading was assessed with, kept with it so the assessment can be recomputed (it is not stored:
   * see visitOf). The background's assessment must have been made against the visits as they will be beside this
   * one (followerHistoryOf), or the recomputed one may differ in its follower-jump signal.
   */
  settings?: AssessSettings;
  summary: CreatorSummary;
  campaignId: string;
  now: number;
}

// ——— transactions ———

async function inTx<T, M extends Mode>(
  db: ScoutDb,
  stores: StoreName[],
  mode: M,
  fn: (tx: Tx<M>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode) as Tx<M>;
  try {
    const result = await fn(tx);
    // A read's results are final once they have come: waiting for its transaction to complete would cost one more
    // round trip to the database (the shortlist page's first rows waited on it). A write is done only when its
    // transaction is.
    if (mode === 'readwrite') await tx.done;
    else tx.done.catch(() => undefined);
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw storeErrorOf(tx, error);
  }
}

function check<S extends v.GenericSchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return withoutNegativeZero(result.output);
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  throw new InvalidRecordError(what, path ? `${path}: ${issue.message}` : issue.message);
}

/** Drops keys whose value is undefined, so a stored record and its JSON backup hold the same keys. */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

// ——— visits and status ———

/** A creator's visits, oldest first (none for a creator never visited or not stored). */
async function visitsIn(tx: Tx, key: string): Promise<Visit[]> {
  return (await tx.objectStore('histories').get(key))?.visits ?? [];
}

/** Adds the visit to the creator's history, or updates the latest visit if it is the same one (SAME_VISIT_MS). */
async function writeVisit(tx: Tx<'readwrite'>, key: string, visit: Visit): Promise<void> {
  const store = tx.objectStore('histories');
  await store.put({ creatorKey: key, visits: withVisit(await visitsIn(tx, key), visit) });
}

function followersChange(latest: Visit | undefined, previous: Visit | undefined) {
  const to = latest?.followers;
  const from = previous?.followers;
  if (!previous || to?.status !== 'known' || from?.status !== 'known') return undefined;
  const change: FollowersChange = {
    from: from.value,
    to: to.value,
    delta: to.value - from.value,
    since: previous.at,
    exact: from.exact && to.exact,
  };
  if (from.value > 0) change.fraction = (to.value - from.value) / from.value;
  return change;
}

async function statusIn(tx: Tx, key: string): Promise<CreatorStatus> {
  const creator = await tx.objectStore('creators').get(key);
  if (!creator) return { saved: false };
  const entries = await tx.objectStore('entries').index('by-creator').getAll(key);
  if (entries.length === 0) return { saved: false };
  const campaigns: CreatorCampaign[] = [];
  for (const entry of entries) {
    const campaign = await tx.objectStore('campaigns').get(entry.campaignId);
    campaigns.push(
      compact({
        entryKey: entry.key,
        campaignId: entry.campaignId,
        campaignName: campaign?.name,
        status: entry.status,
      }),
    );
  }
  const visits = await visitsIn(tx, key);
  const latest = visits.at(-1);
  const previous = visits.at(-2);
  return compact({
    saved: true as const,
    creator,
    campaigns,
    lastSeen: latest ? Math.max(latest.at, creator.lastSeen) : creator.lastSeen,
    previous,
    followersChange: followersChange(latest, previous),
  });
}

function creatorFrom(
  existing: CreatorRecord | undefined,
  reading: ProfileReading,
  summary: CreatorSummary,
  now: number,
): CreatorRecord {
  const key = creatorKey(reading.platform, reading.handle);
  // A creator added from a list has never been read: its lastSeen is when it was added, and any reading replaces it.
  const seen = existing?.unvisited ? undefined : existing;
  // An older reading arriving late (clock change, delayed message) must not overwrite a newer summary.
  const newer = !seen || now >= seen.lastSeen;
  const fresh = compact({
    key,
    platform: reading.platform,
    handle: reading.handle,
    displayName: reading.displayName ?? existing?.displayName,
    profileUrl: profileUrlFor(reading.platform, reading.handle),
    firstSeen: Math.min(existing?.firstSeen ?? now, now),
    lastSeen: Math.max(seen?.lastSeen ?? now, now),
    summary,
  });
  const record = newer || !seen ? fresh : { ...seen, firstSeen: fresh.firstSeen };
  return check(CreatorRecordSchema, record, 'creator');
}

function visitInputs(
  reading: ProfileReading,
  settings: AssessSettings | undefined,
  summary: CreatorSummary,
  now: number,
) {
  const checkedReading = check(ProfileReadingSchema, reading, 'reading');
  const checkedSummary = check(CreatorSummarySchema, summary, 'summary');
  const checkedSettings = settings === undefined ? undefined : check(AssessSettingsSchema, settings, 'settings');
  if (!Number.isSafeInteger(now) || now < 0) throw new InvalidRecordError('time', 'now must be epoch milliseconds');
  const key = creatorKey(checkedReading.platform, checkedReading.handle);
  const visit = visitOf(now, checkedReading, checkedSummary, checkedSettings);
  return { reading: checkedReading, summary: checkedSummary, key, visit };
}

/**
 * Records a visit to a profile page. For a creator on some shortlist it adds the visit to their history (or
 * updates the latest one within {@link SAME_VISIT_MS}) and refreshes the creator's summary; for anyone else it
 * stores nothing. `settings` are those the reading was assessed with (see {@link SaveInput}). Returns the creator's
 * status after the visit, whose `previous` visit and `followersChange` give "last seen 3 days ago · followers +2.1%".
 */
export async function recordVisit(
  db: ScoutDb,
  reading: ProfileReading,
  settings: AssessSettings | undefined,
  summary: CreatorSummary,
  now: number,
): Promise<CreatorStatus> {
  const input = visitInputs(reading, settings, summary, now);
  return inTx(db, ['creators', 'histories', 'entries', 'campaigns'], 'readwrite', async (tx) => {
    const existing = await tx.objectStore('creators').get(input.key);
    const listed = existing ? await tx.objectStore('entries').index('by-creator').count(input.key) : 0;
    if (!existing || listed === 0) return { saved: false };
    await tx.objectStore('creators').put(creatorFrom(existing, input.reading, input.summary, now));
    await writeVisit(tx, input.key, input.visit);
    return statusIn(tx, input.key);
  });
}

/**
 * Saves a creator to a campaign's shortlist in one transaction: upserts the creator, adds this reading to their
 * history as a visit and adds the entry (status "prospect") unless the creator is already on that campaign's shortlist, in
 * which case the entry is left as it is. `added` tells which happened.
 */
export async function saveCreator(
  db: ScoutDb,
  { reading, settings, summary, campaignId, now }: SaveInput,
): Promise<{ entry: ShortlistEntry; added: boolean; status: Extract<CreatorStatus, { saved: true }> }> {
  const input = visitInputs(reading, settings, summary, now);
  return inTx(db, ['creators', 'histories', 'entries', 'campaigns'], 'readwrite', async (tx) => {
    if (!(await tx.objectStore('campaigns').getKey(campaignId))) throw new RecordNotFoundError('campaigns', campaignId);
    const existing = await tx.objectStore('creators').get(input.key);
    await tx.objectStore('creators').put(creatorFrom(existing, input.reading, input.summary, now));
    await writeVisit(tx, input.key, input.visit);
    const key = entryKey(campaignId, input.key);
    let entry = await tx.objectStore('entries').get(key);
    const added = !entry;
    if (!entry) {
      entry = check(
        ShortlistEntrySchema,
        {
          key,
          campaignId,
          creatorKey: input.key,
          status: 'prospect',
          notes: '',
          tags: [],
          addedAt: now,
          updatedAt: now,
        },
        'shortlist entry',
      );
      await tx.objectStore('entries').add(entry);
    }
    const status = await statusIn(tx, input.key);
    if (!status.saved) throw new Error('saved creator has no entry'); // unreachable: the entry was just written
    return { entry, added, status };
  });
}

/** Whether a creator is on any shortlist, and if so where, when last seen and how their followers moved. */
export async function getCreatorStatus(db: ScoutDb, platform: Platform, handle: string): Promise<CreatorStatus> {
  return inTx(db, ['creators', 'histories', 'entries', 'campaigns'], 'readonly', (tx) =>
    statusIn(tx, creatorKey(platform, handle)),
  );
}

/** One creator's record, if stored. */
export async function getCreator(db: ScoutDb, key: string): Promise<CreatorRecord | undefined> {
  return db.get('creators', key);
}

/**
 * A creator's visits, oldest first: each with its counts and figures, the latest also with its whole reading and
 * the settings it was assessed with (or, in a record written before those were kept, its whole assessment). Empty
 * for a creator never visited.
 */
export async function history(db: ScoutDb, key: string): Promise<Visit[]> {
  return (await db.get('histories', key))?.visits ?? [];
}

// ——— shortlist ———

/** The shortlist's rows (entry × creator × campaign), most recently changed first. */
export async function listCreators(db: ScoutDb, filter: ShortlistFilter = {}): Promise<ShortlistRow[]> {
  return inTx(db, ['creators', 'entries', 'campaigns'], 'readonly', async (tx) => {
    const entriesStore = tx.objectStore('entries');
    const entries =
      filter.campaignId !== undefined
        ? await entriesStore.index('by-campaign').getAll(filter.campaignId)
        : filter.status !== undefined
          ? await entriesStore.index('by-status').getAll(filter.status)
          : await entriesStore.getAll();
    const tag = filter.tag?.trim().toLowerCase();
    const rows: ShortlistRow[] = [];
    const campaigns = new Map<string, CampaignRecord | undefined>();
    const creatorsStore = tx.objectStore('creators');
    // One getAll is far quicker than one request per entry on a long shortlist (50,000 rows: seconds → a blink).
    const allCreators =
      entries.length > 200 ? new Map((await creatorsStore.getAll()).map((c) => [c.key, c] as const)) : undefined;
    for (const entry of entries) {
      if (filter.status !== undefined && entry.status !== filter.status) continue;
      if (tag && !entry.tags.some((t) => t.toLowerCase() === tag)) continue;
      const creator = allCreators ? allCreators.get(entry.creatorKey) : await creatorsStore.get(entry.creatorKey);
      if (!creator || (filter.platform !== undefined && creator.platform !== filter.platform)) continue;
      if (!campaigns.has(entry.campaignId)) {
        campaigns.set(entry.campaignId, await tx.objectStore('campaigns').get(entry.campaignId));
      }
      rows.push(compact({ entry, creator, campaign: campaigns.get(entry.campaignId) }));
    }
    return rows.sort((a, b) => b.entry.updatedAt - a.entry.updatedAt || compareText(a.entry.key, b.entry.key));
  });
}

/** What adding profiles from a list did. */
export interface AddProfilesResult {
  /** Entries added to the campaign's shortlist (status "prospect"). */
  added: number;
  /** Profiles already on that shortlist, left as they were. */
  alreadyListed: number;
  /** Of those added, creators the store did not know: recorded without counts and marked `unvisited`. */
  newCreators: number;
}

/**
 * Adds profiles named by platform and handle (from a pasted list or a CSV, see parseProfileList) to a campaign's
 * shortlist, in one transaction. A creator the store does not know yet is recorded with what the list gives and
 * nothing more: no counts (an empty summary), no visit, `unvisited: true`, and firstSeen/lastSeen set to `now`,
 * the time it was added. Visiting the profile later fills it in. A known creator is left as it is.
 */
export async function addProfiles(
  db: ScoutDb,
  campaignId: string,
  profiles: readonly ProfileRef[],
  now: number,
): Promise<AddProfilesResult> {
  if (!Number.isSafeInteger(now) || now < 0) throw new InvalidRecordError('time', 'now must be epoch milliseconds');
  const records = profiles.map((p) =>
    check(
      CreatorRecordSchema,
      {
        key: creatorKey(p.platform, p.handle),
        platform: p.platform,
        handle: p.handle,
        profileUrl: profileUrlFor(p.platform, p.handle),
        firstSeen: now,
        lastSeen: now,
        summary: {},
        unvisited: true,
      },
      'profile',
    ),
  );
  return inTx(db, ['creators', 'entries', 'campaigns'], 'readwrite', async (tx) => {
    if (!(await tx.objectStore('campaigns').getKey(campaignId))) throw new RecordNotFoundError('campaigns', campaignId);
    const result: AddProfilesResult = { added: 0, alreadyListed: 0, newCreators: 0 };
    const done = new Set<string>();
    for (const record of records) {
      if (done.has(record.key)) continue;
      done.add(record.key);
      const key = entryKey(campaignId, record.key);
      if (await tx.objectStore('entries').getKey(key)) {
        result.alreadyListed++;
        continue;
      }
      if (!(await tx.objectStore('creators').getKey(record.key))) {
        await tx.objectStore('creators').add(record);
        result.newCreators++;
      }
      const entry = check(
        ShortlistEntrySchema,
        {
          key,
          campaignId,
          creatorKey: record.key,
          status: 'prospect',
          notes: '',
          tags: [],
          addedAt: now,
          updatedAt: now,
        },
        'shortlist entry',
      );
      await tx.objectStore('entries').add(entry);
      result.added++;
    }
    return result;
  });
}

/** Every tag in use and on how many entries, alphabetically (ignoring case). */
export async function listTags(db: ScoutDb): Promise<{ tag: string; count: number }[]> {
  return inTx(db, ['entries'], 'readonly', async (tx) => {
    const counts = new Map<string, number>();
    let cursor = await tx.objectStore('entries').index('by-tag').openKeyCursor();
    while (cursor) {
      const tag = String(cursor.key);
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
      cursor = await cursor.continue();
    }
    return [...counts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => compareText(a.tag.toLowerCase(), b.tag.toLowerCase()) || compareText(a.tag, b.tag));
  });
}

function patchEntry(entry: ShortlistEntry, patch: EntryPatch, now: number): ShortlistEntry {
  const next = {
    ...entry,
    ...(patch.status !== undefined ? { status: check(ShortlistStatusSchema, patch.status, 'status') } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
    ...(patch.tags !== undefined ? { tags: normaliseTags(patch.tags) } : {}),
    updatedAt: Math.max(now, entry.updatedAt),
  };
  return check(ShortlistEntrySchema, next, 'shortlist entry');
}

/** Changes one entry's status, notes or tags; throws {@link RecordNotFoundError} if it is gone. */
export async function updateEntry(db: ScoutDb, key: string, patch: EntryPatch, now: number): Promise<ShortlistEntry> {
  if (patch.notes !== undefined && patch.notes.length > LIMITS.notes) {
    throw new InvalidRecordError('notes', `at most ${LIMITS.notes} characters`);
  }
  return inTx(db, ['entries'], 'readwrite', async (tx) => {
    const entry = await tx.objectStore('entries').get(key);
    if (!entry) throw new RecordNotFoundError('entries', key);
    const next = patchEntry(entry, patch, now);
    await tx.objectStore('entries').put(next);
    return next;
  });
}

/**
 * Applies one change to many entries in one transaction: all are updated or, if any is missing, none is.
 * Returns how many were updated.
 */
export async function bulkUpdate(db: ScoutDb, keys: readonly string[], patch: BulkPatch, now: number): Promise<number> {
  const remove = new Set(normaliseTags(patch.removeTags ?? []).map((t) => t.toLowerCase()));
  return inTx(db, ['entries'], 'readwrite', async (tx) => {
    const store = tx.objectStore('entries');
    const unique = [...new Set(keys)];
    for (const key of unique) {
      const entry = await store.get(key);
      if (!entry) throw new RecordNotFoundError('entries', key);
      const tags =
        patch.addTags || patch.removeTags
          ? [...entry.tags, ...(patch.addTags ?? [])].filter((t) => !remove.has(t.trim().toLowerCase()))
          : undefined;
      await store.put(patchEntry(entry, compact({ status: patch.status, tags }), now));
    }
    return unique.length;
  });
}

/** Deletes a creator and their history if they are on no shortlist any more. */
async function pruneCreator(tx: Tx<'readwrite'>, key: string): Promise<boolean> {
  if ((await tx.objectStore('entries').index('by-creator').count(key)) > 0) return false;
  if (!(await tx.objectStore('creators').getKey(key))) return false;
  await tx.objectStore('creators').delete(key);
  await tx.objectStore('histories').delete(key);
  return true;
}

async function removeEntriesIn(tx: Tx<'readwrite'>, keys: Iterable<string>, prune: boolean) {
  const store = tx.objectStore('entries');
  const touched = new Set<string>();
  let entries = 0;
  for (const key of new Set(keys)) {
    const entry = await store.get(key);
    if (!entry) continue;
    await store.delete(key);
    entries++;
    touched.add(entry.creatorKey);
  }
  let creators = 0;
  if (prune) for (const key of touched) if (await pruneCreator(tx, key)) creators++;
  return { entries, creators };
}

/**
 * Removes entries (missing keys are ignored). A creator left on no shortlist is deleted with their history —
 * the store keeps only creators the user keeps — unless `keepCreators` is set. Returns how many of each went.
 */
export async function removeEntries(
  db: ScoutDb,
  keys: readonly string[],
  { keepCreators = false }: { keepCreators?: boolean } = {},
): Promise<{ entries: number; creators: number }> {
  return inTx(db, ['creators', 'histories', 'entries'], 'readwrite', (tx) => removeEntriesIn(tx, keys, !keepCreators));
}

// ——— campaigns and the active campaign ———

/** All campaigns, oldest first. */
export async function listCampaigns(db: ScoutDb): Promise<CampaignRecord[]> {
  const all = await db.getAll('campaigns');
  return all.sort((a, b) => a.createdAt - b.createdAt || compareText(a.id, b.id));
}

/** One campaign, if stored. */
export async function getCampaign(db: ScoutDb, id: string): Promise<CampaignRecord | undefined> {
  return db.get('campaigns', id);
}

/** Creates or replaces a campaign after checking it against the campaign schema; returns what was stored. */
export async function putCampaign(db: ScoutDb, campaign: CampaignRecord): Promise<CampaignRecord> {
  const record = compact(check(CampaignSchema, campaign, 'campaign'));
  await inTx(db, ['campaigns'], 'readwrite', (tx) => tx.objectStore('campaigns').put(record));
  return record;
}

/**
 * Deletes a campaign with its shortlist entries, creators left on no shortlist (with their histories), and the
 * active-campaign setting if it pointed there.
 */
export async function deleteCampaign(db: ScoutDb, id: string): Promise<{ entries: number; creators: number }> {
  return inTx(db, ['creators', 'histories', 'entries', 'campaigns', 'meta'], 'readwrite', async (tx) => {
    const keys = await tx.objectStore('entries').index('by-campaign').getAllKeys(id);
    const removed = await removeEntriesIn(tx, keys, true);
    await tx.objectStore('campaigns').delete(id);
    const active = await tx.objectStore('meta').get('activeCampaignId');
    if (active?.value === id) await tx.objectStore('meta').delete('activeCampaignId');
    return removed;
  });
}

/** The campaign one click saves to, if it is set and still exists. */
export async function getActiveCampaignId(db: ScoutDb): Promise<string | undefined> {
  return inTx(db, ['meta', 'campaigns'], 'readonly', async (tx) => {
    const row = await tx.objectStore('meta').get('activeCampaignId');
    if (!row || !(await tx.objectStore('campaigns').getKey(row.value))) return undefined;
    return row.value;
  });
}

/** Sets (or with undefined clears) the active campaign; throws {@link RecordNotFoundError} for an unknown id. */
export async function setActiveCampaignId(db: ScoutDb, id: string | undefined): Promise<void> {
  await inTx(db, ['meta', 'campaigns'], 'readwrite', async (tx) => {
    if (id === undefined) return tx.objectStore('meta').delete('activeCampaignId');
    if (!(await tx.objectStore('campaigns').getKey(id))) throw new RecordNotFoundError('campaigns', id);
    await tx.objectStore('meta').put({ key: 'activeCampaignId', value: id });
  });
}
