/**
 * The content scripts' side of the message protocol (lib/messaging.ts), in a few lines instead of a library.
 *
 * Pages and the worker use `@webext-core/messaging`; a content script runs on every profile a marketer opens, so
 * it carries only what it uses — sending one message, answering one — in the same wire format (`{ id, type, data,
 * timestamp }`, answered `{ res }` or `{ err }`), which the library at the other end understands. Types come from
 * the one ProtocolMap, so both ends still agree at compile time.
 */
import type { ProtocolMap } from '../messaging';

type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Answer<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

/** The part of `browser.runtime` (or `chrome.runtime`) this needs: both are promise-based where it runs. */
export interface ContentRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean | undefined,
    ): void;
  };
}

export interface ContentMessaging {
  send<K extends keyof ProtocolMap>(type: K, data: Data<K>): Promise<Answer<K>>;
  /** Answers one message type; the answer may be a promise. */
  answer<K extends keyof ProtocolMap>(type: K, handler: (data: Data<K>) => Answer<K> | Promise<Answer<K>>): void;
}

export function contentMessaging(runtime: ContentRuntime): ContentMessaging {
  let id = Math.floor(Math.random() * 1e4);
  return {
    async send(type, data) {
      const reply = (await runtime.sendMessage({ id: id++, type, data, timestamp: Date.now() })) as
        { res?: unknown; err?: { message?: unknown } } | undefined;
      if (!reply) throw new Error('No response');
      if (reply.err) throw new Error(String(reply.err.message ?? 'error'));
      return reply.res as never;
    },
    answer(type, handler) {
      runtime.onMessage.addListener((message, _sender, sendResponse) => {
        const request = message as { type?: unknown; data?: unknown } | null;
        if (request?.type !== type) return false;
        Promise.resolve()
          .then(() => handler(request.data as never))
          .then(
            (res) => sendResponse({ res }),
            (error: unknown) =>
              sendResponse({ err: { message: error instanceof Error ? error.message : String(error) } }),
          );
        return true; // the answer comes asynchronously
      });
    },
  };
}
