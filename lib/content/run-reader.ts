/**
 * The life of a content script on one tab: read the page when it is ready, again after every in-app navigation
 * (aborting the previous page's wait), when scrolling has brought more posts in, and on request. Only the wiring
 * to the browser is passed in, so the same code runs in the extension and in tests.
 */
import type { Reading } from '../reading';
import type { PlatformReader } from '../platforms/platform';
import { readWhenReady, safeRead } from './read-when-ready';

/** The parts of WXT's ContentScriptContext this needs. */
export interface ReaderContext {
  readonly signal: AbortSignal;
  addEventListener(target: Window, type: 'wxt:locationchange', listener: (event: { newUrl: URL }) => void): void;
  addEventListener(target: Window, type: 'scrollend', listener: () => void, options?: AddEventListenerOptions): void;
}

export interface RunReaderOptions {
  ctx: ReaderContext;
  reader: PlatformReader;
  send: (reading: Reading) => Promise<unknown>;
  /** Registers the handler that answers the background's "read the page again now". */
  onReadNow: (handler: () => Reading | undefined) => void;
  win?: Window;
}

const postCount = (reading: Reading) => (reading.kind === 'profile' ? reading.recentPosts.length : 0);

export function runReader({ ctx, reader, send, onReadNow, win = window }: RunReaderOptions): void {
  let current: AbortController | undefined;
  let currentUrl = new URL(win.location.href);
  /** The last reading sent for the current URL; undefined while waiting for the page. */
  let sent: Reading | undefined;

  const report = (reading: Reading) => {
    sent = reading;
    send(reading).catch(() => undefined);
  };

  const readPage = (url: URL) => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    currentUrl = url;
    sent = undefined;
    ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
    void readWhenReady({ reader, doc: win.document, url, signal: controller.signal }).then((reading) => {
      // A navigation or an extension update may have happened while waiting: then this reading is not wanted.
      if (reading && !controller.signal.aborted) report(reading);
    });
  };

  // `newUrl`, not location.href: the event can fire before location is updated.
  ctx.addEventListener(win, 'wxt:locationchange', (event) => readPage(new URL(event.newUrl)));
  // Infinite scroll renders more posts: read again once scrolling stops, and report only if the posts changed.
  // An event listener, not a timer or an observer: it costs nothing until the person scrolls.
  ctx.addEventListener(
    win,
    'scrollend',
    () => {
      if (!sent || win.location.href !== currentUrl.href) return;
      const reading = safeRead(reader, win.document, currentUrl, Date.now());
      if (reading.kind === sent.kind && postCount(reading) !== postCount(sent)) report(reading);
    },
    { passive: true },
  );
  onReadNow(() => {
    // Asked while the person looks at the page (the popup opened): read what is there now. A page still showing
    // the previous profile is reported as such by the reader, never as the new one.
    const url = new URL(win.location.href);
    return url.href === currentUrl.href ? safeRead(reader, win.document, url, Date.now()) : undefined;
  });
  readPage(currentUrl);
}
