/**
 * Errors the shortlist store reports, each with a message meant for the person using the extension. A full disk
 * is reported, never swallowed: a save that silently failed would look saved.
 */

/** The browser refused to store more data (IndexedDB's QuotaExceededError). */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  /** What to tell the user. */
  readonly userMessage =
    'Your browser has no room left to store the shortlist, so this change was not saved. Free some disk space, ' +
    'or export a backup and remove creators you no longer need, then try again.';

  constructor(cause?: unknown) {
    super('Storage quota exceeded: the change was not saved', { cause });
  }
}

/** A record the operation needs (a campaign, an entry) does not exist. */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  readonly userMessage: string;

  constructor(
    readonly store: string,
    readonly key: string,
  ) {
    super(`No ${store} record with key "${key}"`);
    this.userMessage = `That ${store === 'campaigns' ? 'campaign' : 'shortlist entry'} no longer exists. Reload and try again.`;
  }
}

/** Input the store was asked to write does not pass its schema. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';

  constructor(
    readonly what: string,
    readonly problem: string,
  ) {
    super(`Invalid ${what}: ${problem}`);
  }
}

/**
 * True for the errors browsers use for a full quota: `QuotaExceededError` (a DOMException, or its own class in
 * newer Chrome) and Firefox's older `NS_ERROR_DOM_QUOTA_REACHED`. A transaction aborted by one reports it as its
 * `error`, which is what idb rejects `tx.done` with.
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** The error to rethrow: quota errors become a {@link StorageFullError}, anything else passes unchanged. */
export function toStoreError(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError(error) : error;
}
