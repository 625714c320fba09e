/**
 * Opening the shortlist database, with one upgrade step per schema version.
 *
 * Each `if (oldVersion < N)` block is the migration to version N as it shipped. Never edit a block once it has
 * shipped: add a new version instead. Blocks spell store and index names out literally, so that renaming a constant
 * in schema.ts cannot change what an old migration does. Each step is tested on a database recorded at the version
 * before it, with data in it (tests/lib/store/recorded/).
 */
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { historyFromSnapshots, type SnapshotV2 } from './from-snapshots';
import { abortQuietly } from './tx';
import { DB_NAME, DB_VERSION, type CreatorHistory, type ScoutDBSchema } from './schema';

/** An open shortlist database. */
export type ScoutDb = IDBPDatabase<ScoutDBSchema>;
/** Every store some version had, as the upgrade steps see them: today's, and versions 1–2's snapshots. */
interface EveryVersion extends ScoutDBSchema {
  snapshots: { key: number; value: unknown; indexes: { 'by-creator-at': [string, number] } };
}
type UpgradeDb = IDBPDatabase<EveryVersion>;
type UpgradeTx = IDBPTransaction<EveryVersion, StoreNames<EveryVersion>[], 'versionchange'>;

/**
 * Opens (creating or upgrading) the shortlist database. `factory` is the browser's `indexedDB`; tests pass a fresh
 * fake-indexeddb factory each so no two share a database.
 *
 * When another tab or extension page later opens a newer version, this connection closes itself so the upgrade is
 * not blocked; callers should open again on their next operation.
 */
export async function openScoutDb(factory: IDBFactory, name: string = DB_NAME): Promise<ScoutDb> {
  // Not idb's openDB: it always opens through the global `indexedDB`, and taking the factory as a parameter keeps
  // lib/ free of globals and tests isolated. This does what openDB does with the request.
  const request = factory.open(name, DB_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as UpgradeDb;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
    upgrade(db, event.oldVersion, tx);
  });
  const db = (await wrap(request)) as unknown as ScoutDb;
  db.addEventListener('versionchange', () => db.close());
  return db;
}

function upgrade(db: UpgradeDb, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    const creators = db.createObjectStore('creators', { keyPath: 'key' });
    creators.createIndex('by-lastSeen', 'lastSeen');
    creators.createIndex('by-platform', 'platform');
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
    snapshots.createIndex('by-creator-at', ['creatorKey', 'at']);
    db.createObjectStore('campaigns', { keyPath: 'id' });
    const entries = db.createObjectStore('entries', { keyPath: 'key' });
    entries.createIndex('by-campaign', 'campaignId');
    entries.createIndex('by-creator', 'creatorKey');
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  if (oldVersion < 2) {
    const entries = tx.objectStore('entries');
    entries.createIndex('by-status', 'status');
    entries.createIndex('by-tag', 'tags', { multiEntry: true });
    // Version 1 stored tags as typed; the tag index would hold " VIP", "vip" and "" as three tags.
    // A failed write aborts the upgrade transaction, and so the open: that is where the caller sees it.
    void normaliseTagsV2(tx).catch(() => undefined);
  }
  if (oldVersion < 3) {
    db.createObjectStore('histories', { keyPath: 'creatorKey' });
    // Every snapshot becomes a visit in its creator's history; then the snapshots store goes. If anything fails
    // the upgrade is aborted, so the database stays at its old version, whole, rather than half converted.
    void historiesFromSnapshotsV3(db, tx).catch(() => abortQuietly(tx));
  }
}

/** Version 2's tag clean-up, frozen as shipped (schema.ts's normaliseTags may change later; this must not). */
async function normaliseTagsV2(tx: UpgradeTx): Promise<void> {
  let cursor = await tx.objectStore('entries').openCursor();
  while (cursor) {
    const entry = cursor.value as { tags?: unknown };
    const raw = Array.isArray(entry.tags) ? entry.tags.filter((t): t is string => typeof t === 'string') : [];
    const seen = new Set<string>();
    const tags: string[] = [];
    for (const item of raw) {
      let tag = item.replace(/\s+/g, ' ').trim();
      // At most 50 UTF-16 units, without splitting a surrogate pair.
      if (tag.length > 50) tag = tag.slice(0, /[\uD800-\uDBFF]/.test(tag.charAt(49)) ? 49 : 50).trim();
      if (!tag || seen.has(tag.toLowerCase()) || tags.length >= 50) continue;
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
    if (JSON.stringify(tags) !== JSON.stringify(entry.tags)) await cursor.update({ ...cursor.value, tags });
    cursor = await cursor.continue();
  }
}

/** Version 3's conversion, frozen as shipped: one creator's snapshots at a time, read in (creator, time) order. */
async function historiesFromSnapshotsV3(db: UpgradeDb, tx: UpgradeTx): Promise<void> {
  const histories = tx.objectStore('histories');
  let cursor = await tx.objectStore('snapshots').index('by-creator-at').openCursor();
  let creator: string | undefined;
  let group: SnapshotV2[] = [];
  const flush = async () => {
    const history = creator === undefined ? undefined : historyFromSnapshots(creator, group);
    // As converted, checked by nothing else: what from-snapshots.ts makes is a valid history (its tests say so).
    if (history) await histories.put(history as CreatorHistory);
  };
  while (cursor) {
    const snapshot = cursor.value as Partial<SnapshotV2> | undefined;
    // Version 2 wrote only checked snapshots; anything else could not be shown then and is not kept now.
    if (
      snapshot &&
      typeof snapshot.creatorKey === 'string' &&
      typeof snapshot.at === 'number' &&
      typeof snapshot.reading === 'object' &&
      snapshot.reading !== null
    ) {
      if (snapshot.creatorKey !== creator) {
        await flush();
        creator = snapshot.creatorKey;
        group = [];
      }
      group.push(snapshot as SnapshotV2);
    }
    cursor = await cursor.continue();
  }
  await flush();
  db.deleteObjectStore('snapshots');
}

/** What asking for persistent storage gave: kept unless the user clears it, refused, or not available here. */
export type PersistenceResult = 'persisted' | 'refused' | 'unsupported';

/**
 * Asks the browser not to evict the shortlist under storage pressure (`navigator.storage.persist()`), passed in
 * so lib/ reads no globals. Without it a browser may clear the data of an origin it considers unimportant.
 */
export async function requestPersistence(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined,
): Promise<PersistenceResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'refused';
  } catch {
    // Some contexts (e.g. a Firefox private window) reject instead of answering.
    return 'unsupported';
  }
}
