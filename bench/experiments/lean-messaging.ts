/**
 * Size experiment (not product code): the content-script side of `@webext-core/messaging`'s wire format in ~30
 * lines, with no error-serialisation library. Messages are `{ id, type, data, timestamp }` and replies
 * `{ res }` / `{ err }`, so a background using `@webext-core/messaging` still understands it.
 */
interface Reply {
  res?: unknown;
  err?: { message?: string };
}

/** Same call shape as `defineExtensionMessaging` for the two calls the content scripts make. */
export function defineExtensionMessaging() {
  let id = Math.floor(Math.random() * 1e4);
  return {
    sendMessage(type: string, data?: unknown): Promise<unknown> {
      const message = { id: id++, type, data, timestamp: Date.now() };
      return new Promise((resolve, reject) =>
        chrome.runtime.sendMessage(message, (reply: Reply | undefined) => {
          if (chrome.runtime.lastError) reject(new Error(chrome.runtime.lastError.message));
          else if (!reply) reject(new Error('No response'));
          else if (reply.err) reject(new Error(reply.err.message ?? 'error'));
          else resolve(reply.res);
        }),
      );
    },
    onMessage(type: string, handler: (message: { data: unknown }) => unknown): () => void {
      const listener = (message: unknown, _sender: unknown, sendResponse: (reply: Reply) => void) => {
        if ((message as { type?: unknown } | null)?.type !== type) return false;
        Promise.resolve()
          .then(() => handler(message as { data: unknown }))
          .then(
            (res) => sendResponse({ res }),
            (error: unknown) => sendResponse({ err: { message: String(error) } }),
          );
        return true;
      };
      chrome.runtime.onMessage.addListener(listener);
      return () => chrome.runtime.onMessage.removeListener(listener);
    },
  };
}
