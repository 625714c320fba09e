import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { freshDb } from './helpers';
import { V1_CAMPAIGN, V1_CREATORS, V1_ENTRIES, V1_SNAPSHOTS, V2_TAGS, recordV1Database } from './recorded/v1';
import { openScoutDb, requestPersistence, type ScoutDb } from '../../../lib/store/db';
import { DB_NAME, DB_VERSION, STORE_NAMES } from '../../../lib/store/schema';
import { getCreatorStatus, listCreators, listTags } from '../../../lib/store/repo';
import { exportBackup, parseBackup } from '../../../lib/store/backup';

/** Everything about a database's shape: stores, key paths, key generators and indexes. */
function shapeOf(db: ScoutDb) {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names, 'readonly');
  return {
    version: db.version,
    stores: names.map((name) => {
      const store = tx.objectStore(name);
      return {
        name,
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes: [...store.indexNames].sort().map((indexName) => {
          const index = store.index(indexName);
          return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
        }),
      };
    }),
  };
}

/** A database recorded at each earlier version (0 = none yet). Add one here with every new DB_VERSION. */
const RECORDED: Record<number, (factory: IDBFactory) => Promise<void>> = {
  0: async () => undefined,
  1: (factory) => recordV1Database(factory),
};

describe('openScoutDb', () => {
  it('creates every store at the current version', async () => {
    const { db } = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    const entries = shapeOf(db).stores.find((s) => s.name === 'entries');
    expect(entries?.indexes.map((i) => i.name)).toEqual(['by-campaign', 'by-creator', 'by-status', 'by-tag']);
    expect(entries?.indexes.find((i) => i.name === 'by-tag')?.multiEntry).toBe(true);
    db.close();
  });

  it('has a recorded database for every earlier version', () => {
    expect(
      Object.keys(RECORDED)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i));
  });

  for (const [version, record] of Object.entries(RECORDED)) {
    it(`upgrades a version-${version} database to the same shape as a new one`, async () => {
      const { db: fresh } = await freshDb();
      const factory = new IDBFactory();
      await record(factory);
      const upgraded = await openScoutDb(factory);
      expect(shapeOf(upgraded)).toEqual(shapeOf(fresh));
      fresh.close();
      upgraded.close();
    });
  }

  it('keeps version-1 data through the upgrade and cleans its tags for the tag index', async () => {
    const factory = new IDBFactory();
    await recordV1Database(factory);
    const db = await openScoutDb(factory);

    expect(await db.get('campaigns', 'c1')).toEqual(V1_CAMPAIGN);
    expect(await db.getAll('creators')).toEqual([...V1_CREATORS].sort((a, b) => (a.key < b.key ? -1 : 1)));
    const snapshots = await db.getAll('snapshots');
    expect(snapshots.map(({ id: _id, ...rest }) => rest)).toEqual(V1_SNAPSHOTS);
    expect(await db.get('meta', 'activeCampaignId')).toEqual({ key: 'activeCampaignId', value: 'c1' });

    for (const entry of V1_ENTRIES) {
      const stored = await db.get('entries', entry.key);
      expect(stored).toEqual({ ...entry, tags: V2_TAGS[entry.key] });
    }
    // The indexes version 2 added are filled from the old rows.
    expect((await db.getAllFromIndex('entries', 'by-status', 'contacted')).map((e) => e.key)).toEqual([
      'c1|instagram:pluto__travel',
    ]);
    expect(await listTags(db)).toEqual([
      { tag: 'travel blogger', count: 1 },
      { tag: 'VIP', count: 1 },
    ]);
    db.close();
  });

  it('leaves upgraded data that the current code reads and a backup accepts', async () => {
    const factory = new IDBFactory();
    await recordV1Database(factory);
    const db = await openScoutDb(factory);
    const status = await getCreatorStatus(db, 'instagram', 'PLUTO__travel');
    expect(status.saved).toBe(true);
    if (status.saved) {
      expect(status.followersChange?.fraction).toBeCloseTo(0.02, 10);
      expect(status.previous?.at).toBe(V1_SNAPSHOTS[0]?.at);
    }
    expect(await listCreators(db, { status: 'prospect' })).toHaveLength(1);
    const parsed = parseBackup(await exportBackup(db, 0));
    expect(parsed.ok ? 'ok' : parsed.problem).toBe('ok');
    db.close();
  });

  it('opens an existing database at the current version without running upgrades again', async () => {
    const factory = new IDBFactory();
    const first = await openScoutDb(factory);
    await first.put('entries', {
      key: 'c|instagram:a',
      campaignId: 'c',
      creatorKey: 'instagram:a',
      status: 'booked',
      notes: '',
      tags: ['x'],
      addedAt: 1,
      updatedAt: 1,
    });
    first.close();
    const second = await openScoutDb(factory);
    expect(await second.count('entries')).toBe(1);
    second.close();
  });

  it('closes itself when a newer version is opened elsewhere, so that upgrade is not blocked', async () => {
    const factory = new IDBFactory();
    const db = await openScoutDb(factory);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked'));
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(() => db.transaction('meta')).toThrow();
    newer.close();
  });
});

describe('requestPersistence', () => {
  it('reports persisted, refused and unsupported', async () => {
    let asked = 0;
    const storage = (persisted: boolean, grant: boolean) => ({
      persisted: async () => persisted,
      persist: async () => {
        asked++;
        return grant;
      },
    });
    expect(await requestPersistence(storage(true, false))).toBe('persisted');
    expect(asked).toBe(0);
    expect(await requestPersistence(storage(false, true))).toBe('persisted');
    expect(await requestPersistence(storage(false, false))).toBe('refused');
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(
      await requestPersistence({
        persisted: async () => false,
        persist: () => Promise.reject(new Error('private window')),
      }),
    ).toBe('unsupported');
  });
});
