/**
 * What the shortlist page asks of the store, as one object of async functions. The page's components take it as
 * a prop, so they never open the database themselves: the entrypoint binds it to the browser's IndexedDB, the
 * tests to fake-indexeddb.
 */
import { allRows } from '../../lib/store/all-rows';
import { countEntries, firstRows, type FirstRows } from '../../lib/store/first-rows';
import {
  addProfiles,
  bulkUpdate,
  getActiveCampaignId,
  history,
  listCampaigns,
  removeEntries,
  updateEntry,
} from '../../lib/store/repo';
import type {
  AddProfilesResult,
  BulkPatch,
  CampaignRecord,
  EntryPatch,
  ProfileRef,
  ScoutDb,
  ShortlistEntry,
  ShortlistRow,
  Visit,
} from '../../lib/store';
import type { BackupSession } from '../../lib/store/backup-session';

/** The store operations the shortlist page uses. */
export interface ShortlistData {
  /** The first `limit` rows in the default order (last seen first), of every campaign or of one. */
  firstRows(limit: number, campaignId?: string): Promise<FirstRows>;
  /** How many entries the shortlist holds (slow on a long one: IndexedDB counts key by key). */
  count(): Promise<number>;
  /** Every row, in no particular order; `onProgress` hears how many are read as they come. */
  rows(onProgress?: (read: number) => void): Promise<ShortlistRow[]>;
  /** The entries with these keys as stored now (undefined for one that is gone). */
  entries(keys: readonly string[]): Promise<(ShortlistEntry | undefined)[]>;
  campaigns(): Promise<Campaigns>;
  updateEntry(key: string, patch: EntryPatch): Promise<ShortlistEntry>;
  bulkUpdate(keys: readonly string[], patch: BulkPatch): Promise<number>;
  removeEntries(keys: readonly string[]): Promise<{ entries: number; creators: number }>;
  history(creatorKey: string): Promise<Visit[]>;
  /** A backup of the whole store, made through a backup session (off the page's thread, in the extension). */
  exportBackup(): Promise<Blob>;
  /** Starts importing a backup file: read, check, preview and write it through the session, then close it. */
  importSession(): Promise<ClosableBackupSession>;
  addProfiles(campaignId: string, profiles: readonly ProfileRef[]): Promise<AddProfilesResult>;
}

/** A backup session (lib/store/backup-session.ts) the page ends when it is done with the file. */
export interface ClosableBackupSession extends BackupSession {
  close(): void;
}

/** The campaigns, oldest first, and the one a list is added to by default: the active one, else the first. */
export interface Campaigns {
  list: CampaignRecord[];
  defaultId: string | undefined;
}

/**
 * Binds the store's functions to a database. `openDb` is called for every operation and should hand back the
 * same connection until it closes (see {@link reopeningDb}); `now` stamps every change. `backupSession` starts a
 * backup session, for an import or an export, where the entrypoint wants it (a worker); by default it runs
 * in-thread on `openDb`.
 */
export function shortlistData(
  openDb: () => Promise<ScoutDb>,
  now: () => number,
  backupSession: () => Promise<ClosableBackupSession> = async () => ({
    ...(await import('../../lib/store/backup-session')).backupSession(openDb),
    close: () => undefined,
  }),
): ShortlistData {
  const withDb =
    <A extends unknown[], R>(fn: (db: ScoutDb, ...args: A) => Promise<R>) =>
    async (...args: A) =>
      fn(await openDb(), ...args);
  return {
    firstRows: withDb((db, limit: number, campaignId?: string) => firstRows(db, limit, campaignId)),
    count: withDb((db) => countEntries(db)),
    rows: withDb((db, onProgress?: (read: number) => void) => allRows(db, { onProgress })),
    entries: withDb((db, keys: readonly string[]) => Promise.all(keys.map((key) => db.get('entries', key)))),
    campaigns: withDb(async (db) => {
      // Both at once: the page's first rows wait for this.
      const [list, active] = await Promise.all([listCampaigns(db), getActiveCampaignId(db)]);
      return { list, defaultId: active ?? list[0]?.id };
    }),
    updateEntry: withDb((db, key: string, patch: EntryPatch) => updateEntry(db, key, patch, now())),
    bulkUpdate: withDb((db, keys: readonly string[], patch: BulkPatch) => bulkUpdate(db, keys, patch, now())),
    removeEntries: withDb((db, keys: readonly string[]) => removeEntries(db, keys)),
    history: withDb((db, key: string) => history(db, key)),
    exportBackup: async () => {
      const session = await backupSession();
      try {
        return await session.export(now());
      } finally {
        session.close();
      }
    },
    importSession: backupSession,
    addProfiles: withDb((db, campaignId: string, profiles: readonly ProfileRef[]) =>
      addProfiles(db, campaignId, profiles, now()),
    ),
  };
}

export { reopeningDb } from '../../lib/store/reopening-db';

/** What to tell the user about a failed operation: the store's own message when it has one. */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const userMessage = (error as { userMessage?: unknown }).userMessage;
    if (typeof userMessage === 'string') return userMessage;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
