/**
 * What a YouTube URL names: a channel (by @handle, channel id, or a legacy /c/ or /user/ name) with an optional
 * tab, a video (`/watch?v=`) or a Short (`/shorts/ID`).
 */

/** The channel tabs whose pages the reader reads; "featured" is the channel's home. */
export const CHANNEL_TABS = ['featured', 'videos', 'shorts', 'streams'] as const;
export type ChannelTab = (typeof CHANNEL_TABS)[number];

/** How a URL or a link names a channel. `value` is the handle without "@", the UC… id, or the legacy name. */
export interface ChannelRef {
  by: 'handle' | 'id' | 'c' | 'user';
  value: string;
}

const CHANNEL_PATH =
  /^\/(?:@([^/?#\s]{1,100})|channel\/(UC[\w-]{22})|c\/([^/?#\s]{1,100})|user\/([^/?#\s]{1,100}))(?:\/([a-z]+))?\/?$/;

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The channel a path names and its tab ("featured" when none), or undefined for other paths and other tabs. */
export function channelFromPath(pathname: string): { ref: ChannelRef; tab: ChannelTab } | undefined {
  const m = CHANNEL_PATH.exec(pathname);
  if (!m) return undefined;
  const tab = (m[5] ?? 'featured') as ChannelTab;
  if (!CHANNEL_TABS.includes(tab)) return undefined;
  const [, handle, id, c, user] = m;
  const ref: ChannelRef | undefined = handle
    ? { by: 'handle', value: decode(handle) }
    : id
      ? { by: 'id', value: id }
      : c
        ? { by: 'c', value: decode(c) }
        : user
          ? { by: 'user', value: decode(user) }
          : undefined;
  return ref && { ref, tab };
}

/** The channel a link (absolute or site-relative, any tab) points to, for comparing identities. */
export function channelFromHref(href: string | null | undefined): ChannelRef | undefined {
  if (!href) return undefined;
  let path: string;
  try {
    path = new URL(href, 'https://www.youtube.com').pathname;
  } catch {
    return undefined;
  }
  // Any sub-page of the channel names the same channel.
  const base = /^\/(?:@[^/]+|channel\/[^/]+|c\/[^/]+|user\/[^/]+)/.exec(path)?.[0];
  return base ? channelFromPath(base)?.ref : undefined;
}

const VIDEO_ID = /^[\w-]{11}$/;

/** The video a watch or Shorts URL names, or undefined. */
export function videoFromUrl(url: URL): { id: string; short: boolean } | undefined {
  if (url.pathname === '/watch') {
    const id = url.searchParams.get('v') ?? '';
    return VIDEO_ID.test(id) ? { id, short: false } : undefined;
  }
  const short = /^\/shorts\/([\w-]{11})\/?$/.exec(url.pathname)?.[1];
  return short ? { id: short, short: true } : undefined;
}

/** The video id of a watch or Shorts link (absolute or site-relative), or undefined. */
export function videoIdFromHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return videoFromUrl(new URL(href, 'https://www.youtube.com'))?.id;
  } catch {
    return undefined;
  }
}

/** True when two channel references are the same channel, as far as the references can tell. */
export function sameChannel(a: ChannelRef | undefined, b: ChannelRef | undefined): boolean {
  if (!a || !b || a.by !== b.by) return false;
  // Handles and legacy names are case-insensitive on YouTube; channel ids are not.
  return a.by === 'id' ? a.value === b.value : a.value.toLowerCase() === b.value.toLowerCase();
}

/** True for a link to a channel's videos, Shorts or live tab: the home tab's "latest uploads" shelves link there. */
export function isUploadsLink(href: string | null | undefined): boolean {
  return /\/(?:videos|shorts|streams)(?:[?#]|$)/.test(href ?? '');
}
