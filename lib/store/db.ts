/**
 * Opening the shortlist database, with one upgrade step per schema version.
 *
 * Each `if (oldVersion < N)` block is the migration to version N as it shipped. Never edit a block once it has
 * shipped: add a new version instead. Blocks spell store and index names out literally, so that renaming a constant
 * in schema.ts cannot change what an old migration does. Each step is tested on a database recorded at the version
 * before it, with data in it (tests/lib/store/recorded/).
 */
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, type ScoutDBSchema } from './schema';

/** An open shortlist database. */
export type ScoutDb = IDBPDatabase<ScoutDBSchema>;
type UpgradeTx = IDBPTransaction<ScoutDBSchema, StoreNames<ScoutDBSchema>[], 'versionchange'>;

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
    const db = wrap(request.result) as unknown as ScoutDb;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
    upgrade(db, event.oldVersion, tx);
  });
  const db = (await wrap(request)) as unknown as ScoutDb;
  db.addEventListener('versionchange', () => db.close());
  return db;
}

function upgrade(db: ScoutDb, oldVersion: number, tx: UpgradeTx): void {
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
