/**
 * X in the page: which URLs are profiles and posts, and what the content script collects from them.
 *
 * Seen on tests/fixtures/x/profile-kikobeats.html and status-1222907250383245320.html (rendered DOM, 2025):
 * - `<title>` is "Name (@handle) / X" once a profile has loaded; until then the previous page's DOM may still be
 *   on screen, so nothing is read as a profile before the title names the URL's handle
 *   (insin/control-panel-for-twitter does the same);
 * - follow counts are links `a[href="/handle/verified_followers"]` (or `/followers`) and `/handle/following`,
 *   whose number sits in its own span ("3,893") beside the label;
 * - the posts total is the top bar's line under the name ("23.9K posts", truncated like the other counts);
 * - `script[type="application/ld+json"]` (a ProfilePage) holds exact totals in `interactionStatistic` (taken as
 *   text; the reader parses it in the worker);
 * - each post is `[data-testid="tweet"]`; its action bar `[role="group"]` has an aria-label with exact counts
 *   ("10 replies, 1 repost, 27 likes, 5 bookmarks, 11424 views", zero counts left out), each button
 *   `[data-testid="reply|retweet|like|bookmark"]` its own ("18151 Replies. Reply") and the views link
 *   `a[href$="/analytics"]` its own ("11424 views. View post analytics"), while the visible text is abbreviated;
 * - `[data-testid="socialContext"]` above a post says "Pinned" or "… reposted"; promoted posts sit inside
 *   `[data-testid="placementTracking"]` (on the profile that wrapper also holds the Follow button).
 */
import type { PageCollector, PageKind } from '../platform';
import { PLATFORM_HOSTS } from '../hosts';
import { sameHandle } from '../page-numbers';
import { shownText } from '../page-text';
import type { XCapture, XControl, XFollowLink, XTweet } from './capture';
import { handleIn, titleNames } from './handles';
import { LIMITS } from './limits';
import { postPath, profileHandle, statusPath } from './urls';

const textOf = (root: ParentNode, selector: string, max: number = LIMITS.text) =>
  shownText(root.querySelector(selector)?.textContent, max);

const column = (doc: Document): ParentNode => doc.querySelector('[data-testid="primaryColumn"]') ?? doc;

const headerHandle = (doc: Document) => handleIn(textOf(doc, '[data-testid="UserName"]', LIMITS.header));

/** A link of the profile header (`/handle/following`), matched without regard to the handle's case. */
function profileLink(doc: Document, handle: string, suffixes: readonly string[]): Element | undefined {
  // The handle pattern admits only letters, digits and "_", so it is safe inside the selector; `i` ignores case.
  return column(doc).querySelector(suffixes.map((s) => `a[href="/${handle}/${s}" i]`).join(', ')) ?? undefined;
}

/** A follow-count link: the number has its own span, so the label's words stay out of it. */
function followLink(link: Element | undefined): XFollowLink | undefined {
  if (!link) return undefined;
  const numberSpan = Array.from(link.querySelectorAll('span')).find(
    (s) => s.childElementCount === 0 && /\d/.test(s.textContent ?? ''),
  );
  return {
    text: shownText(numberSpan?.textContent ?? link.textContent),
    title: shownText(link.querySelector('[title]')?.getAttribute('title')),
  };
}

/** The top bar's "23.9K posts" line, right under the profile's name, when it holds a number. */
function postsLine(doc: Document): string | undefined {
  const line = column(doc).querySelector('h2[role="heading"]')?.nextElementSibling?.textContent;
  return line && /\d/.test(line) ? shownText(line) : undefined;
}

function jsonLd(doc: Document): string[] {
  const texts: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (texts.length >= LIMITS.scripts) break;
    const text = script.textContent ?? '';
    // Too long to be X's (a few KB): left out rather than cut, which would only make it unreadable.
    if (text.length <= LIMITS.jsonLd) texts.push(text);
  }
  return texts;
}

/** Posts of the page, leaving out promoted ones and posts quoted inside others. */
function pageTweets(doc: Document): Element[] {
  return Array.from(column(doc).querySelectorAll('[data-testid="tweet"]')).filter(
    (t) => !t.closest('[data-testid="placementTracking"]') && !t.parentElement?.closest('[data-testid="tweet"]'),
  );
}

type TweetLink = Pick<XTweet, 'path' | 'datetime'>;

/**
 * The path of a post's own timestamp link (`/author/status/ID`) and its time. A quoted post inside it comes later
 * in the DOM and its timestamp is not a link, so the first link holding a `<time>` is the post's own.
 */
function tweetLink(tweet: Element): TweetLink | undefined {
  for (const time of Array.from(tweet.querySelectorAll('time'))) {
    const path = (time.closest('a[href]')?.getAttribute('href') ?? '').split(/[?#]/)[0] ?? '';
    if (postPath(path)) {
      const datetime = time.getAttribute('datetime');
      return {
        path: path.slice(0, LIMITS.href),
        datetime: datetime !== null && datetime.length <= LIMITS.datetime ? datetime : undefined,
      };
    }
  }
  return undefined;
}

function control(tweet: Element, selector: string): XControl | undefined {
  const el = tweet.querySelector(selector);
  return el
    ? { label: shownText(el.getAttribute('aria-label'), LIMITS.label), text: shownText(el.textContent) }
    : undefined;
}

function tweetCapture(tweet: Element, link: TweetLink): XTweet {
  return {
    ...link,
    context: textOf(tweet, '[data-testid="socialContext"]'),
    caption: textOf(tweet, '[data-testid="tweetText"]', LIMITS.caption),
    group: shownText(tweet.querySelector('[role="group"][aria-label]')?.getAttribute('aria-label'), LIMITS.group),
    reply: control(tweet, '[data-testid="reply"]'),
    // The "un…" test ids are the same buttons once the signed-in person has reposted, liked or bookmarked.
    repost: control(tweet, '[data-testid="retweet"], [data-testid="unretweet"]'),
    like: control(tweet, '[data-testid="like"], [data-testid="unlike"]'),
    bookmark: control(tweet, '[data-testid="bookmark"], [data-testid="removeBookmark"]'),
    views: control(tweet, 'a[href$="/analytics"]'),
  };
}

/** The post whose own link names `id` (a post page also shows replies and the posts it answers). */
function focalTweet(doc: Document, id: string): { tweet: Element; link: TweetLink } | undefined {
  for (const tweet of pageTweets(doc)) {
    const link = tweetLink(tweet);
    if (link && postPath(link.path)?.id === id) return { tweet, link };
  }
  return undefined;
}

function timeline(doc: Document): XTweet[] {
  const tweets: XTweet[] = [];
  for (const tweet of pageTweets(doc)) {
    if (tweets.length >= LIMITS.tweets) break;
    const link = tweetLink(tweet);
    if (link) tweets.push(tweetCapture(tweet, link));
  }
  return tweets;
}

export const xPage: PageCollector<XCapture> = {
  platform: 'x',
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
        titleNames(doc.title, handle) &&
        (shown ? sameHandle(shown, handle) : profileLink(doc, handle, ['following']) !== undefined)
      );
    }
    const status = statusPath(url);
    if (status) return focalTweet(doc, status.id) !== undefined;
    return true;
  },

  collect(doc: Document, url: URL): XCapture {
    const handle = profileHandle(url);
    if (handle) {
      return {
        kind: 'profile',
        title: shownText(doc.title, LIMITS.title),
        header: textOf(doc, '[data-testid="UserName"]', LIMITS.header),
        bio: textOf(doc, '[data-testid="UserDescription"]', LIMITS.caption),
        followers: followLink(profileLink(doc, handle, ['verified_followers', 'followers'])),
        following: followLink(profileLink(doc, handle, ['following'])),
        postsLine: postsLine(doc),
        jsonLd: jsonLd(doc),
        tweets: timeline(doc),
      };
    }
    const status = statusPath(url);
    if (status) {
      const focal = focalTweet(doc, status.id);
      return { kind: 'post', tweet: focal && tweetCapture(focal.tweet, focal.link) };
    }
    return { kind: 'other' };
  },
};
