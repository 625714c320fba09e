/**
 * X (x.com, twitter.com): profiles (`/handle`, `/handle/with_replies`, `/handle/media`) and posts
 * (`/handle/status/ID`).
 *
 * Seen on tests/fixtures/x/profile-kikobeats.html and status-1222907250383245320.html (rendered DOM, 2025):
 * - `<title>` is "Name (@handle) / X" once a profile has loaded; until then the previous page's DOM may still be
 *   on screen, so nothing is read as a profile before the title names the URL's handle
 *   (insin/control-panel-for-twitter does the same);
 * - follow counts are links `a[href="/handle/verified_followers"]` (or `/followers`) and `/handle/following`,
 *   whose number sits in its own span ("3,893") beside the label;
 * - the posts total is the top bar's line under the name ("23.9K posts", truncated like the other counts);
 * - `script[type="application/ld+json"]` (a ProfilePage) holds exact totals in `interactionStatistic`; it is used
 *   only when its `additionalName`/`url` is the URL's handle;
 * - each post is `[data-testid="tweet"]`; its action bar `[role="group"]` has an aria-label with exact counts
 *   ("10 replies, 1 repost, 27 likes, 5 bookmarks, 11424 views", zero counts left out), each button
 *   `[data-testid="reply|retweet|like|bookmark"]` its own ("18151 Replies. Reply") and the views link
 *   `a[href$="/analytics"]` its own ("11424 views. View post analytics"), while the visible text is abbreviated;
 * - `[data-testid="socialContext"]` above a post says "Pinned" or "… reposted"; promoted posts sit inside
 *   `[data-testid="placementTracking"]` (on the profile that wrapper also holds the Follow button).
 */
import type { CountField, PostReading, Reading } from '../reading';
import { cleanText, countFromText, pageLang, readingUrl, upgradeToExact } from './fields';
import { PLATFORM_HOSTS } from './hosts';
import { exactInteger, integersIn, sameHandle } from './page-numbers';
import type { PageKind, PlatformReader } from './platform';

const HANDLE = '[A-Za-z0-9_]{1,20}';
const PROFILE_PATH = new RegExp(`^/(${HANDLE})(?:/(?:with_replies|media))?/?$`);
const STATUS_PATH = new RegExp(`^/(${HANDLE})/status/(\\d{1,25})(?:/.*)?$`);
/** First path segments that are X's own pages, never a handle. */
const RESERVED = new Set([
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
]);

type Metric = 'comments' | 'shares' | 'likes' | 'saves' | 'views';
type MetricCounts = Partial<Record<Metric, number>>;

/** The action-bar buttons, in the order X lists their counts in the group's aria-label. */
const BUTTONS: readonly { metric: Exclude<Metric, 'views'>; testIds: readonly string[]; what: string }[] = [
  { metric: 'comments', testIds: ['reply'], what: 'replies' },
  // The "un…" test ids are the same buttons once the signed-in person has reposted, liked or bookmarked.
  { metric: 'shares', testIds: ['retweet', 'unretweet'], what: 'reposts' },
  { metric: 'likes', testIds: ['like', 'unlike'], what: 'likes' },
  { metric: 'saves', testIds: ['bookmark', 'removeBookmark'], what: 'bookmarks' },
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

function profileHandle(url: URL): string | undefined {
  const handle = PROFILE_PATH.exec(url.pathname)?.[1];
  return handle && !RESERVED.has(handle.toLowerCase()) ? handle : undefined;
}

function statusPath(url: URL): { author: string; id: string } | undefined {
  const m = STATUS_PATH.exec(url.pathname);
  if (!m?.[1] || !m[2] || RESERVED.has(m[1].toLowerCase())) return undefined;
  return { author: m[1], id: m[2] };
}

/** True when `<title>` names the handle ("Kiko Beats (@Kikobeats) / X"), which X sets once the profile has loaded. */
function titleNames(doc: Document, handle: string): boolean {
  const title = doc.title.toLowerCase();
  return title.includes(`(@${handle.toLowerCase()})`);
}

/** The `@handle` the profile header shows, if it has rendered. */
function headerHandle(doc: Document): string | undefined {
  const text = cleanText(doc.querySelector('[data-testid="UserName"]')?.textContent, 500);
  return new RegExp(`@(${HANDLE})`).exec(text)?.[1];
}

/** A link of the profile header (`/handle/following`), matched without regard to the handle's case. */
function profileLink(doc: Document, handle: string, suffixes: readonly string[]): Element | undefined {
  const wanted = new Set(suffixes.map((s) => `/${handle}/${s}`.toLowerCase()));
  const column = doc.querySelector('[data-testid="primaryColumn"]') ?? doc;
  return Array.from(column.querySelectorAll('a[href]')).find((a) =>
    wanted.has((a.getAttribute('href') ?? '').toLowerCase()),
  );
}

/** A follow count from its header link: the number has its own span, so the label's words stay out of it. */
function linkCount(link: Element | undefined, lang: string, what: string): CountField {
  if (!link) return { status: 'unknown', reason: `the profile header shows no ${what} count` };
  const numberSpan = Array.from(link.querySelectorAll('span')).find(
    (s) => s.childElementCount === 0 && /\d/.test(s.textContent ?? ''),
  );
  const shown = countFromText(numberSpan?.textContent ?? link.textContent, lang, 'visible-text', what);
  const title = exactInteger(link.querySelector('[title]')?.getAttribute('title'));
  return upgradeToExact(shown, title, 'title-attribute');
}

/** The top bar's "23.9K posts" line, right under the profile's name. */
function postsLine(doc: Document, lang: string): CountField {
  const column = doc.querySelector('[data-testid="primaryColumn"]') ?? doc;
  const line = column.querySelector('h2[role="heading"]')?.nextElementSibling?.textContent;
  if (!line || !/\d/.test(line)) return { status: 'unknown', reason: 'the profile shows no post count' };
  return countFromText(line, lang, 'visible-text', 'posts');
}

interface ProfileTotals {
  followers?: number;
  following?: number;
  posts?: number;
}

/** Exact totals from the ProfilePage JSON-LD, only when it describes `handle`. */
function jsonLdTotals(doc: Document, handle: string): ProfileTotals {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
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

interface TweetIdentity {
  author: string;
  id: string;
  href: string;
  publishedAt?: string;
}

/**
 * Who wrote a post and its id, from its own timestamp link (`/author/status/ID`). A quoted post inside it comes
 * later in the DOM and its timestamp is not a link, so the first link holding a `<time>` is the post's own.
 */
function tweetIdentity(tweet: Element): TweetIdentity | undefined {
  for (const time of Array.from(tweet.querySelectorAll('time'))) {
    const link = time.closest('a[href]');
    const href = link?.getAttribute('href') ?? '';
    const m = STATUS_PATH.exec(href.split(/[?#]/)[0] ?? '');
    if (m?.[1] && m[2]) {
      return { author: m[1], id: m[2], href, publishedAt: time.getAttribute('datetime') ?? undefined };
    }
  }
  return undefined;
}

interface ButtonReading {
  /** The count the button shows, if any. */
  shown?: string;
  /** The exact count in the button's own aria-label, if it has one. */
  exact?: number;
  /** The button is there and shows no count at all (X shows nothing for zero). */
  blank: boolean;
}

function readButton(tweet: Element, testIds: readonly string[]): ButtonReading | undefined {
  const button = tweet.querySelector(testIds.map((id) => `[data-testid="${id}"]`).join(', '));
  if (!button) return undefined;
  const numbers = integersIn(button.getAttribute('aria-label'));
  const shown = cleanText(button.textContent) || undefined;
  return { shown, exact: numbers.length === 1 ? numbers[0] : undefined, blank: numbers.length === 0 && !shown };
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
function tweetCounts(tweet: Element, lang: string): Record<Metric, CountField> {
  const buttons: Partial<Record<Metric, ButtonReading>> = {};
  for (const { metric, testIds } of BUTTONS) buttons[metric] = readButton(tweet, testIds);

  const viewsLink = tweet.querySelector('a[href$="/analytics"]');
  const viewNumbers = integersIn(viewsLink?.getAttribute('aria-label'));
  const viewsExact = viewNumbers.length === 1 ? viewNumbers[0] : undefined;

  const groupLabel = cleanText(tweet.querySelector('[role="group"][aria-label]')?.getAttribute('aria-label'), 500);
  const english = groupLabel && lang.toLowerCase().startsWith('en') ? englishGroup(groupLabel) : undefined;
  const group = groupLabel ? (english ?? groupByOrder(integersIn(groupLabel), buttons, viewsExact)) : undefined;

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
  counts.views = viewsLink
    ? field('views', 'views', { shown: cleanText(viewsLink.textContent) || undefined, exact: viewsExact, blank: false })
    : upgradeToExact({ status: 'unknown', reason: 'X shows no view count for this post' }, group?.views, 'aria-label');
  return counts;
}

/** Posts of the page, leaving out promoted ones. */
function pageTweets(doc: Document): Element[] {
  const column = doc.querySelector('[data-testid="primaryColumn"]') ?? doc;
  return Array.from(column.querySelectorAll('[data-testid="tweet"]')).filter(
    (t) => !t.closest('[data-testid="placementTracking"]') && !t.parentElement?.closest('[data-testid="tweet"]'),
  );
}

function postReading(tweet: Element, who: TweetIdentity, base: URL, lang: string, pinned: boolean, repost: boolean) {
  const counts = tweetCounts(tweet, lang);
  const caption = cleanText(tweet.querySelector('[data-testid="tweetText"]')?.textContent, 5000);
  const post: PostReading = {
    id: who.id,
    url: readingUrl(new URL(who.href, base)),
    format: 'post',
    pinned,
    repost,
    likes: counts.likes,
    comments: counts.comments,
    views: counts.views,
    shares: counts.shares,
    saves: counts.saves,
    caption: caption || undefined,
    publishedAt: who.publishedAt,
  };
  return post;
}

/**
 * The profile's timeline in page order. A post by another account is a repost when X says so above it; without
 * that line it is another account's post shown for context (the replies tab), so it is left out. The creator's
 * own post with a line above it is pinned when the line says so — or, in a language whose words we don't know,
 * when it is the first post, the only place X puts a pinned one — and a repost of their own post otherwise.
 */
function timeline(doc: Document, url: URL, handle: string, lang: string): PostReading[] {
  const posts: PostReading[] = [];
  for (const tweet of pageTweets(doc)) {
    const who = tweetIdentity(tweet);
    if (!who) continue;
    const own = sameHandle(who.author, handle);
    const context = cleanText(tweet.querySelector('[data-testid="socialContext"]')?.textContent) || undefined;
    if (!own && !context) continue;
    let pinned = false;
    let repost = !own;
    if (own && context) {
      if (/\b(reposted|retweeted)\b/i.test(context)) repost = true;
      else if (/\bpinned\b/i.test(context) || posts.length === 0) pinned = true;
      else repost = true;
    }
    posts.push(postReading(tweet, who, url, lang, pinned, repost));
    if (posts.length >= 500) break;
  }
  return posts;
}

function readProfile(doc: Document, url: URL, handle: string, now: number): Reading {
  const lang = pageLang(doc);
  const base = { platform: 'x' as const, url: readingUrl(url), lang, readAt: now };
  const shown = headerHandle(doc);
  if (!titleNames(doc, handle) || (shown && !sameHandle(shown, handle))) {
    const still = shown && !sameHandle(shown, handle) ? `the page still shows @${shown}` : 'the profile has not loaded';
    return { kind: 'other', ...base, reason: `${still}, not @${handle}` };
  }
  const totals = jsonLdTotals(doc, handle);
  const name = /^(?:\(\d+\)\s*)?(.*?)\s*\(@/.exec(doc.title)?.[1];
  const bio = cleanText(doc.querySelector('[data-testid="UserDescription"]')?.textContent, 5000);
  return {
    kind: 'profile',
    ...base,
    handle: shown ?? handle,
    displayName: cleanText(name) || undefined,
    bio: bio || undefined,
    followers: upgradeToExact(
      linkCount(profileLink(doc, handle, ['verified_followers', 'followers']), lang, 'followers'),
      totals.followers,
      'json-ld',
    ),
    following: upgradeToExact(
      linkCount(profileLink(doc, handle, ['following']), lang, 'following'),
      totals.following,
      'json-ld',
    ),
    posts: upgradeToExact(postsLine(doc, lang), totals.posts, 'json-ld'),
    totalLikes: { status: 'unknown', reason: "X doesn't show a profile's total likes" },
    recentPosts: timeline(doc, url, handle, lang),
  };
}

function focalTweet(doc: Document, id: string): { tweet: Element; who: TweetIdentity } | undefined {
  for (const tweet of pageTweets(doc)) {
    const who = tweetIdentity(tweet);
    if (who?.id === id) return { tweet, who };
  }
  return undefined;
}

function readStatus(doc: Document, url: URL, id: string, now: number): Reading {
  const lang = pageLang(doc);
  const base = { platform: 'x' as const, url: readingUrl(url), lang, readAt: now };
  const focal = focalTweet(doc, id);
  if (!focal) return { kind: 'other', ...base, reason: 'the post has not loaded yet' };
  return {
    kind: 'post',
    ...base,
    author: focal.who.author,
    post: { ...postReading(focal.tweet, focal.who, url, lang, false, false), url: readingUrl(url) },
  };
}

/** The X reader: profiles and single posts on x.com and twitter.com. */
export const x: PlatformReader = {
  platform: 'x',
  label: 'X',
  hosts: PLATFORM_HOSTS.x,

  pageKind(url: URL): PageKind {
    if (profileHandle(url)) return 'profile';
    if (statusPath(url)) return 'post';
    return 'other';
  },

  handleFromUrl(url: URL) {
    return profileHandle(url) ?? statusPath(url)?.author;
  },

  isReady(doc: Document, url: URL) {
    const handle = profileHandle(url);
    if (handle) {
      const shown = headerHandle(doc);
      return (
        titleNames(doc, handle) &&
        (shown ? sameHandle(shown, handle) : profileLink(doc, handle, ['following']) !== undefined)
      );
    }
    const status = statusPath(url);
    if (status) return focalTweet(doc, status.id) !== undefined;
    return true;
  },

  read(doc: Document, url: URL, now = Date.now()): Reading {
    const handle = profileHandle(url);
    if (handle) return readProfile(doc, url, handle, now);
    const status = statusPath(url);
    if (status) return readStatus(doc, url, status.id, now);
    return {
      kind: 'other',
      platform: 'x',
      url: readingUrl(url),
      lang: pageLang(doc),
      readAt: now,
      reason: 'this X page is not a profile or a post',
    };
  },
};
