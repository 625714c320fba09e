/**
 * The shortlist page's first screenful, read through an index instead of the whole store.
 *
 * The page's default order is "last seen, newest first" (view.ts's DEFAULT_SORT), which is the creators'
 * `by-lastSeen` index read backwards. So the first rows come from walking that index a few dozen steps and
 * joining each creator's entries, whatever the size of the shortlist; everything else is loaded afterwards
 * (all-rows.ts) for sorting, filtering and counts.
 *
 * The rows returned are exactly the first `limit` rows that sorting every row by last seen would give (the unit
 * tests check this against listCreators + sortRows): rows of creators seen at the same instant are ordered by
 * entry key, and creators added from a list and never visited (no date to sort by) come last, by entry key.
 */
import { unwrap, wrap, type IDBPIndex, type IDBPTransaction } from 'idb';
import type { ScoutDb } from './db';
import { entryKey, type CampaignRecord, type CreatorRecord, type ScoutDBSchema, type ShortlistEntry } from './schema';
import type { ShortlistRow } from './repo';

type ReadTx = IDBPTransaction<ScoutDBSchema, ('creators' | 'entries' | 'campaigns')[], 'readonly'>;

/** The first rows of the shortlist (or of one campaign's). */
export interface FirstRows {
  /** At most `limit` rows, in the default order. */
  rows: ShortlistRow[];
  /** True when `rows` are all the rows there are (of the campaign, if one was asked for). */
  complete: boolean;
  /** The campaign asked for, if any. */
  campaignId?: string;
}

/**
 * A campaign of at most this many entries per first row asked for is read directly rather than by walking the
 * creators index: at most 2,000 entries (and their creators) for 80 rows. Walking finds a campaign of `n` entries
 * out of `N` after about `limit·N/n` creators, so a larger campaign is walked in at most `N/25` creators (2,000 of
 * 50,000): both ways stay near √(limit·N) reads for the largest shortlists the page is built for.
 */
const DIRECT_PER_ROW = 25;

/**
 * The first `limit` rows in the default order, of every campaign or of `campaignId`'s only.
 *
 * Cost: for every campaign, about `limit` creators read from the index and their entries. For one campaign, see
 * {@link DIRECT_PER_ROW}. Nothing here counts a whole store (IndexedDB counts by reading every key): the page asks
 * {@link countEntries} once the first rows are on screen.
 */
export async function firstRows(db: ScoutDb, limit: number, campaignId?: string): Promise<FirstRows> {
  const tx = db.transaction(['creators', 'entries', 'campaigns'], 'readonly') as ReadTx;
  const campaignsRead = tx.objectStore('campaigns').getAll();
  const entries = tx.objectStore('entries');
  let result: { rows: Joined[]; complete: boolean };
  if (campaignId === undefined) {
    const byCreator = entries.index('by-creator');
    result = await walk(tx, limit, (c) => byCreator.getAll(c.key), unvisitedTail(tx));
  } else {
    const byCampaign = entries.index('by-campaign');
    // Keys alone, and no more than can decide: is the campaign small enough to read whole?
    const max = DIRECT_PER_ROW * Math.max(limit, 1);
    if ((await byCampaign.getAllKeys(campaignId, max + 1)).length <= max) {
      result = await direct(tx, limit, await byCampaign.getAll(campaignId));
    } else {
      const lookup = (c: CreatorRecord) =>
        entries.get(entryKey(campaignId, c.key)).then((entry) => (entry ? [entry] : []));
      result = await walk(tx, limit, lookup, unvisitedTail(tx, campaignId));
    }
  }
  const campaigns = new Map((await campaignsRead).map((c) => [c.id, c] as const));
  // Every answer is in: a read-only transaction's results are final, and waiting for it to complete would cost
  // the page another round trip to the database before it can draw the rows. Should it still fail (the database
  // closed under it), no one needs to hear: the rows came.
  tx.done.catch(() => undefined);
  return {
    rows: result.rows.map((row) => withCampaign(row, campaigns)),
    complete: result.complete,
    ...(campaignId === undefined ? {} : { campaignId }),
  };
}

/**
 * How many shortlist entries there are (in one campaign): the number of rows once every row is read, unless some
 * entry's creator record is missing (such entries are not shown). IndexedDB counts by reading every key, so this
 * takes a while on a long shortlist; the page asks for it after showing the first rows.
 */
export async function countEntries(db: ScoutDb, campaignId?: string): Promise<number> {
  return campaignId === undefined ? db.count('entries') : db.countFromIndex('entries', 'by-campaign', campaignId);
}

/** The default order: last seen newest first, never-visited creators last, ties by entry key. */
export function compareDefaultOrder(a: ShortlistRow, b: ShortlistRow): number {
  const x = a.creator.unvisited ? undefined : a.creator.lastSeen;
  const y = b.creator.unvisited ? undefined : b.creator.lastSeen;
  if (x !== y) {
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return y - x;
  }
  return byEntryKey(a, b);
}

function byEntryKey(a: ShortlistRow, b: ShortlistRow): number {
  return a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0;
}

/** A row without its campaign yet (campaigns are read once and attached at the end). */
type Joined = Omit<ShortlistRow, 'campaign'>;

/** A row as listCreators makes it: the campaign only when its record exists. */
export function withCampaign(row: Joined, campaigns: ReadonlyMap<string, CampaignRecord>): ShortlistRow {
  const campaign = campaigns.get(row.entry.campaignId);
  return campaign ? { entry: row.entry, creator: row.creator, campaign } : { entry: row.entry, creator: row.creator };
}

type EntriesOf = (creator: CreatorRecord) => Promise<ShortlistEntry[]>;
type Tail = (
  unvisited: ReadonlyMap<string, CreatorRecord>,
  want: number,
) => Promise<{ rows: Joined[]; complete: boolean }>;

/**
 * Reads the creators from the latest seen, in slices, asking `entriesOf` for each one's entries, until the rows
 * found are more than `limit` (one more than shown, so that `complete` is exact) or every creator is read.
 *
 * A slice is the creators of the latest instants (see {@link latestInstants}); whole instants are read at once, so
 * creators seen at the same instant are always together and the tie order by entry key can be kept. The entry
 * requests are sent together and answered in order. (A cursor stepping creator by creator waits for one answer per
 * creator: some 80 waits instead of 2 to 4 for the first screenful.) Never-visited creators are set aside for the
 * tail.
 */
async function walk(
  tx: ReadTx,
  limit: number,
  entriesOf: EntriesOf,
  tail: Tail,
): Promise<{ rows: Joined[]; complete: boolean }> {
  const index = tx.objectStore('creators').index('by-lastSeen');
  const target = limit + 1;
  const rows: Joined[] = [];
  const unvisited = new Map<string, CreatorRecord>();
  let read = 0;
  // Creators seen at this time or later are read.
  let upper: number | undefined;
  let step = target;
  for (;;) {
    const rest = upper === undefined ? null : IDBKeyRange.upperBound(upper, true);
    const { slice, lower } = await latestInstants(index, rest, step);
    const visited: CreatorRecord[] = [];
    for (let i = slice.length - 1; i >= 0; i--) {
      const creator = slice[i]!;
      if (creator.unvisited) unvisited.set(creator.key, creator);
      else visited.push(creator);
    }
    const lists = await Promise.all(visited.map(entriesOf));
    for (const row of inDefaultOrder(visited, lists)) rows.push(row);
    read += slice.length;
    if (lower === undefined) break;
    if (rows.length >= target) return { rows: rows.slice(0, limit), complete: false };
    upper = lower;
    // Read on at the rate rows were found so far (in one campaign, most creators have none), at most doubling
    // what was read, so that a rough estimate costs few extra reads and few waits.
    const missing = target - rows.length;
    step = Math.max(missing, Math.min(read, Math.ceil((missing * read) / Math.max(rows.length, 1))));
  }
  // Every creator was read: the never-visited ones' rows (if any) come next.
  const more = rows.length >= target ? { rows: [], complete: false } : await tail(unvisited, target - rows.length);
  const all = [...rows, ...more.rows];
  return { rows: all.slice(0, limit), complete: more.complete && all.length <= limit };
}

type LastSeenIndex = IDBPIndex<ScoutDBSchema, ('creators' | 'entries' | 'campaigns')[], 'creators', 'by-lastSeen'>;

/** One record as IDBIndex.getAllRecords gives it. */
interface IndexRecord<V> {
  key: IDBValidKey;
  primaryKey: IDBValidKey;
  value: V;
}
/** IDBIndex with getAllRecords (Chrome 141 on; not yet in Firefox, nor in TypeScript's DOM types). */
type RecordsIndex = IDBIndex & {
  getAllRecords?(options: {
    query?: IDBKeyRange | null;
    count?: number;
    direction?: IDBCursorDirection;
  }): IDBRequest<IndexRecord<CreatorRecord>[]>;
};

/**
 * The creators seen in `range` at the latest times, at least `step` of them (fewer only when `range` holds fewer),
 * always whole instants: oldest first, as `getAll` gives them. `lower` is the earliest time read, undefined when
 * the slice is everything in `range`.
 *
 * Every request waits for the page's main thread to take its answer, so the fewer the better. Where the browser
 * has getAllRecords, one request reads the latest `step + 1` creators newest first; the extra one shows whether the
 * last instant read is whole, and only when it is not is that instant read again whole. Elsewhere a key cursor
 * read backwards jumps (`advance`) to the step-th latest time and one `getAll` takes every creator from then on:
 * three requests.
 */
async function latestInstants(
  index: LastSeenIndex,
  range: IDBKeyRange | null,
  step: number,
): Promise<{ slice: CreatorRecord[]; lower?: number }> {
  const raw = unwrap(index) as RecordsIndex;
  if (typeof raw.getAllRecords === 'function') {
    const request = raw.getAllRecords({ query: range, count: step + 1, direction: 'prev' });
    const records = (await wrap(request)) as IndexRecord<CreatorRecord>[];
    if (records.length <= step) return { slice: records.map((r) => r.value).reverse() };
    const lower = records[step - 1]!.key as number;
    const newer = records.slice(0, step);
    if (records[step]!.key !== lower) return { slice: newer.map((r) => r.value).reverse(), lower };
    // The step-th latest instant goes on past what was read: read it whole, after the creators seen later.
    const later = newer.filter((r) => r.key !== lower).map((r) => r.value);
    return { slice: [...(await index.getAll(IDBKeyRange.only(lower))), ...later.reverse()], lower };
  }
  let cursor = await index.openKeyCursor(range, 'prev');
  if (cursor && step > 1) cursor = await cursor.advance(step - 1);
  if (!cursor) return { slice: await index.getAll(range) };
  const lower = cursor.key as number;
  const upper = range?.upper as number | undefined;
  const from = upper === undefined ? IDBKeyRange.lowerBound(lower) : IDBKeyRange.bound(lower, upper, false, true);
  return { slice: await index.getAll(from), lower };
}

/** The creators' rows in the default order: creators come latest seen first; ties go by entry key. */
function inDefaultOrder(creators: readonly CreatorRecord[], lists: readonly ShortlistEntry[][]): Joined[] {
  const rows: Joined[] = [];
  let group: Joined[] = [];
  for (let i = 0; i < creators.length; i++) {
    const creator = creators[i]!;
    for (const entry of lists[i]!) group.push({ entry, creator });
    const next = creators[i + 1];
    if (!next || next.lastSeen !== creator.lastSeen) {
      for (const row of group.sort(byEntryKey)) rows.push(row);
      group = [];
    }
  }
  return rows;
}

/**
 * The rows of never-visited creators, which sort after every visited one, by entry key: the entries store's own
 * key order, filtered to those creators (and to one campaign's key range). Reached only when every creator was
 * read and the visited ones' rows were too few, so the entries passed over are about `limit` at most.
 */
function unvisitedTail(tx: ReadTx, campaignId?: string): Tail {
  return async (unvisited, want) => {
    const rows: Joined[] = [];
    if (unvisited.size === 0) return { rows, complete: true };
    // Entry keys are "campaignId|creatorKey": one campaign's are the keys from "id|" up to (not including) "id}".
    const range = campaignId === undefined ? null : IDBKeyRange.bound(`${campaignId}|`, `${campaignId}}`, false, true);
    let cursor = await tx.objectStore('entries').openCursor(range);
    while (cursor) {
      const entry = cursor.value;
      const creator = unvisited.get(entry.creatorKey);
      if (creator && (campaignId === undefined || entry.campaignId === campaignId)) {
        if (rows.length === want) return { rows, complete: false };
        rows.push({ entry, creator });
      }
      cursor = await cursor.continue();
    }
    return { rows, complete: true };
  };
}

/** One campaign's rows read directly: all its entries (already read), then each one's creator, sorted here. */
async function direct(
  tx: ReadTx,
  limit: number,
  entries: readonly ShortlistEntry[],
): Promise<{ rows: Joined[]; complete: boolean }> {
  const creators = tx.objectStore('creators');
  const found = await Promise.all(entries.map((entry) => creators.get(entry.creatorKey)));
  const rows: Joined[] = [];
  entries.forEach((entry, i) => {
    const creator = found[i];
    if (creator) rows.push({ entry, creator });
  });
  rows.sort(compareDefaultOrder);
  return { rows: rows.slice(0, limit), complete: rows.length <= limit };
}
