/**
 * Waits for a page to show what its URL names, then reads it once — the content scripts' whole job.
 *
 * The sites are single-page apps: after in-app navigation the URL changes first and the new profile's DOM
 * arrives later, while the previous profile's header may still be on screen. So a reading is taken only once
 * the reader says the page is ready (the header shows the URL's handle), or when the time limit passes (then the
 * reader reports what is missing). The observer is disconnected as soon as the page is read, and everything
 * stops when `signal` aborts (the next navigation, or the extension being updated).
 */
import type { Reading } from '../reading';
import type { PlatformReader } from '../platforms/platform';

export interface ReadWhenReadyOptions {
  reader: PlatformReader;
  doc: Document;
  url: URL;
  signal: AbortSignal;
  /** How long to wait for the page to become ready before reading what is there. */
  timeoutMs?: number;
  now?: () => number;
}

/** Resolves with the page's reading, or with undefined when aborted first. Never rejects. */
export function readWhenReady({
  reader,
  doc,
  url,
  signal,
  timeoutMs = 10_000,
  now = Date.now,
}: ReadWhenReadyOptions): Promise<Reading | undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    const view = doc.defaultView;
    let observer: MutationObserver | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let scheduled = false;

    const finish = (reading: Reading | undefined) => {
      observer?.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(reading);
    };
    const onAbort = () => finish(undefined);
    const readNow = () => finish(safeRead(reader, doc, url, now()));
    const check = () => {
      scheduled = false;
      if (signal.aborted) return;
      if (safeIsReady(reader, doc, url)) readNow();
    };

    if (reader.pageKind(url) === 'other' || safeIsReady(reader, doc, url)) return readNow();
    signal.addEventListener('abort', onAbort);
    timer = setTimeout(readNow, timeoutMs);
    if (!view?.MutationObserver) return;
    // Mutations arrive in bursts while a page renders; check at most once per task.
    observer = new view.MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(check);
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  });
}

export function safeIsReady(reader: PlatformReader, doc: Document, url: URL): boolean {
  try {
    return reader.isReady(doc, url);
  } catch {
    return false;
  }
}

/** A reader bug must never throw into the page: it becomes an "other" reading with the reason. */
export function safeRead(reader: PlatformReader, doc: Document, url: URL, now: number): Reading {
  try {
    return reader.read(doc, url, now);
  } catch (error) {
    return {
      kind: 'other',
      platform: reader.platform,
      url: url.href,
      lang: 'en',
      readAt: now,
      reason:
        `Creator Scout could not read this page (${error instanceof Error ? error.message : 'unknown error'})`.slice(
          0,
          300,
        ),
    };
  }
}
