/**
 * Waits for a page to show what its URL names, then captures it once — the content scripts' whole job.
 *
 * The sites are single-page apps: after in-app navigation the URL changes first and the new profile's DOM
 * arrives later, while the previous profile's header may still be on screen. So a reading is taken only once
 * the collector says the page is ready (the header shows the URL's handle), or when the time limit passes (then
 * the reader, in the worker, reports what is missing). The observer is disconnected as soon as the page is read, and everything
 * stops when `signal` aborts (the next navigation, or the extension being updated).
 */
import type { PageCapture } from '../capture';
import type { PageCollector } from '../platforms/platform';
import { capturePage } from '../platforms/capture-page';

export interface ReadWhenReadyOptions {
  collector: PageCollector;
  doc: Document;
  url: URL;
  signal: AbortSignal;
  /** How long to wait for the page to become ready before reading what is there. */
  timeoutMs?: number;
  now?: () => number;
}

/** Resolves with the page's capture, or with undefined when aborted first. Never rejects. */
export function readWhenReady({
  collector,
  doc,
  url,
  signal,
  timeoutMs = 10_000,
  now = Date.now,
}: ReadWhenReadyOptions): Promise<PageCapture | undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    const view = doc.defaultView;
    let observer: MutationObserver | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let scheduled = false;

    const finish = (capture: PageCapture | undefined) => {
      observer?.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(capture);
    };
    const onAbort = () => finish(undefined);
    const readNow = () => finish(capturePage(collector, doc, url, now()));
    const check = () => {
      scheduled = false;
      if (signal.aborted) return;
      if (safeIsReady(collector, doc, url)) readNow();
    };

    if (collector.pageKind(url) === 'other' || safeIsReady(collector, doc, url)) return readNow();
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

export function safeIsReady(collector: PageCollector, doc: Document, url: URL): boolean {
  try {
    return collector.isReady(doc, url);
  } catch {
    return false;
  }
}
