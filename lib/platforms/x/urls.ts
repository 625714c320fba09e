/**
 * X's profile (`/handle`, `/handle/with_replies`, `/handle/media`) and post (`/handle/status/ID`) addresses, which
 * both halves need, and the first path segments that are X's own pages (the shortlist's import uses them too).
 */
export const HANDLE = '[A-Za-z0-9_]{1,20}';
export const PROFILE_PATH = new RegExp(`^/(${HANDLE})(?:/(?:with_replies|media))?/?$`);
export const STATUS_PATH = new RegExp(`^/(${HANDLE})/status/(\\d{1,25})(?:/.*)?$`);

/** First path segments that are X's own pages, never a handle (compared in lower case). */
export const X_RESERVED_PATHS: ReadonlySet<string> = new Set([
  'home',
  'explore',
  'search',
  'i',
  'settings',
  'messages',
  'notifications',
  'compose',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'about',
  'jobs',
  'hashtag',
  'intent',
  'share',
  'account',
  'download',
  'bookmarks',
  'lists',
  'communities',
  'premium',
  'grok',
  'jf',
  'verified-choose',
  'who_to_follow',
  'connect_people',
  'topics',
  'following',
  'followers',
]);

/** The handle a profile address names. */
export function profileHandle(url: URL): string | undefined {
  const handle = PROFILE_PATH.exec(url.pathname)?.[1];
  return handle && !X_RESERVED_PATHS.has(handle.toLowerCase()) ? handle : undefined;
}

/** The author and id of a post path (`/author/status/ID…`), as a post's own timestamp link has it. */
export function postPath(path: string): { author: string; id: string } | undefined {
  const m = STATUS_PATH.exec(path);
  return m?.[1] && m[2] ? { author: m[1], id: m[2] } : undefined;
}

/** The author and id a post page's address names (not one of X's own pages, such as `/i/status/ID`). */
export function statusPath(url: URL): { author: string; id: string } | undefined {
  const post = postPath(url.pathname);
  return post && !X_RESERVED_PATHS.has(post.author.toLowerCase()) ? post : undefined;
}
