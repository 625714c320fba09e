/** Small helpers shared by the store's modules for transactions and stable ordering. */
import { isQuotaError, toStoreError } from './errors';

/**
 * The error to report for a failed transaction. A quota failure can surface as an AbortError on a pending
 * request while the transaction's own `error` says QuotaExceededError: the latter is the one the user needs.
 */
export function storeErrorOf(tx: { error: DOMException | null }, error: unknown): unknown {
  return toStoreError(isQuotaError(tx.error) ? tx.error : error);
}

/** Aborts a transaction that may already have finished or aborted, without leaving a rejected promise behind. */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted (e.g. a failed request aborted it): nothing left to undo.
  }
  tx.done.catch(() => undefined);
}

/** Code-unit order, the same everywhere (localeCompare depends on the browser's locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
