import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { freshDb } from './helpers';
import { V1_CAMPAIGN, V1_CREATORS, V1_ENTRIES, V1_SNAPSHOTS, V2_TAGS, recordV1Database } from './recorded/v1';
import { V2_CAMPAIGN, V2_CREATORS, V2_ENTRIES, V2_SNAPSHOTS, V3_HISTORIES, recordV2Database } from './recorded/v2';
import { openScoutDb, requestPersistence, type ScoutDb } from '../../../lib/store/db';
import { DB_NAME, DB_VERSION, STORE_NAMES } from '../../../lib/store/schema';
import { getCreatorStatus, history, listCreators, listTags, recordVisit } from '../../../lib/store/repo';
import { exportBackup, importBackup, parseBackup } from '../../../lib/store/backup';
import { latestSignals } from '../../../lib/shortlist/latest-assessment';
import { reading } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const byKey = <T extends { key: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));
const byCreator = <T extends { creatorKey: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.creatorKey < b.creatorKey ? -1 : 1));

/** What version 3 makes of V1_SNAPSHOTS (V1's assessment is not of the shape version 2 stored: no figures). */
const V1_AS_HISTORIES = [
  {
    creatorKey: 'instagram:ana.viaja',
    visits: [
      {
        at: V1_SNAPSHOTS[2]!.at,
        followers: { status: 'known', value: 900, exact: true },
        following: { status: 'known', value: 10, exact: true },
        posts: { status: 'known', value: 5, exact: true },
        totalLikes: { status: 'unknown' },
        reading: V1_SNAPSHOTS[2]!.reading,
      },
    ],
  },
  {
    creatorKey: 'instagram:pluto__travel',
    visits: [
      {
        at: V1_SNAPSHOTS[0]!.at,
        followers: { status: 'known', value: 10_000, exact: true },
        following: { status: 'known', value: 10, exact: true },
        posts: { status: 'known', value: 5, exact: true },
        totalLikes: { status: 'unknown' },
      },
      {
        at: V1_SNAPSHOTS[1]!.at,
        followers: { status: 'known', value: 10_200, exact: true },
        following: { status: 'known', value: 10, exact: true },
        posts: { status: 'known', value: 5, exact: true },
        totalLikes: { status: 'unknown' },
        reading: V1_SNAPSHOTS[1]!.reading,
      },
    ],
  },
];

/** Opens `name` in `factory` at exactly `version` with the raw API (no upgrade of ours runs). */
function openRaw(factory: IDBFactory, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

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
  2: (factory) => recordV2Database(factory),
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

  it('keeps version-1 data through the upgrades, cleans its tags and turns its snapshots into histories', async () => {
    const factory = new IDBFactory();
    await recordV1Database(factory);
    const db = await openScoutDb(factory);

    expect(await db.get('campaigns', 'c1')).toEqual(V1_CAMPAIGN);
    expect(await db.getAll('creators')).toEqual(byKey(V1_CREATORS));
    expect(await db.getAll('histories')).toEqual(V1_AS_HISTORIES);
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

  it('keeps version-2 data through the upgrade: every snapshot a visit, the latest whole, nothing else changed', async () => {
    const factory = new IDBFactory();
    await recordV2Database(factory);
    const db = await openScoutDb(factory);

    expect([...db.objectStoreNames]).not.toContain('snapshots');
    expect(await db.getAll('campaigns')).toEqual([V2_CAMPAIGN]);
    expect(await db.getAll('creators')).toEqual(byKey(V2_CREATORS));
    expect(await db.getAll('entries')).toEqual(byKey(V2_ENTRIES));
    expect(await db.get('meta', 'activeCampaignId')).toEqual({ key: 'activeCampaignId', value: 'c1' });
    expect(await db.getAll('histories')).toEqual(byCreator(V3_HISTORIES));

    // No visit lost or repeated: one visit per snapshot, at its time and with its follower count.
    const visits = (await db.getAll('histories')).flatMap((h) => h.visits.map((v) => ({ key: h.creatorKey, v })));
    expect(visits).toHaveLength(V2_SNAPSHOTS.length);
    for (const snapshot of V2_SNAPSHOTS) {
      const visit = visits.find(({ key, v }) => key === snapshot.creatorKey && v.at === snapshot.at)?.v;
      const followers = snapshot.reading.followers as { status: string; value?: number };
      expect(visit?.followers.status).toBe(followers.status);
      if (visit?.followers.status === 'known') expect(visit.followers.value).toBe(followers.value);
    }
    // The never-visited creator has no history, as it had no snapshot.
    expect(await history(db, 'x:kikobeats')).toEqual([]);
    db.close();
  });

  for (const [version, record] of [
    [1, recordV1Database],
    [2, recordV2Database],
  ] as const) {
    it(`leaves upgraded version-${version} data that the current code reads, writes and backs up`, async () => {
      const factory = new IDBFactory();
      await record(factory);
      const db = await openScoutDb(factory);
      const text = await exportBackup(db, 0);
      const parsed = parseBackup(text);
      expect(parsed.ok ? 'ok' : parsed.problem).toBe('ok');
      // The backup restores the same store into a new profile, and exports the same file from there.
      const { db: copy } = await freshDb();
      expect((await importBackup(copy, text, 'replace')).ok).toBe(true);
      expect(await exportBackup(copy, 0)).toBe(text);
      // A new visit is added to the converted history; the visit before it loses its reading, as any would.
      const before = (await db.getAll('histories'))[0]!;
      const [platform, handle] = before.creatorKey.split(':') as ['instagram' | 'tiktok', string];
      const latest = before.visits.at(-1)!;
      const next = reading(latest.reading!.handle, 1_000_000, { platform });
      const status = await recordVisit(db, next, undefined, {}, latest.at + 30 * 86_400_000);
      expect(status.saved && status.previous?.at).toBe(latest.at);
      const after = await history(db, before.creatorKey);
      expect(after).toHaveLength(before.visits.length + 1);
      expect(after.at(-2)).toEqual({ ...latest, reading: undefined, assessment: undefined });
      expect(handle).toBe(latest.reading!.handle.toLowerCase());
      db.close();
      copy.close();
    });
  }

  it('reads the upgraded version-1 data as version 1 showed it: status, follower change, lists', async () => {
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
    db.close();
  });

  it('reads the upgraded version-2 data as version 2 showed it: follower change, signals, history', async () => {
    const factory = new IDBFactory();
    await recordV2Database(factory);
    const db = await openScoutDb(factory);
    const status = await getCreatorStatus(db, 'tiktok', 'IlloJuan');
    expect(status.saved && status.followersChange).toEqual({
      from: 771_000,
      to: 783_400,
      delta: 12_400,
      fraction: 12_400 / 771_000,
      since: V2_SNAPSHOTS[2]!.at,
      exact: false,
    });
    expect(status.saved && status.lastSeen).toBe(V2_SNAPSHOTS[5]!.at);
    const visits = await history(db, 'tiktok:illojuan');
    expect(visits.map((v) => v.at)).toEqual([V2_SNAPSHOTS[0]!.at, V2_SNAPSHOTS[2]!.at, V2_SNAPSHOTS[5]!.at]);
    expect(latestSignals(visits)).toEqual({ raised: 1, checked: 2, labels: ['Many followers, few posts'] });
    // A creator whose latest visit read no follower count: no change to report.
    const pluto = await getCreatorStatus(db, 'instagram', 'pluto__travel');
    expect(pluto.saved && pluto.followersChange).toBeUndefined();
    expect(await listTags(db)).toEqual([
      { tag: 'gaming', count: 1 },
      { tag: 'tech', count: 1 },
      { tag: 'viajes', count: 1 },
      { tag: 'VIP', count: 1 },
    ]);
    db.close();
  });

  it('keeps the later-written of two version-2 snapshots at the same instant, as one visit', async () => {
    const factory = new IDBFactory();
    await recordV2Database(factory);
    const raw = await openRaw(factory, 2);
    const again = {
      ...V2_SNAPSHOTS[4]!,
      reading: { ...V2_SNAPSHOTS[4]!.reading, followers: V2_SNAPSHOTS[0]!.reading.followers },
    };
    await new Promise((resolve, reject) => {
      const tx = raw.transaction('snapshots', 'readwrite');
      tx.objectStore('snapshots').add(again);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    raw.close();
    const db = await openScoutDb(factory);
    const visits = await history(db, 'instagram:pluto__travel');
    expect(visits.map((v) => v.at)).toEqual([V2_SNAPSHOTS[1]!.at, V2_SNAPSHOTS[4]!.at]);
    expect(visits[1]?.followers).toEqual({ status: 'known', value: 760_000, exact: false });
    db.close();
  });

  it('leaves a version-2 database whole at version 2 when converting it fails', async () => {
    const factory = new IDBFactory();
    await recordV2Database(factory);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'histories') throw new DOMException('Simulated failure', 'UnknownError');
      return put.apply(this, args);
    });
    await expect(openScoutDb(factory)).rejects.toBeDefined();
    vi.restoreAllMocks();
    const raw = await openRaw(factory, 2);
    expect(raw.version).toBe(2);
    expect([...raw.objectStoreNames]).toContain('snapshots');
    const count = await new Promise<number>((resolve) => {
      const request = raw.transaction('snapshots').objectStore('snapshots').count();
      request.onsuccess = () => resolve(request.result);
    });
    expect(count).toBe(V2_SNAPSHOTS.length);
    raw.close();
    // Once the failure is gone, the upgrade runs.
    const db = await openScoutDb(factory);
    expect(await db.count('histories')).toBe(V3_HISTORIES.length);
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
