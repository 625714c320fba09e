/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in the extension's shortlist page, so that the store's
 * operations run on the extension's own IndexedDB in Chromium: the same functions the shortlist page and the
 * background call, timed with `performance.now()` in the page. Not part of the extension.
 */
import { generateBackup, type VisitShape } from '../generate';
import {
  BACKUP_LIMITS,
  STORE_NAMES,
  applyImport,
  exportBackup,
  exportCsv,
  listCreators,
  openScoutDb,
  parseBackup,
  previewImport,
  saveCreator,
  serialiseBackup,
  type Backup,
  type ScoutDb,
  type ShortlistRow,
} from '../../lib/store';
import { sortRows, filterRows, type SortSpec, type ViewFilter } from '../../lib/shortlist/view';
import { countEntries, firstRows } from '../../lib/store/first-rows';
import { allRows } from '../../lib/store/all-rows';
import { deleteCampaign, entryKey, putCampaign } from '../../lib/store';
import type { ProfileReading } from '../../lib/reading';

let db: Promise<ScoutDb> | undefined;
let text = '';
let generated: Backup | undefined;
let rows: ShortlistRow[] = [];
const database = () => (db ??= openScoutDb(indexedDB));

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const bench = {
  /**
   * Generates a shortlist in the page and its backup text (kept here, not returned: it is tens of megabytes).
   * Returns the text's length.
   */
  generate(creators: number, shape: VisitShape = 'light', seed = 1): number {
    generated = generateBackup({ creators, shape, seed });
    text = serialiseBackup(generated);
    return text.length;
  },
  /** Whether the generated backup is small enough for the import to accept it. */
  importable(): boolean {
    return text.length <= BACKUP_LIMITS.maxChars;
  },
  /**
   * Writes the generated shortlist with the import's own write step (applyImport), without parsing the text:
   * how a shortlist too large for a backup file is put in place for the page measurements.
   */
  async populate(): Promise<number> {
    if (!generated) throw new Error('generate first');
    const start = performance.now();
    await applyImport(await database(), generated, 'replace');
    text = '';
    return performance.now() - start;
  },
  /**
   * The floor under any import on this machine: `n` records of a few bytes put in one transaction into a scratch
   * database (no index, nothing to clone but a number and a short string). Whatever the schema, an import of
   * `n` records cannot write faster than this.
   */
  async putFloor(n: number): Promise<number> {
    const name = `bench-floor-${n}-${Date.now()}`;
    const scratch = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('records', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const start = performance.now();
      const tx = scratch.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      for (let id = 0; id < n; id++) store.put({ id, text: 'creator' });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      return performance.now() - start;
    } finally {
      scratch.close();
      indexedDB.deleteDatabase(name);
    }
  },
  /** How many records the generated shortlist writes (every store), to set against the floor. */
  recordCount(): number {
    if (!generated) throw new Error('generate first');
    const { campaigns, creators, entries, histories } = generated;
    return campaigns.length + creators.length + entries.length + histories.length;
  },
  /** Empties every store. */
  async clear(): Promise<void> {
    const tx = (await database()).transaction([...STORE_NAMES], 'readwrite');
    await Promise.all([...STORE_NAMES.map((name) => tx.objectStore(name).clear()), tx.done]);
  },
  /** Imports the generated backup as the import panel does: parse and check, preview, then write. */
  async importGenerated(): Promise<{ parse: number; preview: number; apply: number; total: number }> {
    const start = performance.now();
    const parsed = await timed(() => parseBackup(text));
    if (!parsed.value.ok) throw new Error(parsed.value.problem);
    const backup = parsed.value.backup;
    const preview = await timed(async () => previewImport(await database(), backup, 'merge'));
    const apply = await timed(async () => applyImport(await database(), backup, 'merge'));
    return { parse: parsed.ms, preview: preview.ms, apply: apply.ms, total: performance.now() - start };
  },
  /** Saves one new creator to the first campaign, as the popup's Save button does through the background. */
  async saveOne(i: number): Promise<number> {
    const handle = `bench_saved_${i}`;
    const reading: ProfileReading = {
      kind: 'profile',
      platform: 'tiktok',
      url: `https://www.tiktok.com/@${handle}`,
      lang: 'en',
      readAt: Date.now(),
      handle,
      followers: {
        status: 'known',
        value: 12_345,
        text: '12.3K',
        exact: false,
        min: 12_300,
        max: 12_399,
        source: 'visible-text',
      },
      following: { status: 'unknown', reason: 'not shown' },
      posts: { status: 'unknown', reason: 'not shown' },
      totalLikes: { status: 'unknown', reason: 'not shown' },
      recentPosts: [],
    };
    const { ms } = await timed(async () =>
      saveCreator(await database(), { reading, summary: {}, campaignId: 'campaign-1', now: Date.now() }),
    );
    return ms;
  },
  async list(): Promise<{ ms: number; count: number }> {
    const { ms, value } = await timed(async () => listCreators(await database()));
    rows = value;
    return { ms, count: value.length };
  },
  /** The shortlist page's first query: the first `limit` rows by last seen, of every campaign or of one. */
  async first(limit: number, campaignId?: string): Promise<{ ms: number; count: number }> {
    const { ms, value } = await timed(async () => firstRows(await database(), limit, campaignId));
    return { ms, count: value.rows.length };
  },
  /** The count the page shows in its header while the rows load (IndexedDB counts key by key). */
  async count(): Promise<{ ms: number; count: number }> {
    const { ms, value } = await timed(async () => countEntries(await database()));
    return { ms, count: value };
  },
  /** The shortlist page's read of every row behind the first ones, in slices. */
  async all(): Promise<{ ms: number; count: number }> {
    const { ms, value } = await timed(async () => allRows(await database()));
    return { ms, count: value.length };
  },
  /** Adds campaign "bench-small" listing `n` creators spread over the shortlist (each also stays where it was). */
  async addSmallCampaign(n: number): Promise<void> {
    const db = await database();
    const [template] = await db.getAll('campaigns');
    if (!template) throw new Error('populate first');
    await putCampaign(db, { ...template, id: 'bench-small', name: 'Small campaign' });
    const keys = await db.getAllKeys('creators');
    const tx = db.transaction('entries', 'readwrite');
    for (let i = 0; i < n; i++) {
      const creatorKey = keys[Math.floor((i * keys.length) / n)]!;
      const at = Date.now();
      void tx.store.put({
        key: entryKey('bench-small', creatorKey),
        campaignId: 'bench-small',
        creatorKey,
        status: 'prospect',
        notes: '',
        tags: [],
        addedAt: at,
        updatedAt: at,
      });
    }
    await tx.done;
  },
  /**
   * Answers the shortlist page's request for the generated backup's text (bench channel "scout-bench-backup"), so
   * that the page can import it through its form without the text passing through the bench process.
   */
  serveBackupText(): void {
    const channel = new BroadcastChannel('scout-bench-backup');
    channel.onmessage = () => {
      channel.postMessage(text);
      channel.close();
    };
  },
  /**
   * Lets go of the generated shortlist and the rows this page holds. Extension pages share one renderer process,
   * and so one JS heap: what this page keeps would be counted in the shortlist page's heap measured next.
   */
  release(): void {
    generated = undefined;
    text = '';
    rows = [];
  },
  /** Removes campaign "bench-small" and its entries (its creators are on other lists, so they stay). */
  async removeSmallCampaign(): Promise<void> {
    await deleteCampaign(await database(), 'bench-small');
  },
  /** Sorts copies of the rows, so that no sort key is cached yet (as on the first click after loading). */
  sort(spec: SortSpec): number {
    const fresh = rows.map((row) => ({ ...row }));
    const start = performance.now();
    sortRows(fresh, spec);
    return performance.now() - start;
  },
  /** Filters copies of the rows, so that no search text is cached yet. */
  filter(filter: ViewFilter): number {
    const fresh = rows.map((row) => ({ ...row }));
    const start = performance.now();
    filterRows(fresh, filter);
    return performance.now() - start;
  },
  csv(): { ms: number; chars: number } {
    const start = performance.now();
    const csv = exportCsv(rows);
    return { ms: performance.now() - start, chars: csv.length };
  },
  async exportJson(): Promise<{ ms: number; chars: number }> {
    const { ms, value } = await timed(async () => exportBackup(await database(), Date.now()));
    return { ms, chars: value.length };
  },
};

(globalThis as { __scoutBench?: typeof bench }).__scoutBench = bench;
