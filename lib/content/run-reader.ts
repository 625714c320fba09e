/**
 * The life of a content script on one tab: capture the page when it is ready, again after every in-app navigation
 * (aborting the previous page's wait), when scrolling has changed what it shows, and on request. Only the wiring
 * to the browser is passed in, so the same code runs in the extension and in tests.
 */
import type { PageCapture } from '../capture';
import type { PageCollector } from '../platforms/platform';
import { capturePage } from '../platforms/capture-page';
import { readWhenReady } from './read-when-ready';

/** The parts of WXT's ContentScriptContext this needs. */
export interface ReaderContext {
  readonly signal: AbortSignal;
  addEventListener(target: Window, type: 'wxt:locationchange', listener: (event: { newUrl: URL }) => void): void;
  addEventListener(target: Window, type: 'scrollend', listener: () => void, options?: AddEventListenerOptions): void;
}

export interface RunReaderOptions {
  ctx: ReaderContext;
  collector: PageCollector;
  send: (capture: PageCapture) => Promise<unknown>;
  /** Registers the handler that answers the background's "read the page again now". */
  onReadNow: (handler: () => PageCapture | undefined) => void;
  win?: Window;
}

export function runReader({ ctx, collector, send, onReadNow, win = window }: RunReaderOptions): void {
  let current: AbortController | undefined;
  let currentUrl = new URL(win.location.href);
  /** What was last sent for the current URL (its data as JSON); undefined while waiting for the page. */
  let sent: string | undefined;

  const report = (capture: PageCapture) => {
    sent = JSON.stringify(capture.data);
    send(capture).catch(() => undefined);
  };

  const readPage = (url: URL) => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    currentUrl = url;
    sent = undefined;
    ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
    void readWhenReady({ collector, doc: win.document, url, signal: controller.signal }).then((capture) => {
      // A navigation or an extension update may have happened while waiting: then this capture is not wanted.
      if (capture && !controller.signal.aborted) report(capture);
    });
  };

  // `newUrl`, not location.href: the event can fire before location is updated.
  ctx.addEventListener(win, 'wxt:locationchange', (event) => readPage(new URL(event.newUrl)));
  // Infinite scroll renders more posts: capture again once scrolling stops, and report only if something changed.
  // An event listener, not a timer or an observer: it costs nothing until the person scrolls.
  ctx.addEventListener(
    win,
    'scrollend',
    () => {
      if (!sent || win.location.href !== currentUrl.href) return;
      const capture = capturePage(collector, win.document, currentUrl, Date.now());
      if (JSON.stringify(capture.data) !== sent) report(capture);
    },
    { passive: true },
  );
  onReadNow(() => {
    // Asked while the person looks at the page (the popup opened): capture what is there now. A page still showing
    // the previous profile is reported as such by the reader, never as the new one.
    const url = new URL(win.location.href);
    return url.href === currentUrl.href ? capturePage(collector, win.document, url, Date.now()) : undefined;
  });
  readPage(currentUrl);
}
