/**
 * Every shortlist row, read in slices of creators so that the page stays responsive while a long shortlist
 * loads behind its first rows (first-rows.ts).
 *
 * One `getAll` of 50,000 records hands the page all of them at once, to be turned into objects in one long task;
 * slices of a few thousand let the page handle scrolling and typing in between, and report progress. Each slice
 * is its own short read transaction (the creators with keys in a range and their entries, through the
 * `by-creator` index), so a save from the popup is never held up behind the whole load, and every creator comes
 * with its entries as they were at one moment.
 */
import type { IDBPTransaction } from 'idb';
import type { ScoutDb } from './db';
import type { ScoutDBSchema, ShortlistEntry } from './schema';
import type { ShortlistRow } from './repo';
import { withCampaign } from './first-rows';

type ReadTx = IDBPTransaction<ScoutDBSchema, ('creators' | 'entries')[], 'readonly'>;

/** Creators read per slice: large enough that the per-slice overhead is small, small enough to stay responsive. */
export const SLICE = 2_000;

export interface AllRowsOptions {
  /** Creators per slice (default {@link SLICE}). */
  slice?: number;
  /** Called after each slice with the number of rows read so far. */
  onProgress?: (rows: number) => void;
}

/**
 * The same rows as listCreators (entry × creator × campaign; entries whose creator is missing are left out), in
 * no particular order: the page sorts them.
 */
export async function allRows(
  db: ScoutDb,
  { slice = SLICE, onProgress }: AllRowsOptions = {},
): Promise<ShortlistRow[]> {
  const campaigns = new Map((await db.getAll('campaigns')).map((c) => [c.id, c] as const));
  const rows: ShortlistRow[] = [];
  let after: string | undefined;
  for (;;) {
    const tx = db.transaction(['creators', 'entries'], 'readonly') as ReadTx;
    const creators = await tx
      .objectStore('creators')
      .getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), slice);
    const last = creators[creators.length - 1];
    if (!last) break;
    // The entries of exactly these creators: creator keys after the previous slice's last, up to this one's.
    const range = after === undefined ? IDBKeyRange.upperBound(last.key) : IDBKeyRange.bound(after, last.key, true);
    const entries = await tx.objectStore('entries').index('by-creator').getAll(range);
    await tx.done;
    const byCreator = new Map<string, ShortlistEntry[]>();
    for (const entry of entries) {
      const list = byCreator.get(entry.creatorKey);
      if (list) list.push(entry);
      else byCreator.set(entry.creatorKey, [entry]);
    }
    for (const creator of creators) {
      for (const entry of byCreator.get(creator.key) ?? []) rows.push(withCampaign({ entry, creator }, campaigns));
    }
    onProgress?.(rows.length);
    if (creators.length < slice) break;
    after = last.key;
  }
  return rows;
}
