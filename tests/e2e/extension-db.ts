/**
 * The extension's own IndexedDB as the E2E tests see it: read, cleared and seeded from a page of the extension's
 * origin with the raw IndexedDB API, never with the store's code (lib/store), so that a bug there cannot hide
 * itself. Works on every schema version: visits are read from `snapshots` (versions 1–2) or `histories` (3 on).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { DB_NAME } from '../../lib/store/schema';
import type { Scout } from './harness';

/** Every record of every store, in key order, and the database's version. */
export interface DbDump {
  version: number;
  stores: Record<string, { key: unknown; value: unknown }[]>;
}

/**
 * A tab in the extension's origin that runs none of the extension's code: its manifest, as Chromium shows it. It
 * can use the origin's IndexedDB without opening the shortlist database the way the extension does.
 */
export async function openProbe(scout: Scout): Promise<Page> {
  const page = await scout.context.newPage();
  await page.goto(`chrome-extension://${scout.extensionId}/manifest.json`);
  return page;
}

/**
 * The whole database as it is now, or undefined when there is none (looking never creates it). The functions run
 * in the page define no named helpers: some TypeScript runners (tsx) wrap those in a `__name` call that does not
 * exist there.
 */
export async function dumpDb(probe: Page): Promise<DbDump | undefined> {
  return probe.evaluate(
    (name) =>
      new Promise<DbDump | undefined>((resolve, reject) => {
        const request = indexedDB.open(name);
        // Opening without a version would create a missing database at version 1, empty: abort that instead.
        request.onupgradeneeded = () => request.transaction!.abort();
        request.onerror = () => (request.error?.name === 'AbortError' ? resolve(undefined) : reject(request.error));
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const stores: DbDump['stores'] = {};
          if (names.length === 0) {
            db.close();
            return resolve({ version: db.version, stores });
          }
          const tx = db.transaction(names);
          for (const store of names) {
            const records: DbDump['stores'][string] = (stores[store] = []);
            const cursor = tx.objectStore(store).openCursor();
            cursor.onsuccess = () => {
              if (!cursor.result) return;
              records.push({ key: cursor.result.key, value: cursor.result.value });
              cursor.result.continue();
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve({ version: db.version, stores });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );
}

/**
 * Deletes the database. Every connection the extension holds closes itself when asked (lib/store/db.ts), so a
 * deletion still blocked after a few seconds means one did not: that fails here rather than hanging.
 */
export async function deleteDb(probe: Page): Promise<void> {
  await probe.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        const timer = setTimeout(
          () => reject(new Error('deleting the database is blocked by an open connection')),
          5000,
        );
        request.onsuccess = () => {
          clearTimeout(timer);
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    DB_NAME,
  );
}

/** Removes every saved creator, entry and visit, keeping campaigns and settings, between tests. */
export async function clearShortlist(probe: Page): Promise<void> {
  await probe.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const stores = [...db.objectStoreNames].filter((s) => s !== 'campaigns' && s !== 'meta');
          const tx = db.transaction(stores, 'readwrite');
          for (const store of stores) tx.objectStore(store).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );
}

/** The records of `store`'s values, or none when the store does not exist at this version. */
export function recordsOf<T>(dump: DbDump | undefined, store: string): T[] {
  return (dump?.stores[store] ?? []).map((r) => r.value as T);
}

/**
 * Each creator's visit times, oldest first: one snapshot record per visit (versions 1–2), or the visits of the
 * creator's one history record (version 3 on).
 */
export function visitsOf(dump: DbDump | undefined): Map<string, number[]> {
  const visits = new Map<string, number[]>();
  const add = (creatorKey: string, at: number) => visits.set(creatorKey, [...(visits.get(creatorKey) ?? []), at]);
  for (const s of recordsOf<{ creatorKey: string; at: number }>(dump, 'snapshots')) add(s.creatorKey, s.at);
  for (const h of recordsOf<{ creatorKey: string; visits: { at: number }[] }>(dump, 'histories')) {
    for (const visit of h.visits) add(h.creatorKey, visit.at);
  }
  for (const times of visits.values()) times.sort((a, b) => a - b);
  return visits;
}

/** What the shortlist holds for one creator: its records, entries and visits, each counted. */
export function holdingOf(dump: DbDump | undefined, creatorKey: string) {
  return {
    creators: recordsOf<{ key: string }>(dump, 'creators').filter((c) => c.key === creatorKey).length,
    entries: recordsOf<{ creatorKey: string; key: string }>(dump, 'entries')
      .filter((e) => e.creatorKey === creatorKey)
      .map((e) => e.key),
    visits: visitsOf(dump).get(creatorKey)?.length ?? 0,
  };
}

// ——— databases recorded at earlier schema versions ———

const RECORDED_DIR = path.resolve(import.meta.dirname, '../lib/store/recorded');

/** One tests/lib/store/recorded/v<N>.ts, bundled to run in a page. */
export interface RecordedDatabase {
  version: number;
  file: string;
  /** An expression that writes the recorded database into the page's `indexedDB` and resolves when it is closed. */
  script: string;
}

/**
 * Every database recorded at an earlier schema version, oldest first. Each module exports a function
 * `record…Database(factory, name?)` that creates the database at its version with the raw API and fills it
 * (v1.ts: recordV1Database); that function is what runs in the page.
 */
export async function recordedDatabases(): Promise<RecordedDatabase[]> {
  const files = fs.readdirSync(RECORDED_DIR).filter((f) => /^v\d+\.ts$/.test(f));
  const recorded = await Promise.all(
    files.map(async (file) => {
      const result = await build({
        entryPoints: [path.join(RECORDED_DIR, file)],
        bundle: true,
        format: 'iife',
        globalName: '__scoutRecorded',
        target: 'es2022',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      const script = `${result.outputFiles[0]!.text}
        (() => {
          const found = Object.entries(__scoutRecorded).filter(([name, value]) => /^record\\w*Database$/.test(name) && typeof value === 'function');
          if (found.length !== 1) throw new Error(${JSON.stringify(file)} + ' must export one record…Database function, not ' + found.length);
          return found[0][1](indexedDB);
        })()`;
      return { version: Number(file.slice(1, -3)), file, script };
    }),
  );
  return recorded.sort((a, b) => a.version - b.version);
}

// ——— a full disk ———

/**
 * Tries to write a few bytes to a database of its own in the extension's origin: "written", or the name of the
 * error the browser gave ("QuotaExceededError" once a quota is enforced). The database is deleted again.
 */
export async function probeWrite(probe: Page): Promise<string> {
  return probe.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const name = 'creator-scout-quota-probe';
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => request.result.createObjectStore('probe');
        request.onerror = () => resolve(request.error?.name ?? 'open failed');
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('probe', 'readwrite');
          tx.objectStore('probe').put('x'.repeat(1024), Date.now());
          tx.oncomplete = tx.onabort = () => {
            db.close();
            indexedDB.deleteDatabase(name);
            resolve(tx.error?.name ?? 'written');
          };
        };
      }),
  );
}
