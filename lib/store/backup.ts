/**
 * The JSON backup of everything the store holds, and its import.
 *
 * Format (version 2), one record per line so a diff of two backups is readable:
 *
 *     {"format":"creator-scout-backup","version":2,"exportedAt":"2025-01-31T12:00:00.000Z",
 *     "campaigns":[ …sorted by id ],
 *     "creators":[ …sorted by key ],
 *     "entries":[ …sorted by key ],
 *     "histories":[ …sorted by creatorKey; each creator's visits oldest first ],
 *     "meta":{"activeCampaignId":"…"}}
 *
 * A history's latest visit holds the whole reading and the assessment `settings` it was assessed with; the
 * assessment is recomputed from them. Files (and databases) written before `settings` was kept hold the whole
 * `assessment` there instead, and keep it through import and export: both fields are optional, so the format
 * stayed at version 2 (an older extension importing a newer file drops the `settings` it does not know, and shows
 * no signals for those creators, but loses nothing else).
 *
 * Every record's keys are sorted, so export → import → export gives the same bytes apart from `exportedAt`.
 * Version 1 files (a "snapshots" list: one record per visit, each with its whole reading) are still read: their
 * snapshots become histories as the database's own upgrade to version 3 makes them (from-snapshots.ts).
 *
 * A file is checked whole before anything is written (parseBackup), then written in one transaction over every
 * store (applyImport): a malformed, truncated, hostile or newer-version file changes nothing and gets a message
 * naming the problem.
 */
import * as v from 'valibot';
import { unwrap } from 'idb';
import { CampaignSchema } from '../campaign';
import { ProfileReadingSchema } from '../reading';
import type { ScoutDb } from './db';
import { StorageFullError } from './errors';
import { historiesFromSnapshots, type SnapshotV2 } from './from-snapshots';
import { abortQuietly, compareText, storeErrorOf } from './tx';
import {
  CreatorHistorySchema,
  CreatorRecordSchema,
  JsonValueSchema,
  LIMITS,
  MetaSchema,
  STORE_NAMES,
  ShortlistEntrySchema,
  creatorKey,
  type CampaignRecord,
  type CreatorHistory,
  type CreatorRecord,
  type Meta,
  type MetaKey,
  type MetaRow,
  type ShortlistEntry,
  type StoreName,
  type Visit,
} from './schema';
import { stableStringify } from './stable-json';
import { mergeVisits } from './visits';

/** The `format` every backup names. */
export const BACKUP_FORMAT = 'creator-scout-backup';
/** The newest backup format version this code reads and the one it writes. */
export const BACKUP_VERSION = 2;

/** Caps against hostile or mistaken files: text size, records per list, and visits in all. */
export const BACKUP_LIMITS = {
  maxChars: 200 * 1024 * 1024,
  campaigns: 10_000,
  creators: 100_000,
  entries: 500_000,
  histories: 100_000,
  /** Visits in all histories together (in a version-1 file: snapshots). */
  visits: 1_000_000,
} as const;

/** A parsed, validated backup (of any version, converted to the current one). */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  campaigns: CampaignRecord[];
  creators: CreatorRecord[];
  entries: ShortlistEntry[];
  histories: CreatorHistory[];
  meta: Meta;
}

/** What kind of problem a file has. */
export type BackupProblemCode =
  | 'empty'
  | 'too-large'
  | 'truncated'
  | 'not-json'
  | 'hostile'
  | 'not-backup'
  | 'newer-version'
  | 'bad-version'
  | 'too-many'
  | 'invalid-record'
  | 'duplicate'
  | 'broken-reference';

/** A backup file read: the backup, or the problem in words for the user. */
export type BackupParse = { ok: true; backup: Backup } | { ok: false; code: BackupProblemCode; problem: string };

/** How an import treats what is already stored. */
export type ImportMode = 'merge' | 'replace';

/** Counts of what an import does to one store. */
export interface StoreChange {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** What an import will change (previewImport) or changed (applyImport): per store, and per visit in histories. */
export interface ImportPreview {
  mode: ImportMode;
  campaigns: StoreChange;
  creators: StoreChange;
  entries: StoreChange;
  /** The visits in the creators' histories, counted one by one. */
  visits: StoreChange;
  meta: StoreChange;
}

/** The outcome of importing a file. */
export type ImportResult =
  | { ok: true; preview: ImportPreview }
  | { ok: false; code: BackupProblemCode | 'storage-full' | 'write-failed'; problem: string };

type Lists = Pick<Backup, 'campaigns' | 'creators' | 'entries' | 'histories'>;
const LIST_SCHEMAS = {
  campaigns: CampaignSchema,
  creators: CreatorRecordSchema,
  entries: ShortlistEntrySchema,
  histories: CreatorHistorySchema,
} as const;
const LIST_NAMES = ['campaigns', 'creators', 'entries'] as const satisfies readonly (keyof Lists)[];

/**
 * A snapshot as version-1 backups hold it (and as database version 2 stored it), frozen: what such a file's
 * "snapshots" list is checked against before it is turned into histories.
 */
const SnapshotV1Schema = v.pipe(
  v.object({
    creatorKey: v.pipe(v.string(), v.maxLength(LIMITS.key)),
    at: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)),
    reading: ProfileReadingSchema,
    assessment: v.optional(JsonValueSchema),
  }),
  v.check(
    (s) => s.creatorKey === creatorKey(s.reading.platform, s.reading.handle),
    "creatorKey must match the reading's platform and handle",
  ),
);

/** Everything stored, by store. */
interface Contents {
  campaigns: CampaignRecord[];
  creators: CreatorRecord[];
  entries: ShortlistEntry[];
  histories: CreatorHistory[];
  meta: MetaRow[];
}

// ——— export ———

const byText =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    compareText(key(a), key(b));

function metaFromRows(rows: readonly MetaRow[]): Meta {
  const meta: Meta = {};
  for (const row of rows)
    if (row.key === 'activeCampaignId' && typeof row.value === 'string') meta.activeCampaignId = row.value;
  return meta;
}

function metaRows(meta: Meta): MetaRow[] {
  return (Object.keys(meta) as MetaKey[])
    .filter((key) => meta[key] !== undefined)
    .map((key) => ({ key, value: meta[key] as string }));
}

/** The backup as text: fixed top-level order, one stably-serialised record per line. */
export function serialiseBackup(backup: Backup): string {
  const list = (records: readonly unknown[]) =>
    records.length === 0 ? '[]' : `[\n${records.map((r) => stableStringify(r)).join(',\n')}\n]`;
  return (
    `{"format":${JSON.stringify(backup.format)},"version":${backup.version},"exportedAt":${JSON.stringify(backup.exportedAt)},\n` +
    `"campaigns":${list([...backup.campaigns].sort(byText((c) => c.id)))},\n` +
    `"creators":${list([...backup.creators].sort(byText((c) => c.key)))},\n` +
    `"entries":${list([...backup.entries].sort(byText((e) => e.key)))},\n` +
    `"histories":${list([...backup.histories].sort(byText((h) => h.creatorKey)))},\n` +
    `"meta":${stableStringify(backup.meta)}}\n`
  );
}

async function readContents(tx: { objectStore(name: StoreName): { getAll(): Promise<unknown[]> } }): Promise<Contents> {
  const [campaigns, creators, entries, histories, meta] = await Promise.all(
    (['campaigns', 'creators', 'entries', 'histories', 'meta'] as const).map((name) => tx.objectStore(name).getAll()),
  );
  return { campaigns, creators, entries, histories, meta } as Contents;
}

/** Everything stored, as backup text; `now` (epoch ms) becomes `exportedAt`. Read in one transaction. */
export async function exportBackup(db: ScoutDb, now: number): Promise<string> {
  const tx = db.transaction([...STORE_NAMES], 'readonly');
  const contents = await readContents(tx);
  await tx.done;
  return serialiseBackup({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    campaigns: contents.campaigns,
    creators: contents.creators,
    entries: contents.entries,
    histories: contents.histories,
    meta: metaFromRows(contents.meta),
  });
}

// ——— parse ———

type Failure = Extract<BackupParse, { ok: false }>;
const fail = (code: BackupProblemCode, problem: string): Failure => ({ ok: false, code, problem });

/** True when JSON text stops inside a string, object or array: it was cut off rather than mistyped. */
function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

/**
 * True when some object in parsed JSON has a `__proto__` key. JSON.parse makes such a key an ordinary own property,
 * but a later spread or assignment of the object could set a prototype, and a backup never has one. Such a key
 * can only come from text that spells `__proto__` or uses a `\u` escape, so any other text is passed at once
 * (a reviver on JSON.parse would check every key of every file, and makes parsing several times slower). The walk
 * keeps its own stack, so no nesting depth can overflow it.
 */
function hasProtoKey(text: string, data: unknown): boolean {
  if (!text.includes('__proto__') && !text.includes('\\u')) return false;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') return true;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return false;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and checks backup text without touching the database. Returns the backup (a version-1 file converted to
 * the current version), or the first problem found: empty, too large, cut off, not JSON, a `__proto__` key, not a
 * backup, a newer or invalid version, too many records, an invalid record (named by list, position and key, with
 * the field and what is wrong), a repeated key, or a record pointing at one the file does not contain.
 */
export function parseBackup(text: string): BackupParse {
  if (typeof text !== 'string') return fail('empty', 'The file is empty.');
  if (text.length > BACKUP_LIMITS.maxChars) {
    return fail(
      'too-large',
      `The file is ${Math.round(text.length / 1024 / 1024)} MB; a backup can be at most ${BACKUP_LIMITS.maxChars / 1024 / 1024} MB.`,
    );
  }
  if (text.trim() === '') return fail('empty', 'The file is empty.');
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    if (error instanceof RangeError) return fail('hostile', 'The file is nested too deeply to be a backup.');
    return endsEarly(body)
      ? fail('truncated', 'The file ends too early: it looks cut off (truncated). Export the backup again.')
      : fail('not-json', 'The file is not valid JSON, so it is not a Creator Scout backup.');
  }
  if (hasProtoKey(body, data)) {
    return fail('hostile', 'The file contains a "__proto__" key, which no backup has; it was not imported.');
  }
  if (!isPlainObject(data)) return fail('not-backup', 'The file is JSON but not a Creator Scout backup.');
  if (data.format !== BACKUP_FORMAT) {
    return fail(
      'not-backup',
      `This is not a Creator Scout backup: its "format" is ${describe(data.format)}, not "${BACKUP_FORMAT}".`,
    );
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('bad-version', `The backup's "version" is ${describe(version)}, which is not a backup version.`);
  }
  if (version > BACKUP_VERSION) {
    return fail(
      'newer-version',
      `This backup was made by a newer version of Creator Scout (backup format ${version}; this version reads up to ${BACKUP_VERSION}). Update the extension and try again.`,
    );
  }
  if (typeof data.exportedAt !== 'string' || data.exportedAt.length > 40 || Number.isNaN(Date.parse(data.exportedAt))) {
    return fail('invalid-record', `The backup's "exportedAt" is ${describe(data.exportedAt)}, not a date.`);
  }

  const lists: Partial<Lists> = {};
  for (const name of LIST_NAMES) {
    const list = checkedList(data, name, LIST_SCHEMAS[name], BACKUP_LIMITS[name]);
    if (!list.ok) return list;
    (lists as Record<string, unknown[]>)[name] = list.records;
  }
  const histories = version === 1 ? historiesOfVersion1(data, lists.creators ?? []) : historiesOfVersion2(data);
  if (!histories.ok) return histories;
  lists.histories = histories.records;

  if (!isPlainObject(data.meta))
    return fail('invalid-record', `The backup's "meta" is ${describe(data.meta)}, not an object.`);
  const meta = v.safeParse(MetaSchema, data.meta);
  if (!meta.success) return fail('invalid-record', recordProblem('meta', undefined, data.meta, meta.issues[0]));

  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: data.exportedAt,
    ...(lists as Lists),
    meta: meta.output,
  };
  return checkConsistency(backup) ?? { ok: true, backup };
}

type Checked<T> = { ok: true; records: T[] } | Failure;

/** The file's list `name`, each record checked against `schema`; at most `max` records. */
function checkedList<S extends v.GenericSchema>(
  data: Record<string, unknown>,
  name: string,
  schema: S,
  max: number,
): Checked<v.InferOutput<S>> {
  const raw = data[name];
  if (!Array.isArray(raw)) return fail('invalid-record', `The backup's "${name}" is ${describe(raw)}, not a list.`);
  if (raw.length > max)
    return fail('too-many', `The backup has ${raw.length} ${name}; at most ${max} can be imported.`);
  const records: v.InferOutput<S>[] = [];
  for (let i = 0; i < raw.length; i++) {
    const result = v.safeParse(schema, raw[i]);
    if (!result.success) return fail('invalid-record', recordProblem(name, i, raw[i], result.issues[0]));
    records.push(result.output);
  }
  return { ok: true, records };
}

/** A version-2 file's histories, with at most {@link BACKUP_LIMITS}.visits visits in all. */
function historiesOfVersion2(data: Record<string, unknown>): Checked<CreatorHistory> {
  const raw = data.histories;
  if (Array.isArray(raw)) {
    // Counted before checking, so a file with millions of visits is refused before any is looked at.
    let visits = 0;
    for (const history of raw)
      if (isPlainObject(history) && Array.isArray(history.visits)) visits += history.visits.length;
    if (visits > BACKUP_LIMITS.visits) {
      return fail('too-many', `The backup has ${visits} visits; at most ${BACKUP_LIMITS.visits} can be imported.`);
    }
  }
  return checkedList(data, 'histories', CreatorHistorySchema, BACKUP_LIMITS.histories);
}

/**
 * A version-1 file's snapshots as histories. The snapshots are checked as version 1 wrote them (each named by
 * its place in the file if it is wrong, repeated or names a creator the file lacks), then converted as the
 * database's upgrade to version 3 converts them.
 */
function historiesOfVersion1(
  data: Record<string, unknown>,
  creators: readonly CreatorRecord[],
): Checked<CreatorHistory> {
  const snapshots = checkedList(data, 'snapshots', SnapshotV1Schema, BACKUP_LIMITS.visits);
  if (!snapshots.ok) return snapshots;
  const known = new Set(creators.map((c) => c.key));
  const seen = new Map<string, number>();
  for (const [i, snapshot] of snapshots.records.entries()) {
    const key = `${snapshot.creatorKey}\u0000${snapshot.at}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return fail(
        'duplicate',
        `The backup's snapshots record ${i + 1} repeats the creator and time (${snapshot.creatorKey}, ${snapshot.at}) of record ${earlier + 1}.`,
      );
    }
    seen.set(key, i);
    if (!known.has(snapshot.creatorKey)) {
      return fail(
        'broken-reference',
        `The backup's snapshots record ${i + 1} names creator "${snapshot.creatorKey}", which the file lacks. The file is incomplete or was edited.`,
      );
    }
  }
  const converted = historiesFromSnapshots(snapshots.records as SnapshotV2[]);
  // What the conversion makes always passes; checking it keeps a converted file to the same rules as a current one.
  return checkedList({ histories: converted }, 'histories', CreatorHistorySchema, BACKUP_LIMITS.histories);
}

function recordProblem(name: string, index: number | undefined, raw: unknown, issue: v.BaseIssue<unknown>): string {
  const where = index === undefined ? `"${name}"` : `${name} record ${index + 1}`;
  const id = isPlainObject(raw) ? (raw.key ?? raw.id ?? raw.creatorKey) : undefined;
  const label = typeof id === 'string' ? ` (${describe(id)})` : '';
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return `The backup's ${where}${label} is invalid: ${path ? `${path}: ` : ''}${issue.message}.`;
}

function checkConsistency(backup: Backup): BackupParse | undefined {
  const unique = <T>(name: string, items: readonly T[], key: (item: T) => string) => {
    const first = new Map<string, number>();
    for (let i = 0; i < items.length; i++) {
      const k = key(items[i] as T);
      const earlier = first.get(k);
      if (earlier !== undefined) {
        const field = name === 'campaigns' ? 'id' : name === 'histories' ? 'creator' : 'key';
        return fail(
          'duplicate',
          `The backup's ${name} record ${i + 1} repeats the ${field} "${k}" of record ${earlier + 1}.`,
        );
      }
      first.set(k, i);
    }
    return undefined;
  };
  const duplicate =
    unique('campaigns', backup.campaigns, (c) => c.id) ??
    unique('creators', backup.creators, (c) => c.key) ??
    unique('entries', backup.entries, (e) => e.key) ??
    unique('histories', backup.histories, (h) => h.creatorKey);
  if (duplicate) return duplicate;

  const campaigns = new Set(backup.campaigns.map((c) => c.id));
  const creators = new Set(backup.creators.map((c) => c.key));
  const broken = (problem: string) => fail('broken-reference', `${problem} The file is incomplete or was edited.`);
  for (const [i, entry] of backup.entries.entries()) {
    if (!campaigns.has(entry.campaignId)) {
      return broken(`The backup's entries record ${i + 1} names campaign "${entry.campaignId}", which the file lacks.`);
    }
    if (!creators.has(entry.creatorKey)) {
      return broken(`The backup's entries record ${i + 1} names creator "${entry.creatorKey}", which the file lacks.`);
    }
  }
  for (const [i, history] of backup.histories.entries()) {
    if (!creators.has(history.creatorKey)) {
      return broken(
        `The backup's histories record ${i + 1} names creator "${history.creatorKey}", which the file lacks.`,
      );
    }
  }
  if (backup.meta.activeCampaignId !== undefined && !campaigns.has(backup.meta.activeCampaignId)) {
    return broken(`The backup's active campaign "${backup.meta.activeCampaignId}" is not among its campaigns.`);
  }
  return undefined;
}

// ——— import ———

interface Plan {
  preview: ImportPreview;
  replace: boolean;
  puts: Contents;
}

const emptyChange = (): StoreChange => ({ added: 0, updated: 0, removed: 0, unchanged: 0 });
const sameRecord = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

/**
 * Compares one store's records with the file's. Replace: the file's records are written and the others removed.
 * Merge: new records are added and, for a key on both sides, `resolve` picks or combines (the newer wins).
 */
function planStore<T>(
  current: readonly T[],
  incoming: readonly T[],
  key: (record: T) => string,
  mode: ImportMode,
  resolve: (current: T, incoming: T) => T,
): { change: StoreChange; puts: T[] } {
  const change = emptyChange();
  const byKey = new Map(current.map((record) => [key(record), record]));
  const puts: T[] = [];
  for (const record of incoming) {
    const existing = byKey.get(key(record));
    byKey.delete(key(record));
    const result = existing === undefined || mode === 'replace' ? record : resolve(existing, record);
    const same = existing !== undefined && sameRecord(existing, result);
    if (existing === undefined) change.added++;
    else if (same) change.unchanged++;
    else change.updated++;
    if (mode === 'replace' || !same) puts.push(result);
  }
  if (mode === 'replace') change.removed = byKey.size;
  return { change, puts };
}

/**
 * Compares the stored histories with the file's, visit by visit (a visit is known by its creator and time), counting
 * as the other stores do: the file's visits as added, updated or unchanged, and a stored visit the file lacks as
 * removed (replace) or, when merging, as updated only if it changes (it gives its reading up to a newer visit).
 * Replace: each history becomes the file's. Merge: each becomes both together (see mergeVisits), so no visit is
 * lost and the file's copy of a visit wins.
 */
function planHistories(
  current: readonly CreatorHistory[],
  incoming: readonly CreatorHistory[],
  mode: ImportMode,
): { change: StoreChange; puts: CreatorHistory[] } {
  const change = emptyChange();
  const byKey = new Map(current.map((history) => [history.creatorKey, history]));
  const puts: CreatorHistory[] = [];
  for (const history of incoming) {
    const existing = byKey.get(history.creatorKey);
    byKey.delete(history.creatorKey);
    const visits = !existing || mode === 'replace' ? history.visits : mergeVisits(existing.visits, history.visits);
    const before = new Map<number, Visit>(existing?.visits.map((visit) => [visit.at, visit]));
    const fromFile = new Set(history.visits.map((visit) => visit.at));
    let changed = false;
    for (const visit of visits) {
      const old = before.get(visit.at);
      before.delete(visit.at);
      const same = old !== undefined && sameRecord(old, visit);
      if (old === undefined) change.added++;
      else if (!same) change.updated++;
      else if (fromFile.has(visit.at)) change.unchanged++;
      changed ||= !same;
    }
    change.removed += before.size;
    if (mode === 'replace' || changed || before.size > 0) puts.push({ creatorKey: history.creatorKey, visits });
  }
  if (mode === 'replace') for (const history of byKey.values()) change.removed += history.visits.length;
  return { change, puts };
}

const newer =
  <T>(time: (record: T) => number) =>
  (current: T, incoming: T): T =>
    time(incoming) >= time(current) ? incoming : current;

function planImport(current: Contents, backup: Backup, mode: ImportMode): Plan {
  const campaigns = planStore(
    current.campaigns,
    backup.campaigns,
    (c) => c.id,
    mode,
    newer((c) => c.updatedAt),
  );
  const creators = planStore(
    current.creators,
    backup.creators,
    (c) => c.key,
    mode,
    (cur, inc) => {
      // A creator added from a list but never visited has no counts: a record that has them wins whatever its time.
      const latest =
        !!cur.unvisited !== !!inc.unvisited ? (cur.unvisited ? inc : cur) : inc.lastSeen >= cur.lastSeen ? inc : cur;
      return { ...latest, firstSeen: Math.min(cur.firstSeen, inc.firstSeen) };
    },
  );
  const entries = planStore(
    current.entries,
    backup.entries,
    (e) => e.key,
    mode,
    newer((e) => e.updatedAt),
  );
  const histories = planHistories(current.histories, backup.histories, mode);
  // Merge keeps this browser's settings and only fills in what it lacks.
  const meta = planStore(
    current.meta,
    metaRows(backup.meta),
    (row) => row.key,
    mode,
    (cur) => cur,
  );
  return {
    replace: mode === 'replace',
    preview: {
      mode,
      campaigns: campaigns.change,
      creators: creators.change,
      entries: entries.change,
      visits: histories.change,
      meta: meta.change,
    },
    puts: {
      campaigns: campaigns.puts,
      creators: creators.puts,
      entries: entries.puts,
      histories: histories.puts,
      meta: meta.puts,
    },
  };
}

/** What importing `backup` with `mode` would add, update and remove, per store; writes nothing. */
export async function previewImport(db: ScoutDb, backup: Backup, mode: ImportMode): Promise<ImportPreview> {
  const tx = db.transaction([...STORE_NAMES], 'readonly');
  const contents = await readContents(tx);
  await tx.done;
  return planImport(contents, backup, mode).preview;
}

/**
 * Imports a parsed backup in one read-write transaction over every store: it is written whole or, if anything
 * fails (a full disk: {@link StorageFullError}), not at all. Returns what changed. `onProgress` hears how many of
 * the records to write are written, about a hundred times over the import and once they all are.
 *
 * The writes are queued on the raw IndexedDB stores without waiting for each or wrapping each in a promise (one
 * record per creator in each store, tens of thousands for a large shortlist): they run in order within the
 * transaction, and the first that fails aborts it, which `tx.done` reports.
 */
export async function applyImport(
  db: ScoutDb,
  backup: Backup,
  mode: ImportMode,
  onProgress?: (written: number, total: number) => void,
): Promise<ImportPreview> {
  const tx = db.transaction([...STORE_NAMES], 'readwrite');
  try {
    const plan = planImport(await readContents(tx), backup, mode);
    const raw = unwrap(tx);
    const total = STORE_NAMES.reduce((sum, name) => sum + plan.puts[name].length, 0);
    // A large import takes seconds (each record costs IndexedDB ~0.1 ms here): the page can show how far it is.
    // Writes complete in the order queued, so every hundredth of them is heard from, not each one.
    const every = Math.max(1, Math.ceil(total / 100));
    let queued = 0;
    for (const name of STORE_NAMES) {
      const store = raw.objectStore(name);
      if (plan.replace) store.clear();
      for (const record of plan.puts[name]) {
        const request = store.put(record);
        const written = ++queued;
        if (onProgress && (written % every === 0 || written === total)) {
          request.addEventListener('success', () => onProgress(written, total));
        }
      }
    }
    await tx.done;
    return plan.preview;
  } catch (error) {
    abortQuietly(tx);
    throw storeErrorOf(tx, error);
  }
}

/** What to tell the user when an import stopped before changing anything, and why. */
export const importFailed = (reason: string) => `The import failed and nothing was changed: ${reason}`;

/**
 * Imports a parsed backup (see {@link applyImport}): what changed, or why nothing did, in words for the user
 * instead of thrown.
 */
export async function importParsed(
  db: ScoutDb,
  backup: Backup,
  mode: ImportMode,
  onProgress?: (written: number, total: number) => void,
): Promise<ImportResult> {
  try {
    return { ok: true, preview: await applyImport(db, backup, mode, onProgress) };
  } catch (error) {
    if (error instanceof StorageFullError) {
      return { ok: false, code: 'storage-full', problem: importFailed(error.userMessage) };
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, code: 'write-failed', problem: importFailed(`the backup could not be written (${detail}).`) };
  }
}

/**
 * Reads backup text and imports it: the problem in words when the file is refused or could not be written (in
 * both cases nothing changed), else what changed.
 */
export async function importBackup(db: ScoutDb, text: string, mode: ImportMode): Promise<ImportResult> {
  const parsed = parseBackup(text);
  return parsed.ok ? importParsed(db, parsed.backup, mode) : parsed;
}
