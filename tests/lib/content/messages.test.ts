import { afterEach, describe, expect, it } from 'vitest';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { contentMessaging, type ContentRuntime } from '../../../lib/content/messages';
import type { ProtocolMap } from '../../../lib/messaging';
import type { PageCapture } from '../../../lib/capture';

type Listener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean | undefined;

/**
 * Two worlds joined as the browser joins them: the worker, using `@webext-core/messaging` on `chrome.*`, and a
 * content script, using the small client on its own runtime. Messages are JSON-cloned as they are between them.
 */
function worlds() {
  const worker: Listener[] = [];
  const page: Listener[] = [];
  const deliver = (listeners: Listener[], message: unknown, sender: unknown) =>
    new Promise<unknown>((resolve) => {
      const copy = JSON.parse(JSON.stringify(message)) as unknown;
      const waiting = listeners.map((l) => l(copy, sender, (answer) => resolve(JSON.parse(JSON.stringify(answer)))));
      if (!waiting.some(Boolean)) resolve(undefined);
    });
  const tab = { id: 7, url: 'https://www.tiktok.com/@creator' };
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: {
      lastError: undefined,
      sendMessage: (message: unknown, callback: (r: unknown) => void) =>
        void deliver(worker, message, {}).then(callback),
      onMessage: { addListener: (l: Listener) => worker.push(l), removeListener: () => undefined },
    },
    tabs: {
      sendMessage: (_tabId: number, message: unknown, _options: unknown, callback: (r: unknown) => void) =>
        void deliver(page, message, { id: 'scout' }).then(callback),
    },
  };
  const contentRuntime: ContentRuntime = {
    sendMessage: (message) => deliver(worker, message, { id: 'scout', tab }),
    onMessage: { addListener: (l) => void page.push(l) },
  };
  return { background: defineExtensionMessaging<ProtocolMap>(), content: contentMessaging(contentRuntime) };
}

const capture: PageCapture = {
  platform: 'tiktok',
  url: 'https://www.tiktok.com/@creator',
  lang: 'es',
  readAt: 1,
  data: { kind: 'other' },
};

afterEach(() => delete (globalThis as { chrome?: unknown }).chrome);

describe('the content scripts’ messaging client', () => {
  it('reaches the worker’s @webext-core/messaging handler, with the sender, and gets its answer', async () => {
    const { background, content } = worlds();
    const received: unknown[] = [];
    background.onMessage('pageCaptured', ({ data, sender }) => void received.push({ data, tab: sender.tab?.id }));
    await expect(content.send('pageCaptured', capture)).resolves.toBeUndefined();
    expect(received).toEqual([{ data: capture, tab: 7 }]);
  });

  it('answers the worker’s readNow, including asynchronously', async () => {
    const { background, content } = worlds();
    content.answer('readNow', async () => capture);
    await expect(background.sendMessage('readNow', undefined, 7)).resolves.toEqual(capture);
  });

  it('passes the worker’s error back as a rejection with its message', async () => {
    const { background, content } = worlds();
    background.onMessage('pageCaptured', () => {
      throw new Error('refused');
    });
    await expect(content.send('pageCaptured', capture)).rejects.toThrow('refused');
  });

  it('turns an error in its own handler into the library’s error answer', async () => {
    const { background, content } = worlds();
    content.answer('readNow', () => {
      throw new Error('page gone');
    });
    await expect(background.sendMessage('readNow', undefined, 7)).rejects.toThrow('page gone');
  });

  it('ignores message types it does not answer, so another listener can', async () => {
    const { background, content } = worlds();
    content.answer('readNow', () => capture);
    await expect(background.sendMessage('getTabView', 7, 7)).rejects.toThrow('No response');
  });
});
