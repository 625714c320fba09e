/**
 * One shared connection, opened on first use and opened again after it closed. The store closes its connection
 * when another page upgrades or deletes the database (and the browser may close it), so a worker or a page left
 * open for days must not keep using a dead one.
 */
import type { ScoutDb } from './db';

export function reopeningDb(open: () => Promise<ScoutDb>): () => Promise<ScoutDb> {
  let current: Promise<ScoutDb> | undefined;
  return () => {
    if (!current) {
      const opening = open();
      current = opening;
      opening.then(
        (db) => {
          const forget = () => {
            if (current === opening) current = undefined;
          };
          db.addEventListener('versionchange', forget);
          db.addEventListener('close', forget);
        },
        () => {
          if (current === opening) current = undefined;
        },
      );
    }
    return current;
  };
}
