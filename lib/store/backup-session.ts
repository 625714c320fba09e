/**
 * One backup file on its way in (read and checked once, then previewed in either mode, as often as asked, and
 * imported) or out (made from the whole store). The shortlist page runs it in a worker
 * (entrypoints/shortlist/backup.worker.ts), so checking a large file, working out what it would change and making
 * one (seconds for tens of thousands of creators) never hold the page; tests run it in-thread. Everything it is
 * asked and answers is plain data or a Blob, as a worker's messages must be.
 */
import type { ScoutDb } from './db';
import {
  exportBackup,
  importParsed,
  parseBackup,
  previewImport,
  type Backup,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
} from './backup';

/** A file read and checked: when it was exported, or why nothing can be imported from it. */
export type OpenedBackup = { ok: true; exportedAt: string } | { ok: false; problem: string };

export interface BackupSession {
  /** Reads and checks the file; a refused file leaves nothing to preview or import. Throws if it cannot be read. */
  open(file: Blob): Promise<OpenedBackup>;
  /** What importing the opened file with `mode` would change; writes nothing. */
  preview(mode: ImportMode): Promise<ImportPreview>;
  /** Imports the opened file whole, or nothing (see applyImport); `onProgress` hears how many records are written. */
  apply(mode: ImportMode, onProgress?: (written: number, total: number) => void): Promise<ImportResult>;
  /**
   * The whole store as a backup file (JSON), stamped `now` (see exportBackup). A Blob, so that a worker hands it to
   * the page without the page copying or encoding tens of megabytes of text.
   */
  export(now: number): Promise<Blob>;
}

export function backupSession(openDb: () => Promise<ScoutDb>): BackupSession {
  let backup: Backup | undefined;
  const opened = (): Backup => {
    if (!backup) throw new Error('No backup file has been read.');
    return backup;
  };
  return {
    async open(file) {
      backup = undefined;
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) return { ok: false, problem: parsed.problem };
      backup = parsed.backup;
      return { ok: true, exportedAt: backup.exportedAt };
    },
    async preview(mode) {
      return previewImport(await openDb(), opened(), mode);
    },
    async apply(mode, onProgress) {
      return importParsed(await openDb(), opened(), mode, onProgress);
    },
    async export(now) {
      return new Blob([await exportBackup(await openDb(), now)], { type: 'application/json' });
    },
  };
}
