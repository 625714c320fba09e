/**
 * The page's side of the backup worker (backup.worker.ts): one worker per backup file, imported or exported, ended
 * when the file is done with. Loaded when a file is chosen or a backup asked for, not with the page's first rows.
 */
import { proxy, releaseProxy, wrap } from 'comlink';
import type { BackupSession, OpenedBackup } from '../../lib/store/backup-session';
import type { ImportResult } from '../../lib/store/backup';
import type { ClosableBackupSession } from '../../components/shortlist/data';

export function workerBackupSession(): ClosableBackupSession {
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
  const remote = wrap<BackupSession>(worker);
  // A worker that fails to start, or dies, answers nothing: its calls fail with the reason instead of waiting.
  const stopped = new Promise<never>((_, reject) =>
    worker.addEventListener(
      'error',
      (event) => reject(new Error(event.message || 'The backup worker stopped unexpectedly.')),
      { once: true },
    ),
  );
  stopped.catch(() => undefined);
  const answer = <T>(call: Promise<T>) => Promise.race([call, stopped]);
  return {
    open: (file) => answer<OpenedBackup>(remote.open(file)),
    preview: (mode) => answer(remote.preview(mode)),
    apply: (mode, onProgress) => answer<ImportResult>(remote.apply(mode, onProgress && proxy(onProgress))),
    export: (now) => answer(remote.export(now)),
    close() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}
