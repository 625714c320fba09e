/** Every platform reader, and how to find the one for a URL. */
import type { Platform } from '../reading';
import type { PlatformReader } from './platform';
import { tiktok } from './tiktok';
import { youtube } from './youtube';

export const READERS: Readonly<Partial<Record<Platform, PlatformReader>>> = { tiktok, youtube };

/** The reader whose hosts include the URL's host, if any. */
export function readerForUrl(url: URL): PlatformReader | undefined {
  return Object.values(READERS).find((reader) => reader.hosts.includes(url.hostname));
}
