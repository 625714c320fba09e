/** Starts a platform's reader in its content script, wired to the extension's message protocol. */
import { onMessage, sendMessage } from '../messaging';
import type { PlatformReader } from '../platforms/platform';
import { runReader, type ReaderContext } from './run-reader';

export function startReader(ctx: ReaderContext, reader: PlatformReader): void {
  runReader({
    ctx,
    reader,
    send: (reading) => sendMessage('pageRead', reading),
    onReadNow: (handler) => onMessage('readNow', handler),
  });
}
