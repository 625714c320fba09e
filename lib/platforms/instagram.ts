/**
 * Instagram: profiles (`/handle/`, with its `/reels/` and `/tagged/` tabs) and posts (`/p/ID/`, `/reel/ID/`,
 * `/tv/ID/`, `/handle/p/ID/`, `/handle/reel/ID/`).
 *
 * What the reader relies on, and the saved pages that show it:
 * - served HTML of a first load (tests/fixtures/instagram/profile-pluto__travel.html, post-CPQjO5RIIO9.html,
 *   reel-CN2VQ1yI_MA.html): no rendered header; the counts are only in `og:description` / `description`
 *   ("2,362 Followers, 136 Following, 224 Posts - …", "990K likes, 8,873 comments - author on May 24, 2021: …"),
 *   in the page's language. Instagram does not rewrite these tags on in-app navigation, so they are used only
 *   when `og:url` (else the canonical link) names the page now shown;
 * - the rendered profile header (no real saved page yet; synthetic-profile-2025-en.html and
 *   synthetic-profile-2026-en.html follow research/site-notes.md): the handle in `header h2`, and three stats
 *   whose followers number carries the exact count in a `span[title]` while its text may be truncated ("48.2K"
 *   for 48,213). Since late 2025 the stats are no longer `ul > li` and, logged out, have no `/followers/` links,
 *   so they are found by their numbers and labels, with the title attribute marking the followers;
 * - the rendered grid (synthetic-profile-grid-en.html): reels' views beside `svg[aria-label="View count icon"]`,
 *   pinned tiles marked by `svg[aria-label="Pinned post icon"]`, likes and comments (`ul > li` ×2) only on a
 *   tile the pointer is over;
 * - a post page's embedded data, `script[type="application/json"]` holding
 *   `xdt_api__v1__media__shortcode__web_info.items[]` (read this way by TheKonka/instagram-download-browser-extension
 *   src/content/profile-reel.ts): exact counts and `like_and_view_counts_disabled`, the creator's choice to hide
 *   likes (synthetic-post-hidden-likes-en.html).
 */
import type { CountField, KnownCount, PostReading, Reading } from '../reading';
import { cleanText, countFromText, exactCount, firstKnown, pageLang, readingUrl, upgradeToExact } from './fields';
import { PLATFORM_HOSTS } from './hosts';
import { exactInteger, sameHandle } from './page-numbers';
import type { PageKind, PlatformReader } from './platform';

const USER = '[A-Za-z0-9._]{1,30}';
const PROFILE_PATH = new RegExp(`^/(${USER})(?:/(?:reels|tagged))?/?$`);
const POST_PATH = new RegExp(`^/(?:(${USER})/)?(p|reel|tv)/([A-Za-z0-9_-]{5,60})(?:/.*)?$`);
const FOLLOW_LINK = new RegExp(`^/(${USER})/(followers|following)/?$`);
/** First path segments that are Instagram's own pages, never a username. */
const RESERVED = new Set([
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
]);

type StatKey = 'followers' | 'following' | 'posts';
const STAT_WORDS: Readonly<Record<string, StatKey>> = {
  follower: 'followers',
  followers: 'followers',
  following: 'following',
  post: 'posts',
  posts: 'posts',
};
const NO_SHARES = "Instagram doesn't show shares to visitors";
const NO_SAVES = "Instagram doesn't show saves to visitors";
const HIDDEN_LIKES = "the creator hides this post's like count";

const unknown = (reason: string): CountField => ({ status: 'unknown', reason });

function profileHandle(url: URL): string | undefined {
  const handle = PROFILE_PATH.exec(url.pathname)?.[1];
  return handle && !RESERVED.has(handle.toLowerCase()) ? handle : undefined;
}

interface PostPath {
  author?: string;
  kind: string;
  id: string;
}

function postPath(pathname: string): PostPath | undefined {
  const m = POST_PATH.exec(pathname);
  if (!m?.[2] || !m[3]) return undefined;
  const author = m[1] && !RESERVED.has(m[1].toLowerCase()) ? m[1] : undefined;
  if (m[1] && !author) return undefined;
  return { author, kind: m[2], id: m[3] };
}

// ——— Meta tags of the served page ———

function meta(doc: Document, key: string): string | undefined {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return el?.getAttribute('content') ?? undefined;
}

/** The path the served page's tags describe (`og:url`, else the canonical link). */
function servedPath(doc: Document): string | undefined {
  const href = meta(doc, 'og:url') ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    return new URL(href, 'https://www.instagram.com/').pathname;
  } catch {
    return undefined;
  }
}

/** The description's counts part ("2,362 Followers, 136 Following, 224 Posts") and the rest after " - ". */
function description(doc: Document): { counts: string[]; rest: string } | undefined {
  const text = meta(doc, 'og:description') ?? meta(doc, 'description');
  if (!text) return undefined;
  const cut = text.indexOf(' - ');
  const head = cut < 0 ? text : text.slice(0, cut);
  // ", " (or an ideographic comma) separates the counts; a "," between digits is a thousands separator.
  const counts = head
    .split(/[,，、]\s+|[、，]/)
    .map((s) => cleanText(s))
    .filter((s) => /\p{Nd}/u.test(s));
  return { counts, rest: cut < 0 ? '' : text.slice(cut + 3) };
}

/**
 * Counts from the description, placed by their English label words, else — for other languages — by Instagram's
 * fixed order, but only when exactly as many counts as `order` names were found.
 */
function describedCounts<K extends string>(
  parts: string[],
  lang: string,
  words: Readonly<Record<string, K>>,
  order: readonly K[],
): Partial<Record<K, CountField>> {
  const out: Partial<Record<K, CountField>> = {};
  for (const part of parts) {
    const word = (part.toLowerCase().match(/\p{L}+/gu) ?? []).find((w) => words[w]);
    const key = word ? words[word] : undefined;
    if (key && !out[key]) out[key] = countFromText(part, lang, 'meta-tag', key);
  }
  if (Object.keys(out).length === 0 && parts.length === order.length) {
    order.forEach((key, i) => (out[key] = countFromText(parts[i], lang, 'meta-tag', key)));
  }
  return out;
}

interface ProfileMeta {
  followers?: CountField;
  following?: CountField;
  posts?: CountField;
  displayName?: string;
  bio?: string;
}

/** What the served page's tags say about `handle`, or undefined when they describe another page. */
function profileMeta(doc: Document, handle: string, lang: string): ProfileMeta | undefined {
  const path = servedPath(doc);
  const described = path ? PROFILE_PATH.exec(path)?.[1] : undefined;
  if (!sameHandle(described, handle)) return undefined;
  const desc = description(doc);
  const counts = desc ? describedCounts(desc.counts, lang, STAT_WORDS, ['followers', 'following', 'posts']) : {};
  const name = nameBefore(meta(doc, 'og:title'), handle);
  // The English description ends in the bio: `… on Instagram: "Home of travel — …"`.
  const bio = /:\s*"([\s\S]*)"\s*$/.exec(meta(doc, 'description') ?? '')?.[1];
  return { ...counts, displayName: name, bio: cleanText(bio, 5000) || undefined };
}

/** "Pluto (@pluto__travel) • Instagram photos and videos" → "Pluto", when it names `handle`. */
function nameBefore(title: string | undefined, handle: string): string | undefined {
  const m = /^(.*?)\s*\(@([A-Za-z0-9._]{1,30})\)/.exec(title ?? '');
  return m?.[2] && sameHandle(m[2], handle) ? cleanText(m[1]) || undefined : undefined;
}

// ——— Rendered profile header ———

/** Profile headers on the page (a post opened in a dialog has a header of its own, which is left out). */
function profileHeaders(doc: Document): Element[] {
  const headers = Array.from(doc.querySelectorAll('header')).filter((h) => !h.closest('[role="dialog"]'));
  const inMain = headers.filter((h) => h.closest('main'));
  return inMain.length ? inMain : headers;
}

/** The handles a header shows: its `h1`/`h2` text and the paths of its followers/following links. */
function headerHandles(header: Element): string[] {
  const handles: string[] = [];
  for (const heading of Array.from(header.querySelectorAll('h1, h2'))) {
    const text = cleanText(heading.textContent).replace(/^@/, '');
    if (new RegExp(`^${USER}$`).test(text)) handles.push(text);
  }
  for (const link of Array.from(header.querySelectorAll('a[href]'))) {
    const handle = FOLLOW_LINK.exec(link.getAttribute('href') ?? '')?.[1];
    if (handle) handles.push(handle);
  }
  return handles;
}

/** The header showing `handle`, or the handle a (stale) header shows instead. */
function findHeader(doc: Document, handle: string): { header?: Element; other?: string } {
  let other: string | undefined;
  for (const header of profileHeaders(doc)) {
    const handles = headerHandles(header);
    if (handles.some((h) => sameHandle(h, handle))) return { header };
    other ??= handles[0];
  }
  return { other };
}

interface Stat {
  leaf: Element;
  shown: CountField;
  key?: StatKey;
  /** The exact count of a `title` attribute wrapping the number. */
  title?: number;
}

/** A stat's label reduced to its words ("12.3K followers" → "followers"). */
function labelWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/\p{Nd}[\p{Nd}.,\s\u00a0\u202f]*(?:[kmb](?![\p{L}]))?/gu, ' ')
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The stat a number's label names: the label in the number's own text ("224 posts"), else the text its nearest
 * ancestor adds to it ("1,204" in "1,204 posts").
 */
function labelledStat(leaf: Element, text: string, header: Element): StatKey | undefined {
  const own = STAT_WORDS[labelWords(text)];
  if (own) return own;
  for (let el = leaf.parentElement; el && header.contains(el); el = el.parentElement) {
    const around = cleanText(el.textContent, 500);
    if (around !== text) return around.length <= 60 ? STAT_WORDS[labelWords(around.replace(text, ' '))] : undefined;
  }
  return undefined;
}

function lowestCommonAncestor(a: Element, b: Element): Element | null {
  for (let el: Element | null = a; el; el = el.parentElement) if (el.contains(b)) return el;
  return null;
}

/**
 * The header's followers, following and posts. Each number is a leaf element whose text is a count; it is placed
 * by its followers/following link, its English label, or — for followers — the `title` attribute only that
 * stat has. In other languages the two stats beside the followers take Instagram's fixed order (posts, followers,
 * following), provided they sit in one row with the followers — so neither a "Followed by
 * anna.k + 12 more" line nor a bio's "2 books" is taken for one.
 */
function headerStats(header: Element, handle: string, lang: string): Partial<Record<StatKey, Stat>> {
  const stats: Stat[] = [];
  for (const leaf of Array.from(header.querySelectorAll('*'))) {
    if (leaf.childElementCount > 0 || leaf.closest('h1, h2, button')) continue;
    const text = cleanText(leaf.textContent);
    if (!/\p{Nd}/u.test(text) || text.length > 40) continue;
    const shown = countFromText(text, lang, 'visible-text', 'count');
    if (shown.status !== 'known') continue;
    const titled = leaf.closest('[title]');
    const title =
      titled && header.contains(titled) && cleanText(titled.textContent) === text
        ? exactInteger(titled.getAttribute('title'))
        : undefined;
    const link = FOLLOW_LINK.exec(leaf.closest('a[href]')?.getAttribute('href') ?? '');
    const linkKey = link?.[2] && sameHandle(link[1], handle) ? (link[2] as StatKey) : undefined;
    const key = linkKey ?? labelledStat(leaf, text, header) ?? (title !== undefined ? 'followers' : undefined);
    stats.push({ leaf, shown, title, key });
  }
  const f = stats.findIndex((s) => s.key === 'followers');
  const followers = stats[f];
  if (followers) {
    for (const [key, offset] of [
      ['posts', -1],
      ['following', 1],
    ] as const) {
      const beside = stats[f + offset];
      if (!beside || beside.key || stats.some((s) => s.key === key)) continue;
      // The two must sit in the stats row: every part of their common ancestor holds exactly one number.
      const row = lowestCommonAncestor(beside.leaf, followers.leaf);
      const parts = Array.from(row?.children ?? []);
      if (parts.every((part) => stats.filter((s) => part.contains(s.leaf)).length === 1)) beside.key = key;
    }
  }
  const out: Partial<Record<StatKey, Stat>> = {};
  for (const stat of stats) if (stat.key && !out[stat.key]) out[stat.key] = stat;
  return out;
}

function statField(stat: Stat | undefined, what: StatKey): CountField {
  if (!stat) return unknown(`the profile header shows no ${what} count`);
  return upgradeToExact(stat.shown, stat.title, 'title-attribute');
}

// ——— Grid tiles ———

/** An element's text without its icons' `<title>`s ("View count icon 12.5K" → "12.5K"). */
function textBesideIcons(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && (node as Element).tagName.toLowerCase() !== 'svg') {
      text += ` ${textBesideIcons(node as Element)} `;
    }
  }
  return text;
}

/** The count written beside an icon: the nearest ancestor (inside the tile) whose text holds a number. */
function countBeside(icon: Element, tile: Element, lang: string, what: string): CountField {
  for (let el = icon.parentElement; el && tile.contains(el); el = el.parentElement) {
    const text = cleanText(textBesideIcons(el));
    if (/\p{Nd}/u.test(text)) return countFromText(text, lang, 'visible-text', what);
  }
  return unknown(`the tile shows no ${what} count`);
}

/** The posts of the profile's grid (or Reels tab), in page order. */
function gridPosts(doc: Document, header: Element, handle: string, base: URL, lang: string): PostReading[] {
  const scope = header.closest('main') ?? doc;
  const seen = new Set<string>();
  const posts: PostReading[] = [];
  for (const tile of Array.from(scope.querySelectorAll('a[href]'))) {
    if (header.contains(tile) || tile.closest('[role="dialog"]')) continue;
    const href = tile.getAttribute('href') ?? '';
    let path: PostPath | undefined;
    try {
      path = postPath(new URL(href, base).pathname);
    } catch {
      continue;
    }
    // A tile link naming another account is left over from the previous profile.
    if (!path || seen.has(path.id) || (path.author && !sameHandle(path.author, handle))) continue;
    seen.add(path.id);
    const viewIcon = tile.querySelector('svg[aria-label="View count icon"]');
    const overlay = Array.from(tile.querySelector('ul')?.children ?? []).filter((li) => li.tagName === 'LI');
    let likes: CountField;
    let comments: CountField;
    if (overlay.length === 2) {
      likes = countFromText(overlay[0]?.textContent, lang, 'visible-text', 'likes');
      comments = countFromText(overlay[1]?.textContent, lang, 'visible-text', 'comments');
    } else {
      const reason =
        overlay.length === 1
          ? 'the tile shows one count without saying whether it is likes or comments'
          : 'Instagram shows likes and comments only while the pointer is over a tile';
      likes = comments = unknown(reason);
    }
    posts.push({
      id: path.id,
      url: readingUrl(new URL(href, base)),
      format: path.kind === 'reel' ? 'reel' : path.kind === 'tv' ? 'video' : 'post',
      pinned: tile.querySelector('svg[aria-label="Pinned post icon"]') !== null,
      repost: false,
      likes,
      comments,
      views: viewIcon ? countBeside(viewIcon, tile, lang, 'views') : unknown('the tile shows no view count'),
      shares: unknown(NO_SHARES),
      saves: unknown(NO_SAVES),
      caption: cleanText(tile.querySelector('img[alt]')?.getAttribute('alt'), 5000) || undefined,
    });
    if (posts.length >= 500) break;
  }
  return posts;
}

/**
 * What the page shows, else what the served page's description says; when neither is known, the description's
 * reason if it gave one (it knows more: "0 likes beside comments"), else the shown field's.
 */
function shownElseServed(shown: CountField, served: CountField | undefined): CountField {
  return served ? firstKnown(shown, served) : shown;
}

function readProfile(doc: Document, url: URL, handle: string, now: number): Reading {
  const lang = pageLang(doc);
  const base = { platform: 'instagram' as const, url: readingUrl(url), lang, readAt: now };
  const { header, other } = findHeader(doc, handle);
  const served = profileMeta(doc, handle, lang);
  if (!header && !served) {
    const reason = other
      ? `the page still shows @${other}, not @${handle}`
      : `the profile of @${handle} has not loaded`;
    return { kind: 'other', ...base, reason };
  }
  const stats = header ? headerStats(header, handle, lang) : {};
  const field = (key: StatKey) =>
    shownElseServed(header ? statField(stats[key], key) : unknown('the profile header has not loaded'), served?.[key]);
  return {
    kind: 'profile',
    ...base,
    handle,
    // Instagram updates the document title on in-app navigation, and the name counts only when it names the handle.
    displayName: nameBefore(doc.title, handle) ?? served?.displayName,
    bio: served?.bio,
    followers: field('followers'),
    following: field('following'),
    posts: field('posts'),
    totalLikes: unknown("Instagram doesn't show a profile's total likes"),
    recentPosts: header ? gridPosts(doc, header, handle, url, lang) : [],
  };
}

// ——— Post pages ———

interface MediaData {
  likes?: number;
  comments?: number;
  views?: number;
  countsHidden: boolean;
  author?: string;
  caption?: string;
  publishedAt?: string;
  video: boolean;
  reel: boolean;
}

const count = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : undefined);

/** Finds the media item with `code === id` under an `xdt_api__v1__media__shortcode__web_info` key. */
function findMedia(node: unknown, id: string, depth = 0): Record<string, unknown> | undefined {
  if (depth > 80 || typeof node !== 'object' || node === null) return undefined;
  const values = Array.isArray(node) ? (node as unknown[]) : Object.values(node as Record<string, unknown>);
  if (!Array.isArray(node)) {
    const items = (node as { xdt_api__v1__media__shortcode__web_info?: { items?: unknown } })
      .xdt_api__v1__media__shortcode__web_info?.items;
    if (Array.isArray(items)) {
      const item = (items as unknown[]).find(
        (i): i is Record<string, unknown> =>
          typeof i === 'object' && i !== null && (i as { code?: unknown }).code === id,
      );
      if (item) return item;
    }
  }
  for (const value of values) {
    const found = findMedia(value, id, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The post's embedded data, only for the post `id` (other posts' data stays in the page after navigation). */
function mediaData(doc: Document, id: string): MediaData | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/json"]'))) {
    const text = script.textContent ?? '';
    // A cap against absurd pages; and only scripts that can hold this post are parsed.
    if (text.length > 20_000_000 || !text.includes('shortcode__web_info') || !text.includes(id)) continue;
    let item: Record<string, unknown> | undefined;
    try {
      item = findMedia(JSON.parse(text), id);
    } catch {
      continue;
    }
    if (!item) continue;
    const user = item.user as { username?: unknown } | undefined;
    const caption = (item.caption as { text?: unknown } | null | undefined)?.text;
    const takenAt = count(item.taken_at);
    return {
      likes: count(item.like_count),
      comments: count(item.comment_count),
      views: count(item.play_count) ?? count(item.ig_play_count) ?? count(item.view_count),
      countsHidden: item.like_and_view_counts_disabled === true,
      author: typeof user?.username === 'string' ? user.username : undefined,
      caption: typeof caption === 'string' ? cleanText(caption, 5000) || undefined : undefined,
      // Dates past the year 275,760 would make toISOString throw.
      publishedAt: takenAt !== undefined && takenAt < 8.64e12 ? new Date(takenAt * 1000).toISOString() : undefined,
      video: item.media_type === 2,
      reel: item.product_type === 'clips',
    };
  }
  return undefined;
}

interface PostMeta {
  likes?: CountField;
  comments?: CountField;
  author?: string;
  caption?: string;
  publishedAt?: string;
  video: boolean;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** What the served page's tags say about post `id`, or undefined when they describe another page. */
function postMeta(doc: Document, id: string, lang: string): PostMeta | undefined {
  const path = servedPath(doc);
  if (!path || postPath(path)?.id !== id) return undefined;
  const desc = description(doc);
  const counts = desc
    ? describedCounts(desc.counts, lang, { like: 'likes', likes: 'likes', comment: 'comments', comments: 'comments' }, [
        'likes',
        'comments',
      ] as const)
    : {};
  // Instagram's data says 0 likes when the creator hides them; a post with comments and "0 likes" is that case,
  // not a post nobody liked — so it is not read as 0.
  if (counts.likes?.status === 'known' && counts.likes.value === 0 && counts.comments?.status === 'known') {
    if (counts.comments.value > 0)
      counts.likes = unknown('the description says 0 likes beside comments: likes may be hidden');
  }
  const rest = desc?.rest ?? '';
  const author =
    /\(@([A-Za-z0-9._]{1,30})\)/.exec(meta(doc, 'twitter:title') ?? '')?.[1] ??
    new RegExp(`^(${USER})\\s`).exec(rest)?.[1];
  const date = new RegExp(`\\bon (${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})\\b`).exec(rest);
  const publishedAt = date?.[1]
    ? `${date[3]}-${String(MONTHS.indexOf(date[1]) + 1).padStart(2, '0')}-${date[2]?.padStart(2, '0')}`
    : undefined;
  const caption = /:\s*"([\s\S]*)"\s*\.?\s*$/.exec(rest)?.[1];
  return {
    ...counts,
    author,
    caption: cleanText(caption, 5000) || undefined,
    publishedAt,
    video: meta(doc, 'og:type') === 'video',
  };
}

const POST_ROOTS = ['div[role="dialog"] article', 'div[role="dialog"]', 'main article', 'main'];

/**
 * The rendered post: in a dialog over the feed or profile, else the page's main column — whichever holds the
 * post's timestamp link or its likes link (a profile's grid tile links to the post too, but has neither). The
 * places are tried in that order: a dialog opened over a profile comes after the profile's `main` in the DOM.
 */
function postRoot(doc: Document, id: string): Element | undefined {
  for (const selector of POST_ROOTS) {
    const root = Array.from(doc.querySelectorAll(selector)).find(
      (el) => postTime(el, id) !== undefined || el.querySelector(`a[href*="/${id}/liked_by/"]`) !== null,
    );
    if (root) return root;
  }
  return undefined;
}

/** The post's timestamp: a `time` inside a link to the post. */
function postTime(root: Element, id: string): Element | undefined {
  return Array.from(root.querySelectorAll('time[datetime]')).find((t) => t.closest(`a[href*="/${id}/"]`));
}

/**
 * The like count the rendered post shows, from its `/liked_by/` link: "1,234 likes"; "Liked by anna.k and 1,233
 * others" (one more than the link's number); or "Liked by anna.k and others" with no number at all, which is how
 * Instagram shows a post whose creator hides likes.
 */
function shownLikes(root: Element, id: string, lang: string): CountField {
  const link = root.querySelector(`a[href*="/${id}/liked_by/"]`);
  if (!link) return unknown('the post shows no like count');
  const text = cleanText(link.textContent);
  if (!/\p{Nd}/u.test(text)) return { status: 'hidden', reason: HIDDEN_LIKES, source: 'visible-text' };
  const shown = countFromText(text, lang, 'visible-text', 'likes');
  const namedLiker = Array.from(link.parentElement?.querySelectorAll('a[href]') ?? []).some(
    (a) => a !== link && a.compareDocumentPosition(link) & 4 /* link follows a */,
  );
  if (!namedLiker || shown.status !== 'known') return shown;
  const sentence = cleanText(link.parentElement?.textContent);
  const plusOne: KnownCount = {
    ...shown,
    value: shown.value + 1,
    min: shown.min + 1,
    max: shown.max + 1,
    text: sentence,
  };
  return plusOne;
}

function renderedAuthor(root: Element): string | undefined {
  for (const link of Array.from(root.querySelectorAll('header a[href]'))) {
    const handle = new RegExp(`^/(${USER})/?$`).exec(link.getAttribute('href') ?? '')?.[1];
    if (handle && !RESERVED.has(handle.toLowerCase())) return handle;
  }
  return undefined;
}

function readPost(doc: Document, url: URL, path: PostPath, now: number): Reading {
  const lang = pageLang(doc);
  const base = { platform: 'instagram' as const, url: readingUrl(url), lang, readAt: now };
  const data = mediaData(doc, path.id);
  const served = postMeta(doc, path.id, lang);
  const root = postRoot(doc, path.id);
  const author = data?.author ?? path.author ?? (root && renderedAuthor(root)) ?? served?.author;
  if (!author || (!data && !served && !root)) return { kind: 'other', ...base, reason: 'the post has not loaded yet' };

  const video = path.kind !== 'p' || data?.video || data?.reel || served?.video === true;
  const shown = root ? shownLikes(root, path.id, lang) : unknown('the post shows no like count');
  let likes: CountField;
  if (data?.countsHidden) likes = { status: 'hidden', reason: HIDDEN_LIKES, source: 'page-data' };
  else if (shown.status === 'hidden') likes = shown;
  else likes = upgradeToExact(shownElseServed(shown, served?.likes), data?.likes, 'page-data');

  const comments = upgradeToExact(
    served?.comments ?? unknown('the page shows no comment count'),
    data?.comments,
    'page-data',
  );
  let views: CountField;
  if (data?.countsHidden && video)
    views = { status: 'hidden', reason: "the creator hides this post's view count", source: 'page-data' };
  else if (data?.views !== undefined) views = exactCount(data.views, String(data.views), 'page-data');
  else
    views = unknown(
      video ? "Instagram shows a reel's plays only on the creator's Reels tab" : 'photo posts have no view count',
    );

  const post: PostReading = {
    id: path.id,
    url: readingUrl(url),
    format: path.kind === 'reel' || data?.reel ? 'reel' : video ? 'video' : 'post',
    pinned: false,
    repost: false,
    likes,
    comments,
    views,
    shares: unknown(NO_SHARES),
    saves: unknown(NO_SAVES),
    caption: data?.caption ?? served?.caption,
    publishedAt:
      data?.publishedAt ?? (root && postTime(root, path.id)?.getAttribute('datetime')) ?? served?.publishedAt,
  };
  return { kind: 'post', ...base, author, post };
}

/** The Instagram reader: profiles (header, served description, grid) and post/reel pages. */
export const instagram: PlatformReader = {
  platform: 'instagram',
  label: 'Instagram',
  hosts: PLATFORM_HOSTS.instagram,

  pageKind(url: URL): PageKind {
    if (profileHandle(url)) return 'profile';
    if (postPath(url.pathname)) return 'post';
    return 'other';
  },

  handleFromUrl(url: URL) {
    return profileHandle(url) ?? postPath(url.pathname)?.author;
  },

  isReady(doc: Document, url: URL) {
    const handle = profileHandle(url);
    // Only the rendered header counts as ready: the served description is the fallback when the wait times out,
    // because the header holds the exact follower count the description rounds.
    if (handle) return findHeader(doc, handle).header !== undefined;
    const path = postPath(url.pathname);
    if (path) return postRoot(doc, path.id) !== undefined || mediaData(doc, path.id) !== undefined;
    return true;
  },

  read(doc: Document, url: URL, now = Date.now()): Reading {
    const handle = profileHandle(url);
    if (handle) return readProfile(doc, url, handle, now);
    const path = postPath(url.pathname);
    if (path) return readPost(doc, url, path, now);
    return {
      kind: 'other',
      platform: 'instagram',
      url: readingUrl(url),
      lang: pageLang(doc),
      readAt: now,
      reason: 'this Instagram page is not a profile or a post',
    };
  },
};
