/** Number and label formatting for the extension's pages, in the browser's language. */
import type { CountField, CountSource, Platform } from '../lib/reading';

export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
};

/** What each platform calls its counts, so the popup speaks the site's language. */
export const COUNT_LABELS: Record<
  Platform,
  Record<'followers' | 'posts' | 'likes' | 'comments' | 'shares' | 'saves' | 'views', string>
> = {
  instagram: {
    followers: 'Followers',
    posts: 'Posts',
    likes: 'Likes',
    comments: 'Comments',
    shares: 'Shares',
    saves: 'Saves',
    views: 'Views',
  },
  tiktok: {
    followers: 'Followers',
    posts: 'Videos',
    likes: 'Likes',
    comments: 'Comments',
    shares: 'Shares',
    saves: 'Favourites',
    views: 'Views',
  },
  youtube: {
    followers: 'Subscribers',
    posts: 'Videos',
    likes: 'Likes',
    comments: 'Comments',
    shares: 'Shares',
    saves: 'Saves',
    views: 'Views',
  },
  x: {
    followers: 'Followers',
    posts: 'Posts',
    likes: 'Likes',
    comments: 'Replies',
    shares: 'Reposts',
    saves: 'Bookmarks',
    views: 'Views',
  },
};

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "783,427" in the user's locale. */
export function formatCount(value: number): string {
  return integer.format(value);
}

export const SOURCE_LABELS: Record<CountSource, string> = {
  'title-attribute': "the page's exact-count tooltip",
  'aria-label': "the page's accessibility label",
  'visible-text': 'the number shown on the page',
  'json-ld': "the page's structured data",
  'page-data': "the page's embedded data",
  'meta-tag': "the page's description",
  manual: 'your correction',
};

/** One line saying how exact a count is and where it was read, e.g. "exact · shown as 783.4K · from …". */
export function describeCount(field: CountField): string {
  if (field.status === 'unknown') return field.reason;
  if (field.status === 'hidden') return field.reason;
  const shownDiffers = field.text !== '' && field.text.replace(/\D/g, '') !== String(field.value);
  const parts = [field.exact ? 'exact' : `about (${formatCount(field.min)}–${formatCount(field.max)})`];
  if (shownDiffers) parts.push(`shown as ${field.text}`);
  parts.push(`from ${SOURCE_LABELS[field.source]}`);
  return parts.join(' · ');
}
