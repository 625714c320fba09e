/** Every platform reader, and how to find the one for a URL. */
import type { Platform } from '../reading';
import type { PlatformReader } from './platform';
import { instagram } from './instagram';
import { tiktok } from './tiktok';
import { x } from './x';
import { youtube } from './youtube';

export const READERS: Readonly<Partial<Record<Platform, PlatformReader>>> = { instagram, tiktok, youtube, x };

/** The reader whose hosts include the URL's host, if any. */
export function readerForUrl(url: URL): PlatformReader | undefined {
  return Object.values(READERS).find((reader) => reader.hosts.includes(url.hostname));
}
