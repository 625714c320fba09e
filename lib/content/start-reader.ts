/** Starts a platform's collector in its content script, wired to the extension's message protocol. */
import { browser } from 'wxt/browser';
import type { PageCollector } from '../platforms/platform';
import { contentMessaging, type ContentRuntime } from './messages';
import { runReader, type ReaderContext } from './run-reader';

export function startReader(ctx: ReaderContext, collector: PageCollector): void {
  // Content scripts are built without webextension-polyfill (wxt.config.ts): `browser` here is the browser's own
  // promise-based namespace (Firefox's `browser`, Chrome's `chrome`).
  const messages = contentMessaging(browser.runtime as unknown as ContentRuntime);
  runReader({
    ctx,
    collector,
    send: (capture) => messages.send('pageCaptured', capture),
    onReadNow: (handler) => messages.answer('readNow', handler),
  });
}
