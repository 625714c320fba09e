/**
 * The JSON backup of everything the store holds, and its import.
 *
 * Format (version 1), one record per line so a diff of two backups is readable:
 *
 *     {"format":"creator-scout-backup","version":1,"exportedAt":"2025-01-31T12:00:00.000Z",
 *     "campaigns":[ …sorted by id ],
 *     "creators":[ …sorted by key ],
 *     "entries":[ …sorted by key ],
 *     "snapshots":[ …sorted by creatorKey, then at ],
 *     "meta":{"activeCampaignId":"…"}}
 *
 * Every record's keys are sorted, so export → import → export gives the same bytes apart from `exportedAt`.
 * Snapshots are identified by creator and time; their database ids are internal and not exported.
 *
 * A file is checked whole before anything is written (parseBackup), then written in one transaction over every
 * store (applyImport): a malformed, truncated, hostile or newer-version file changes nothing and gets a message
 * naming the problem.
 */
import * as v from 'valibot';
import { CampaignSchema } from '../campaign';
import type { ScoutDb } from './db';
import { StorageFullError } from './errors';
import { abortQuietly, compareText, storeErrorOf } from './tx';
import {
  CreatorRecordSchema,
  MetaSchema,
  STORE_NAMES,
  ShortlistEntrySchema,
  SnapshotDataSchema,
  type CampaignRecord,
  type CreatorRecord,
  type Meta,
  type MetaKey,
  type MetaRow,
  type ShortlistEntry,
  type SnapshotData,
  type SnapshotRecord,
} from './schema';
import { stableStringify } from './stable-json';

/** The `format` every backup names. */
export const BACKUP_FORMAT = 'creator-scout-backup';
/** The newest backup format version this code reads and the one it writes. */
export const BACKUP_VERSION = 1;

/** Caps against hostile or mistaken files: text size and records per list. */
export const BACKUP_LIMITS = {
  maxChars: 200 * 1024 * 1024,
  campaigns: 10_000,
  creators: 100_000,
  entries: 500_000,
  snapshots: 1_000_000,
} as const;

/** A parsed, validated backup. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  campaigns: CampaignRecord[];
  creators: CreatorRecord[];
  entries: ShortlistEntry[];
  snapshots: SnapshotData[];
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

/** What an import will change (previewImport) or changed (applyImport), per store. */
export interface ImportPreview {
  mode: ImportMode;
  campaigns: StoreChange;
  creators: StoreChange;
  entries: StoreChange;
  snapshots: StoreChange;
  meta: StoreChange;
}

/** The outcome of importing a file. */
export type ImportResult =
  | { ok: true; preview: ImportPreview }
  | { ok: false; code: BackupProblemCode | 'storage-full' | 'write-failed'; problem: string };

type Lists = Pick<Backup, 'campaigns' | 'creators' | 'entries' | 'snapshots'>;
const LIST_SCHEMAS = {
  campaigns: CampaignSchema,
  creators: CreatorRecordSchema,
  entries: ShortlistEntrySchema,
  snapshots: SnapshotDataSchema,
} as const;
const LIST_NAMES = ['campaigns', 'creators', 'entries', 'snapshots'] as const satisfies readonly (keyof Lists)[];

interface Contents {
  campaigns: CampaignRecord[];
  creators: CreatorRecord[];
  entries: ShortlistEntry[];
  snapshots: SnapshotRecord[];
  meta: MetaRow[];
}

// ——— export ———

const snapshotKey = (s: SnapshotData): string => `${s.creatorKey}\u0000${s.at}`;
const byText =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    compareText(key(a), key(b));

function withoutId({ id: _id, ...data }: SnapshotRecord): SnapshotData {
  return data;
}

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
    `"snapshots":${list([...backup.snapshots].sort((a, b) => compareText(a.creatorKey, b.creatorKey) || a.at - b.at))},\n` +
    `"meta":${stableStringify(backup.meta)}}\n`
  );
}

async function readContents(tx: {
  objectStore(name: 'campaigns' | 'creators' | 'entries' | 'snapshots' | 'meta'): { getAll(): Promise<unknown[]> };
}): Promise<Contents> {
  const [campaigns, creators, entries, snapshots, meta] = await Promise.all(
    (['campaigns', 'creators', 'entries', 'snapshots', 'meta'] as const).map((name) => tx.objectStore(name).getAll()),
  );
  return { campaigns, creators, entries, snapshots, meta } as Contents;
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
    snapshots: contents.snapshots.map(withoutId),
    meta: metaFromRows(contents.meta),
  });
}

// ——— parse ———

class HostileKeyError extends Error {}

const fail = (code: BackupProblemCode, problem: string): BackupParse => ({ ok: false, code, problem });

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
 * Reads and checks backup text without touching the database. Returns the backup, or the first problem found:
 * empty, too large, cut off, not JSON, a `__proto__` key, not a backup, a newer or invalid version, too many
 * records, an invalid record (named by list, position and key, with the field and what is wrong), a repeated key,
 * or a record pointing at one the file does not contain.
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
    data = JSON.parse(body, (key, value: unknown) => {
      // JSON.parse makes "__proto__" an ordinary own key, but any later spread or assignment of such an object
      // could set a prototype. A backup never has one, so a file that does is refused outright.
      if (key === '__proto__') throw new HostileKeyError();
      return value;
    });
  } catch (error) {
    if (error instanceof HostileKeyError) {
      return fail('hostile', 'The file contains a "__proto__" key, which no backup has; it was not imported.');
    }
    if (error instanceof RangeError) return fail('hostile', 'The file is nested too deeply to be a backup.');
    return endsEarly(body)
      ? fail('truncated', 'The file ends too early: it looks cut off (truncated). Export the backup again.')
      : fail('not-json', 'The file is not valid JSON, so it is not a Creator Scout backup.');
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
    const raw = data[name];
    if (!Array.isArray(raw)) return fail('invalid-record', `The backup's "${name}" is ${describe(raw)}, not a list.`);
    if (raw.length > BACKUP_LIMITS[name]) {
      return fail('too-many', `The backup has ${raw.length} ${name}; at most ${BACKUP_LIMITS[name]} can be imported.`);
    }
    const out: unknown[] = [];
    for (let i = 0; i < raw.length; i++) {
      const result = v.safeParse(LIST_SCHEMAS[name], raw[i]);
      if (!result.success) return fail('invalid-record', recordProblem(name, i, raw[i], result.issues[0]));
      out.push(result.output);
    }
    (lists as Record<string, unknown[]>)[name] = out;
  }
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

function recordProblem(name: string, index: number | undefined, raw: unknown, issue: v.BaseIssue<unknown>): string {
  const where = index === undefined ? `"${name}"` : `${name} record ${index + 1}`;
  const id = isPlainObject(raw) ? (raw.key ?? raw.id ?? raw.creatorKey) : undefined;
  const label = typeof id === 'string' ? ` (${describe(id)})` : '';
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return `The backup's ${where}${label} is invalid: ${path ? `${path}: ` : ''}${issue.message}.`;
}

function checkConsistency(backup: Backup): BackupParse | undefined {
  const unique = <T>(name: string, items: readonly T[], key: (item: T) => string, show: (item: T) => string) => {
    const first = new Map<string, number>();
    for (let i = 0; i < items.length; i++) {
      const k = key(items[i] as T);
      const earlier = first.get(k);
      if (earlier !== undefined) {
        return fail(
          'duplicate',
          `The backup's ${name} record ${i + 1} repeats ${show(items[i] as T)} of record ${earlier + 1}.`,
        );
      }
      first.set(k, i);
    }
    return undefined;
  };
  const duplicate =
    unique(
      'campaigns',
      backup.campaigns,
      (c) => c.id,
      (c) => `the id "${c.id}"`,
    ) ??
    unique(
      'creators',
      backup.creators,
      (c) => c.key,
      (c) => `the key "${c.key}"`,
    ) ??
    unique(
      'entries',
      backup.entries,
      (e) => e.key,
      (e) => `the key "${e.key}"`,
    ) ??
    unique('snapshots', backup.snapshots, snapshotKey, (s) => `the creator and time (${s.creatorKey}, ${s.at})`);
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
  for (const [i, snapshot] of backup.snapshots.entries()) {
    if (!creators.has(snapshot.creatorKey)) {
      return broken(
        `The backup's snapshots record ${i + 1} names creator "${snapshot.creatorKey}", which the file lacks.`,
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
  same: (a: T, b: T) => boolean = (a, b) => stableStringify(a) === stableStringify(b),
): { change: StoreChange; puts: T[] } {
  const change = emptyChange();
  const byKey = new Map(current.map((record) => [key(record), record]));
  const puts: T[] = [];
  for (const record of incoming) {
    const existing = byKey.get(key(record));
    byKey.delete(key(record));
    const result = existing === undefined || mode === 'replace' ? record : resolve(existing, record);
    if (existing === undefined) change.added++;
    else if (same(existing, result)) change.unchanged++;
    else change.updated++;
    if (mode === 'replace' || existing === undefined || !same(existing, result)) puts.push(result);
  }
  if (mode === 'replace') change.removed = byKey.size;
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
  // A stored snapshot keeps its id when the file's copy replaces it; the comparison ignores ids.
  const snapshots = planStore<SnapshotRecord>(
    current.snapshots,
    backup.snapshots,
    snapshotKey,
    mode,
    (cur, inc) => ({ ...inc, id: cur.id }),
    (a, b) => stableStringify(withoutId(a)) === stableStringify(withoutId(b)),
  );
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
      snapshots: snapshots.change,
      meta: meta.change,
    },
    puts: {
      campaigns: campaigns.puts,
      creators: creators.puts,
      entries: entries.puts,
      snapshots: mode === 'replace' ? snapshots.puts.map(withoutId) : snapshots.puts,
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
 * fails (a full disk: {@link StorageFullError}), not at all. Returns what changed.
 */
export async function applyImport(db: ScoutDb, backup: Backup, mode: ImportMode): Promise<ImportPreview> {
  const tx = db.transaction([...STORE_NAMES], 'readwrite');
  try {
    const plan = planImport(await readContents(tx), backup, mode);
    // Requests are queued without waiting for each (they run in order within the transaction). If one throws or
    // fails, the transaction aborts and the others reject with AbortError: each gets a handler so none of those
    // rejections goes unhandled, and Promise.all reports the first real failure.
    const ops: Promise<unknown>[] = [];
    const queue = (request: Promise<unknown>) => {
      request.catch(() => undefined);
      ops.push(request);
    };
    if (plan.replace) for (const name of STORE_NAMES) queue(tx.objectStore(name).clear());
    for (const record of plan.puts.campaigns) queue(tx.objectStore('campaigns').put(record));
    for (const record of plan.puts.creators) queue(tx.objectStore('creators').put(record));
    for (const record of plan.puts.entries) queue(tx.objectStore('entries').put(record));
    for (const record of plan.puts.snapshots) queue(tx.objectStore('snapshots').put(record));
    for (const record of plan.puts.meta) queue(tx.objectStore('meta').put(record));
    await Promise.all([...ops, tx.done]);
    return plan.preview;
  } catch (error) {
    abortQuietly(tx);
    throw storeErrorOf(tx, error);
  }
}

/**
 * Reads backup text and imports it: the problem in words when the file is refused or could not be written (in
 * both cases nothing changed), else what changed.
 */
export async function importBackup(db: ScoutDb, text: string, mode: ImportMode): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, preview: await applyImport(db, parsed.backup, mode) };
  } catch (error) {
    if (error instanceof StorageFullError) return { ok: false, code: 'storage-full', problem: error.userMessage };
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      code: 'write-failed',
      problem: `The backup could not be written (${detail}); nothing was changed.`,
    };
  }
}
