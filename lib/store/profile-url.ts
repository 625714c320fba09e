/**
 * Profile addresses ↔ platform and handle: the canonical profile URL the shortlist stores and exports, and the
 * parser that turns a pasted URL or @handle into a creator to seed a shortlist with.
 */
import type { Platform } from '../reading';
import { PLATFORMS } from '../reading';
import { PLATFORM_HOSTS } from '../platforms/hosts';
import { X_RESERVED_PATHS } from '../platforms/x/urls';
import { RESERVED_PATHS as INSTAGRAM_RESERVED_PATHS } from '../platforms/instagram/urls';

/** A creator named by platform and handle (no "@"; a channel id for YouTube channels without a handle). */
export interface ProfileRef {
  platform: Platform;
  handle: string;
}

/** A YouTube channel id ("UC" and 22 URL-safe base64 characters). */
const YOUTUBE_CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

/** The characters each site allows in a handle (length is capped at 100 by the store, not per site). */
const HANDLE_PATTERNS: Record<Platform, RegExp> = {
  instagram: /^[A-Za-z0-9._]{1,100}$/,
  tiktok: /^[A-Za-z0-9._]{1,100}$/,
  // YouTube handles may be written in many scripts, and use "_", "-", "." and the middle dot.
  youtube: /^[\p{L}\p{M}\p{N}._·-]{1,100}$/u,
  x: /^[A-Za-z0-9_]{1,100}$/,
};

/** First path segments that are site pages, not profiles (on sites whose profile is the first segment). */
const RESERVED: Record<'instagram' | 'x', ReadonlySet<string>> = {
  instagram: INSTAGRAM_RESERVED_PATHS,
  x: X_RESERVED_PATHS,
};

/** Registrable domain → platform, from the hosts the extension runs on. */
const DOMAIN_PLATFORM: ReadonlyMap<string, Platform> = new Map(
  PLATFORMS.flatMap((platform) =>
    PLATFORM_HOSTS[platform].map((host) => [host.replace(/^www\./, ''), platform] as const),
  ),
);

/** True when `handle` is made of characters `platform` allows. */
export function isValidHandle(platform: Platform, handle: string): boolean {
  if (platform === 'youtube' && YOUTUBE_CHANNEL_ID.test(handle)) return true;
  return HANDLE_PATTERNS[platform].test(handle);
}

/** The canonical address of a creator's profile page. */
export function profileUrlFor(platform: Platform, handle: string): string {
  switch (platform) {
    case 'instagram':
      return `https://www.instagram.com/${handle}/`;
    case 'tiktok':
      return `https://www.tiktok.com/@${handle}`;
    case 'youtube':
      return YOUTUBE_CHANNEL_ID.test(handle)
        ? `https://www.youtube.com/channel/${handle}`
        : `https://www.youtube.com/@${handle}`;
    case 'x':
      return `https://x.com/${handle}`;
  }
}

/** A parsed profile, or why the input names none. */
export type ProfileParse = { ok: true; profile: ProfileRef } | { ok: false; reason: string };

/**
 * Reads one pasted item: a profile URL (with or without "https://", "www." or a mobile host) or a handle
 * ("@name" or "name"). A bare handle needs `platform`, the one the user chose for such lines.
 */
export function parseProfileInput(input: string, platform?: Platform): ProfileParse {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (looksLikeUrl(text)) return parseProfileUrl(text);
  const handle = text.replace(/^@/, '');
  if (!platform) return { ok: false, reason: 'a handle without a platform: choose the platform for bare handles' };
  if (handle.length > 100 || !isValidHandle(platform, handle)) {
    return { ok: false, reason: `"${clip(text)}" is not a valid ${platform} handle` };
  }
  return { ok: true, profile: { platform, handle } };
}

function looksLikeUrl(text: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.includes('/') || /^(www\.|m\.|mobile\.)?[a-z0-9-]+\.com$/i.test(text)
  );
}

function parseProfileUrl(text: string): ProfileParse {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: `"${clip(text)}" is not a web address` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'not a web address' };
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  const platform = DOMAIN_PLATFORM.get(host);
  if (!platform) {
    const shortLink = [...DOMAIN_PLATFORM.keys()].some((domain) => host.endsWith(`.${domain}`)) || host === 'youtu.be';
    return {
      ok: false,
      reason: shortLink
        ? 'a short or app link: open it and copy the address of the profile page'
        : `${url.hostname} is not a supported site (Instagram, TikTok, YouTube, X)`,
    };
  }
  let segments: string[];
  try {
    segments = url.pathname
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return { ok: false, reason: 'the address has broken %-escapes' };
  }
  const first = segments[0];
  if (first === undefined) return { ok: false, reason: `a ${platformName(platform)} address without a profile in it` };
  const handle = handleFromPath(platform, segments, first);
  if ('reason' in handle) return { ok: false, reason: handle.reason };
  if (handle.value.length > 100 || !isValidHandle(platform, handle.value)) {
    return { ok: false, reason: `"${clip(handle.value)}" is not a valid ${platformName(platform)} handle` };
  }
  return { ok: true, profile: { platform, handle: handle.value } };
}

function handleFromPath(platform: Platform, segments: string[], first: string): { value: string } | { reason: string } {
  const notProfile = { reason: `a ${platformName(platform)} page that is not a profile` };
  switch (platform) {
    case 'instagram':
      if (first === 'p' || first === 'reel' || first === 'reels' || first === 'tv') {
        return { reason: 'a post link: it does not name the creator; copy the profile address instead' };
      }
      return RESERVED.instagram.has(first.toLowerCase()) ? notProfile : { value: first };
    case 'tiktok':
      // A video link (/@name/video/123) names its creator, so it seeds the shortlist as well as the profile does.
      return first.startsWith('@') && first.length > 1 ? { value: first.slice(1) } : notProfile;
    case 'youtube':
      if (first.startsWith('@') && first.length > 1) return { value: first.slice(1) };
      if (first === 'channel' && segments[1]) {
        return YOUTUBE_CHANNEL_ID.test(segments[1]) ? { value: segments[1] } : { reason: 'not a YouTube channel id' };
      }
      if (first === 'c' || first === 'user') {
        return { reason: 'an old /c/ or /user/ link: open the channel and copy its @handle address' };
      }
      if (first === 'watch' || first === 'shorts') {
        return { reason: 'a video link: it does not name the channel; copy the channel address instead' };
      }
      return notProfile;
    case 'x':
      return RESERVED.x.has(first.toLowerCase()) ? notProfile : { value: first };
  }
}

function platformName(platform: Platform): string {
  return { instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', x: 'X' }[platform];
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
