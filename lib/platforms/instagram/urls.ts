/**
 * Instagram's addresses, which the collector (page), the reader (worker) and the store (pasted profile links) all
 * need: profiles (`/handle/`, with its `/reels/` and `/tagged/` tabs) and posts (`/p/ID/`, `/reel/ID/`, `/tv/ID/`,
 * `/handle/p/ID/`, `/handle/reel/ID/`).
 */

/** The characters and length Instagram allows in a username. */
export const USER = '[A-Za-z0-9._]{1,30}';
export const PROFILE_PATH = new RegExp(`^/(${USER})(?:/(?:reels|tagged))?/?$`);
/** A post's shortcode. */
export const POST_ID = '[A-Za-z0-9_-]{5,60}';
const POST_PATH = new RegExp(`^/(?:(${USER})/)?(p|reel|tv)/(${POST_ID})(?:/.*)?$`);

/** First path segments that are Instagram's own pages, never a username. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  'explore',
  'direct',
  'accounts',
  'stories',
  'reels',
  'reel',
  'p',
  'tv',
  'about',
  'developer',
  'legal',
  'web',
  'emails',
  'challenge',
  'session',
  'oauth',
  'privacy',
  'terms',
  'graphql',
  'api',
  'ar',
  'create',
  'directory',
  'lite',
  'nametag',
  'press',
  'your_activity',
  'threads',
  'popular',
  'topics',
  'locations',
  'archive',
  'notifications',
  'meta_verified',
  'ads',
  'qr',
  'invites',
  'download',
  'business',
  'static',
]);

/** True when a first path segment is one of Instagram's own pages. */
export const isReserved = (segment: string) => RESERVED_PATHS.has(segment.toLowerCase());

/** The handle of a profile address, or undefined when the address is not a profile's. */
export function profileHandle(url: URL): string | undefined {
  const handle = PROFILE_PATH.exec(url.pathname)?.[1];
  return handle && !isReserved(handle) ? handle : undefined;
}

export interface PostPath {
  author?: string;
  kind: 'p' | 'reel' | 'tv';
  id: string;
}

/** The post a path names, with its author when the path names one (`/handle/p/ID/`). */
export function postPath(pathname: string): PostPath | undefined {
  const m = POST_PATH.exec(pathname);
  if (!m?.[2] || !m[3]) return undefined;
  const author = m[1] && !isReserved(m[1]) ? m[1] : undefined;
  if (m[1] && !author) return undefined;
  return { author, kind: m[2] as PostPath['kind'], id: m[3] };
}
