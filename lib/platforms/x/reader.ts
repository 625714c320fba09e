/**
 * X in the worker: a capture from page.ts interpreted into a reading.
 *
 * Counts are what a person sees, made exact by what the page also holds: the follow links' `title`, the
 * ProfilePage JSON-LD (only when it is about the URL's handle) and the posts' aria-labels, read by their English
 * words or, in other languages, by the order X lists them in.
 */
import type { CountField, PostReading, Reading } from '../../reading';
import { countFromText, upgradeToExact } from '../fields';
import { defineReader, type ReadingBase } from '../define-reader';
import { exactInteger, integersIn, sameHandle } from '../page-numbers';
import { cleanText, readingUrl } from '../page-text';
import { XCaptureSchema, type XCapture, type XControl, type XFollowLink, type XTweet } from './capture';
import { handleIn, titleNames } from './handles';
import { xPage } from './page';
import { postPath, profileHandle, statusPath } from './urls';

type Capture<K extends XCapture['kind']> = Extract<XCapture, { kind: K }>;

type Metric = 'comments' | 'shares' | 'likes' | 'saves' | 'views';
type MetricCounts = Partial<Record<Metric, number>>;

/** The action-bar buttons, in the order X lists their counts in the group's aria-label. */
const BUTTONS: readonly {
  metric: Exclude<Metric, 'views'>;
  control: 'reply' | 'repost' | 'like' | 'bookmark';
  what: string;
}[] = [
  { metric: 'comments', control: 'reply', what: 'replies' },
  { metric: 'shares', control: 'repost', what: 'reposts' },
  { metric: 'likes', control: 'like', what: 'likes' },
  { metric: 'saves', control: 'bookmark', what: 'bookmarks' },
];

/** English label words of the group's aria-label. */
const ENGLISH_LABELS: Readonly<Record<string, Metric>> = {
  reply: 'comments',
  replies: 'comments',
  repost: 'shares',
  reposts: 'shares',
  retweet: 'shares',
  retweets: 'shares',
  like: 'likes',
  likes: 'likes',
  bookmark: 'saves',
  bookmarks: 'saves',
  view: 'views',
  views: 'views',
};

/** A follow count from its header link, made exact by the link's `title` when it has one. */
function linkCount(link: XFollowLink | undefined, lang: string, what: string): CountField {
  if (!link) return { status: 'unknown', reason: `the profile header shows no ${what} count` };
  const shown = countFromText(link.text, lang, 'visible-text', what);
  return upgradeToExact(shown, exactInteger(link.title), 'title-attribute');
}

interface ProfileTotals {
  followers?: number;
  following?: number;
  posts?: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Exact totals from the first ProfilePage JSON-LD, only when it describes `handle`. */
function jsonLdTotals(scripts: readonly string[], handle: string): ProfileTotals {
  for (const script of scripts) {
    const data = parseJson(script);
    if (typeof data !== 'object' || data === null) continue;
    const entity = (data as { mainEntity?: unknown }).mainEntity;
    if (typeof entity !== 'object' || entity === null) continue;
    const { additionalName, url, interactionStatistic } = entity as Record<string, unknown>;
    const urlHandle = typeof url === 'string' ? /^https:\/\/(?:x|twitter)\.com\/([^/?#]+)/.exec(url)?.[1] : undefined;
    const about = typeof additionalName === 'string' ? additionalName : urlHandle;
    if (!sameHandle(about, handle) || !Array.isArray(interactionStatistic)) continue;
    const totals: ProfileTotals = {};
    for (const stat of interactionStatistic as unknown[]) {
      if (typeof stat !== 'object' || stat === null) continue;
      const { interactionType, userInteractionCount } = stat as Record<string, unknown>;
      if (typeof interactionType !== 'string' || !Number.isSafeInteger(userInteractionCount)) continue;
      const n = userInteractionCount as number;
      if (interactionType.endsWith('/FollowAction')) totals.followers = n;
      else if (interactionType.endsWith('/SubscribeAction')) totals.following = n;
      else if (interactionType.endsWith('/WriteAction')) totals.posts = n;
    }
    return totals;
  }
  return {};
}

interface ButtonReading {
  /** The count the button shows, if any. */
  shown?: string;
  /** The exact count in the button's own aria-label, if it has one. */
  exact?: number;
  /** The button is there and shows no count at all (X shows nothing for zero). */
  blank: boolean;
}

function readButton(button: XControl | undefined): ButtonReading | undefined {
  if (!button) return undefined;
  const numbers = integersIn(button.label);
  return {
    shown: button.text,
    exact: numbers.length === 1 ? numbers[0] : undefined,
    blank: numbers.length === 0 && !button.text,
  };
}

/** The group's aria-label read by its English label words; undefined when any part is not one of them. */
function englishGroup(label: string): MetricCounts | undefined {
  const counts: MetricCounts = {};
  for (const part of label.split(/,\s+/)) {
    const m = /^(\d[\d,]*)\s+(\p{L}+)$/u.exec(part.trim());
    const metric = m?.[2] ? ENGLISH_LABELS[m[2].toLowerCase()] : undefined;
    const n = exactInteger(m?.[1]);
    if (!metric || n === undefined) return undefined;
    counts[metric] = n;
  }
  return counts;
}

/**
 * The group's aria-label in any language, read by position: X lists replies, reposts, likes, bookmarks and views
 * in that order and leaves zeros out, so the numbers can only be placed when the buttons' own aria-labels say
 * which of replies, reposts and likes are there (and the views link which views). Then the one number left over,
 * if any, is the bookmarks. Undefined when the two disagree.
 */
function groupByOrder(
  numbers: readonly number[],
  buttons: Partial<Record<Metric, ButtonReading>>,
  views: number | undefined,
): MetricCounts | undefined {
  const counts: MetricCounts = {};
  const before: number[] = [];
  for (const metric of ['comments', 'shares', 'likes'] as const) {
    const b = buttons[metric];
    const n = b?.exact ?? (b?.blank ? 0 : undefined);
    if (n === undefined) return undefined;
    counts[metric] = n;
    if (n > 0) before.push(n);
  }
  const after = views !== undefined && views > 0 ? [views] : [];
  const extra = numbers.length - before.length - after.length;
  if (extra !== 0 && extra !== 1) return undefined;
  const expected = [...before, ...(extra ? [numbers[before.length] ?? -1] : []), ...after];
  if (expected.some((n, i) => n !== numbers[i])) return undefined;
  return { ...counts, saves: extra ? numbers[before.length] : 0 };
}

/** Replies, reposts, likes, bookmarks and views of one post: the shown text upgraded to the aria-labels' exact counts. */
function tweetCounts(tweet: XTweet, lang: string): Record<Metric, CountField> {
  const buttons: Partial<Record<Metric, ButtonReading>> = {};
  for (const { metric, control } of BUTTONS) buttons[metric] = readButton(tweet[control]);

  const views = readButton(tweet.views);
  const groupLabel = tweet.group;
  const english = groupLabel && lang.toLowerCase().startsWith('en') ? englishGroup(groupLabel) : undefined;
  const group = groupLabel ? (english ?? groupByOrder(integersIn(groupLabel), buttons, views?.exact)) : undefined;

  const field = (metric: Metric, what: string, reading: ButtonReading | undefined): CountField => {
    const shown: CountField = reading?.shown
      ? countFromText(reading.shown, lang, 'visible-text', what)
      : { status: 'unknown', reason: `X shows no ${what} count for this post` };
    let exact = reading?.exact ?? group?.[metric];
    // X leaves zero counts out of the group's label and shows nothing on the button, so a button with no count
    // whose metric the (fully understood) label leaves out stands for zero — read, not guessed.
    if (exact === undefined && group && reading?.blank) exact = 0;
    return upgradeToExact(shown, exact, 'aria-label');
  };

  const counts = {} as Record<Metric, CountField>;
  for (const { metric, what } of BUTTONS) counts[metric] = field(metric, what, buttons[metric]);
  // The views link always shows a number when it is there, so it is never a blank zero.
  counts.views = views
    ? field('views', 'views', { ...views, blank: false })
    : upgradeToExact({ status: 'unknown', reason: 'X shows no view count for this post' }, group?.views, 'aria-label');
  return counts;
}

function postReading(tweet: XTweet, id: string, base: URL, lang: string, pinned: boolean, repost: boolean) {
  const counts = tweetCounts(tweet, lang);
  const post: PostReading = {
    id,
    url: readingUrl(new URL(tweet.path, base)),
    format: 'post',
    pinned,
    repost,
    likes: counts.likes,
    comments: counts.comments,
    views: counts.views,
    shares: counts.shares,
    saves: counts.saves,
    caption: tweet.caption,
    publishedAt: tweet.datetime,
  };
  return post;
}

/**
 * The profile's timeline in page order. A post by another account is a repost when X says so above it; without
 * that line it is another account's post shown for context (the replies tab), so it is left out. The creator's
 * own post with a line above it is pinned when the line says so — or, in a language whose words we don't know,
 * when it is the first post, the only place X puts a pinned one — and a repost of their own post otherwise.
 */
function timeline(tweets: readonly XTweet[], url: URL, handle: string, lang: string): PostReading[] {
  const posts: PostReading[] = [];
  for (const tweet of tweets) {
    const who = postPath(tweet.path);
    if (!who) continue;
    const own = sameHandle(who.author, handle);
    const { context } = tweet;
    if (!own && !context) continue;
    let pinned = false;
    let repost = !own;
    if (own && context) {
      if (/\b(reposted|retweeted)\b/i.test(context)) repost = true;
      else if (/\bpinned\b/i.test(context) || posts.length === 0) pinned = true;
      else repost = true;
    }
    posts.push(postReading(tweet, who.id, url, lang, pinned, repost));
    if (posts.length >= 500) break;
  }
  return posts;
}

function readProfile(page: Capture<'profile'>, base: ReadingBase, url: URL, handle: string): Reading {
  const { lang } = base;
  const shown = handleIn(page.header);
  if (!titleNames(page.title, handle) || (shown && !sameHandle(shown, handle))) {
    const still = shown && !sameHandle(shown, handle) ? `the page still shows @${shown}` : 'the profile has not loaded';
    return { kind: 'other', ...base, reason: `${still}, not @${handle}` };
  }
  const totals = jsonLdTotals(page.jsonLd, handle);
  const name = /^(?:\(\d+\)\s*)?(.*?)\s*\(@/.exec(page.title ?? '')?.[1];
  return {
    kind: 'profile',
    ...base,
    handle: shown ?? handle,
    displayName: cleanText(name) || undefined,
    bio: page.bio,
    followers: upgradeToExact(linkCount(page.followers, lang, 'followers'), totals.followers, 'json-ld'),
    following: upgradeToExact(linkCount(page.following, lang, 'following'), totals.following, 'json-ld'),
    posts: upgradeToExact(
      page.postsLine
        ? countFromText(page.postsLine, lang, 'visible-text', 'posts')
        : { status: 'unknown', reason: 'the profile shows no post count' },
      totals.posts,
      'json-ld',
    ),
    totalLikes: { status: 'unknown', reason: "X doesn't show a profile's total likes" },
    recentPosts: timeline(page.tweets, url, handle, lang),
  };
}

function readStatus(page: Capture<'post'>, base: ReadingBase, url: URL, id: string): Reading {
  const who = page.tweet && postPath(page.tweet.path);
  if (!page.tweet || who?.id !== id) return { kind: 'other', ...base, reason: 'the post has not loaded yet' };
  return {
    kind: 'post',
    ...base,
    author: who.author,
    post: { ...postReading(page.tweet, id, url, base.lang, false, false), url: base.url },
  };
}

/** The X reader: profiles and single posts on x.com and twitter.com. */
export const x = defineReader(xPage, {
  label: 'X',
  schema: XCaptureSchema,
  interpret(page, base, url): Reading {
    const handle = profileHandle(url);
    if (page.kind === 'profile' && handle) return readProfile(page, base, url, handle);
    const status = statusPath(url);
    if (page.kind === 'post' && status) return readStatus(page, base, url, status.id);
    return { kind: 'other', ...base, reason: 'this X page is not a profile or a post' };
  },
});
