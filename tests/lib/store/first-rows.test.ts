/**
 * The shortlist page's first rows (an index walk) against the oracle the page itself would otherwise use: every
 * row from listCreators, sorted by the view's default sort. Same rows, same order, for any number of first rows,
 * for the whole shortlist and for one campaign; and a bound on how much is read to get them. Both ways of reading
 * the latest creators are tested: IDBIndex.getAllRecords where the browser has it (Chromium), and a key cursor
 * where it does not (Firefox), here by taking getAllRecords off the fake's indexes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { IDBIndex } from 'fake-indexeddb';
import { allRows } from '../../../lib/store/all-rows';
import { compareDefaultOrder, countEntries, firstRows } from '../../../lib/store/first-rows';
import { listCreators, type ShortlistRow } from '../../../lib/store/repo';
import type { ScoutDb } from '../../../lib/store/db';
import { DEFAULT_SORT, sortRows } from '../../../lib/shortlist/view';
import { freshDb } from './helpers';
import { seedRecords, type CreatorSpec } from './seed-rows';

/** What the page showed before: every row, sorted by the default sort. */
async function oracle(db: ScoutDb, campaignId?: string): Promise<ShortlistRow[]> {
  return sortRows(await listCreators(db, campaignId === undefined ? {} : { campaignId }), DEFAULT_SORT);
}

const keys = (rows: readonly ShortlistRow[]) => rows.map((r) => r.entry.key);

/** Varied specs: ties in last seen, never-visited creators, creators on 0–3 campaigns. */
function variedSpecs(n: number): CreatorSpec[] {
  const specs: CreatorSpec[] = [];
  for (let i = 0; i < n; i++) {
    const campaigns = ['a', 'b', 'c', 'gone'].filter((_, k) => (i * 7 + k * 3) % 5 < 2);
    specs.push({ handle: `h${(i * 37) % 101}_${i}`, seen: (i * 13) % 17, unvisited: i % 9 === 4, campaigns });
  }
  return specs;
}

/** Runs `tests` once with IDBIndex.getAllRecords, once without it (as in Firefox). */
function withEachWayOfReading(tests: () => void): void {
  describe.each(['with getAllRecords', 'with a key cursor (no getAllRecords)'])('%s', (way) => {
    const getAllRecords = Object.getOwnPropertyDescriptor(IDBIndex.prototype, 'getAllRecords');
    beforeAll(() => {
      expect(getAllRecords, 'the fake has getAllRecords').toBeDefined();
      if (way !== 'with getAllRecords') delete (IDBIndex.prototype as { getAllRecords?: unknown }).getAllRecords;
    });
    afterAll(() => {
      Object.defineProperty(IDBIndex.prototype, 'getAllRecords', getAllRecords!);
    });
    tests();
  });
}

withEachWayOfReading(() => {
  describe('firstRows', () => {
    it('gives the same rows in the same order as sorting every row, for every campaign and any count', async () => {
      const { db } = await freshDb();
      await seedRecords(db, variedSpecs(120), ['ghost1', 'ghost2']);
      for (const campaignId of [undefined, 'a', 'b', 'c', 'gone', 'none']) {
        const all = await oracle(db, campaignId);
        expect(campaignId === 'none' || all.length > 10).toBe(true);
        for (const limit of [1, 2, 5, 17, 40, all.length - 1, all.length, all.length + 3]) {
          if (limit < 1) continue;
          const first = await firstRows(db, limit, campaignId);
          expect(keys(first.rows), `${campaignId} ${limit}`).toEqual(keys(all.slice(0, limit)));
          // The whole rows, campaign records included, are what the page would show.
          expect(first.rows).toEqual(all.slice(0, limit));
          expect(first.complete).toBe(limit >= all.length);
          expect(first.campaignId).toBe(campaignId);
        }
      }
    });

    it('counts every entry (entries whose creator is gone included), or one campaign’s', async () => {
      const { db } = await freshDb();
      await seedRecords(db, variedSpecs(60), ['ghost']);
      const entries = await db.getAll('entries');
      expect(await countEntries(db)).toBe(entries.length);
      expect(await countEntries(db, 'b')).toBe(entries.filter((e) => e.campaignId === 'b').length);
      expect(await countEntries(db, 'none')).toBe(0);
    });

    it('puts never-visited creators last by entry key, even when they were added after every visit', async () => {
      const { db } = await freshDb();
      await seedRecords(db, [
        { handle: 'listed_z', seen: -100, unvisited: true, campaigns: ['a'] },
        { handle: 'listed_a', seen: -50, unvisited: true, campaigns: ['b', 'a'] },
        { handle: 'seen_old', seen: 30, campaigns: ['a'] },
        { handle: 'seen_new', seen: 1, campaigns: ['b'] },
      ]);
      const first = await firstRows(db, 10);
      expect(keys(first.rows)).toEqual([
        'b|tiktok:seen_new',
        'a|tiktok:seen_old',
        'a|tiktok:listed_a',
        'a|tiktok:listed_z',
        'b|tiktok:listed_a',
      ]);
      expect(first.complete).toBe(true);
      expect(keys((await firstRows(db, 3)).rows)).toEqual(keys(first.rows.slice(0, 3)));
      expect((await firstRows(db, 3)).complete).toBe(false);
      // Exactly the visited rows: complete only if no never-visited row follows.
      expect((await firstRows(db, 2)).complete).toBe(false);
    });

    it('is empty and complete for an empty shortlist', async () => {
      const { db } = await freshDb();
      expect(await firstRows(db, 20)).toEqual({ rows: [], complete: true });
      expect(await firstRows(db, 20, 'a')).toEqual({ rows: [], complete: true, campaignId: 'a' });
    });

    it('agrees with sorting every row on any small shortlist (property)', async () => {
      const spec = fc.record({
        handle: fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/),
        seen: fc.integer({ min: 0, max: 6 }),
        unvisited: fc.boolean(),
        campaigns: fc.subarray(['a', 'b', 'c']),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(spec, { selector: (s) => s.handle, maxLength: 25 }),
          fc.integer({ min: 1, max: 30 }),
          fc.constantFrom(undefined, 'a', 'b'),
          async (specs, limit, campaignId) => {
            const { db } = await freshDb();
            await seedRecords(db, specs);
            const all = await oracle(db, campaignId);
            const first = await firstRows(db, limit, campaignId);
            expect(keys(first.rows)).toEqual(keys(all.slice(0, limit)));
            expect(first.complete).toBe(limit >= all.length);
            db.close();
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});

describe('compareDefaultOrder', () => {
  it('is the order of the view’s default sort', async () => {
    const { db } = await freshDb();
    await seedRecords(db, variedSpecs(80), ['ghost']);
    const rows = await listCreators(db);
    expect(keys([...rows].sort(compareDefaultOrder))).toEqual(keys(sortRows(rows, DEFAULT_SORT)));
  });
});

withEachWayOfReading(() => {
  describe('what firstRows reads', () => {
    /**
     * Counts the records read. fake-indexeddb copies every record it hands out (cursor value, get, getAll) with the
     * global structuredClone, as a browser deserialises it: that is the cost that grows with what is read. Counted
     * once per record (the fake copies an index cursor's value twice).
     */
    function countRecords(): () => number {
      const clone = globalThis.structuredClone;
      const read = new Set<unknown>();
      vi.spyOn(globalThis, 'structuredClone').mockImplementation(((
        value: unknown,
        options?: StructuredSerializeOptions,
      ) => {
        if (typeof value === 'object' && value !== null) {
          const record = value as { key?: unknown; id?: unknown };
          read.add(record.key ?? record.id);
        }
        return clone(value, options);
      }) as typeof structuredClone);
      return () => read.size;
    }
    afterEach(() => vi.restoreAllMocks());

    // 3,000 creators: campaign "a" holds 30 of them, "b" half, "c" the rest; each seen at another time.
    async function large(): Promise<ScoutDb> {
      const { db } = await freshDb();
      const specs: CreatorSpec[] = [];
      for (let i = 0; i < 3000; i++) {
        specs.push({ handle: `c${i}`, seen: (i * 7919) % 3001, campaigns: [i % 100 === 0 ? 'a' : i % 2 ? 'b' : 'c'] });
      }
      await seedRecords(db, specs);
      return db;
    }

    it('reads about as many records as it shows, not the whole shortlist', async () => {
      const db = await large();
      const expected = keys((await oracle(db)).slice(0, 40));
      const records = countRecords();
      const first = await firstRows(db, 40);
      // 40 creators and their 40 entries, the next creator (to see the tie is over), the 3 campaigns.
      expect(records()).toBeLessThan(100);
      expect(keys(first.rows)).toEqual(expected);
    });

    it('stays quick for a campaign that is a small or a large part of the shortlist', async () => {
      const db = await large();
      for (const campaignId of ['a', 'b']) {
        const expected = keys((await oracle(db, campaignId)).slice(0, 40));
        const records = countRecords();
        const first = await firstRows(db, 40, campaignId);
        const read = records();
        vi.restoreAllMocks();
        // Walking the index for the 30 rows of "a" would read all 3,000 creators; reading that small campaign
        // directly reads its 30 entries and their creators. "b" (1,500 entries) is found by walking about 80.
        expect(read, campaignId).toBeLessThan(campaignId === 'a' ? 70 : 250);
        expect(keys(first.rows)).toEqual(expected);
      }
    });
  });
});

describe('allRows', () => {
  it('reads the same rows as listCreators, slice by slice, reporting progress', async () => {
    const { db } = await freshDb();
    await seedRecords(db, variedSpecs(50), ['ghost', 'zz_ghost']);
    const expected = await listCreators(db);
    const progress: number[] = [];
    for (const slice of [1, 7, 50, 1000]) {
      progress.length = 0;
      const rows = await allRows(db, { slice, onProgress: (n) => progress.push(n) });
      const byKey = (list: ShortlistRow[]) => [...list].sort((x, y) => (x.entry.key < y.entry.key ? -1 : 1));
      expect(byKey(rows)).toEqual(byKey(expected));
      expect(progress.at(-1)).toBe(expected.length);
      expect(progress).toEqual([...progress].sort((x, y) => x - y));
      expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(50 / slice));
    }
  });

  it('reads an empty shortlist as no rows', async () => {
    const { db } = await freshDb();
    expect(await allRows(db)).toEqual([]);
  });
});
