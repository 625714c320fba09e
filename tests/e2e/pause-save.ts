/**
 * Stops the extension's service worker at a chosen instant of a save, the way Chrome may stop it at any instant:
 * a breakpoint (a `debugger` statement, through CDP's Debugger domain) is set in the worker's IndexedDB calls,
 * and the test terminates the worker while it is paused there. Nothing of the extension is changed: the
 * breakpoint wraps the browser's own IDB methods in the worker's global scope, from outside, over CDP.
 */
import type { CdpTarget } from './harness';

/**
 * Where the save is stopped:
 * - `creator sent`: the creator's record has been sent to IndexedDB, nothing else yet;
 * - `all writes sent`: every write of the save has been sent (creator, visit, entry), nothing committed;
 * - `committed`: the transaction has committed, the answer to the popup not yet sent.
 */
export type SavePoint = 'creator sent' | 'all writes sent' | 'committed';
export const SAVE_POINTS: readonly SavePoint[] = ['creator sent', 'all writes sent', 'committed'];

/** Arms a one-shot breakpoint at `point` in the worker; the returned promise settles when the worker pauses there. */
export async function pauseSaveAt(worker: CdpTarget, point: SavePoint): Promise<{ paused: Promise<void> }> {
  await worker.call('Debugger.enable');
  const paused = new Promise<void>((resolve) => {
    const stop = worker.on('Debugger.paused', () => {
      stop();
      resolve();
    });
  });
  // A save's transaction is the read-write one over both creators and entries (the popup's own reads are
  // read-only, and a visit to an unsaved creator writes nothing).
  const isSave = `(tx) => tx.mode === 'readwrite' && tx.objectStoreNames.contains('creators') && tx.objectStoreNames.contains('entries')`;
  const store = point === 'creator sent' ? 'creators' : 'entries';
  await worker.evaluate(
    point === 'committed'
      ? `(() => {
          const isSave = ${isSave};
          const transaction = IDBDatabase.prototype.transaction;
          let armed = true;
          IDBDatabase.prototype.transaction = function (...args) {
            const tx = transaction.apply(this, args);
            if (armed && isSave(tx)) {
              armed = false;
              // Registered before the store's own 'complete' listener, so this runs first, after the commit.
              tx.addEventListener('complete', () => { debugger; });
            }
            return tx;
          };
        })()`
      : `(() => {
          const isSave = ${isSave};
          let armed = true;
          for (const method of ['add', 'put']) {
            const original = IDBObjectStore.prototype[method];
            IDBObjectStore.prototype[method] = function (...args) {
              const request = original.apply(this, args);
              if (armed && this.name === ${JSON.stringify(store)} && isSave(this.transaction)) {
                armed = false;
                debugger;
              }
              return request;
            };
          }
        })()`,
  );
  return { paused };
}
