/**
 * Instagram in the page: which URLs are profiles and posts, when the page shows them, and what the content script
 * collects from them.
 *
 * What the collector relies on, and the saved pages that show it:
 * - served HTML of a first load (tests/fixtures/instagram/profile-pluto__travel.html, post-CPQjO5RIIO9.html,
 *   reel-CN2VQ1yI_MA.html): no rendered header; the counts are only in `og:description` / `description`
 *   ("2,362 Followers, 136 Following, 224 Posts - …", "990K likes, 8,873 comments - author on May 24, 2021: …"),
 *   in the page's language, beside `og:url` / the canonical link that say which page they describe;
 * - the rendered profile header (no real saved page yet; synthetic-profile-2025-en.html and
 *   synthetic-profile-2026-en.html follow research/site-notes.md): the handle in `header h2`, and three stats
 *   whose followers number carries the exact count in a `span[title]` while its text may be truncated ("48.2K"
 *   for 48,213). Since late 2025 the stats are no longer `ul > li` and, logged out, have no `/followers/` links,
 *   so the collector sends every short text with a digit, with its link, label, title and place in the header, and
 *   the reader finds the counts among them;
 * - the rendered grid (synthetic-profile-grid-en.html): reels' views beside `svg[aria-label="View count icon"]`,
 *   pinned tiles marked by `svg[aria-label="Pinned post icon"]`, likes and comments (`ul > li` ×2) only on a
 *   tile the pointer is over;
 * - a post page's embedded data, `script[type="application/json"]` holding
 *   `xdt_api__v1__media__shortcode__web_info.items[]` (read this way by TheKonka/instagram-download-browser-extension
 *   src/content/profile-reel.ts), sent as text for the reader to parse (synthetic-post-hidden-likes-en.html);
 * - the rendered post: a `time[datetime]` inside a link to the post, and a `/liked_by/` link ("1,234 likes",
 *   "Liked by anna.k and 1,233 others", or no number when the creator hides likes).
 */
import type { PageCollector, PageKind } from '../platform';
import { PLATFORM_HOSTS } from '../hosts';
import { sameHandle } from '../page-numbers';
import { cleanText, readingUrl, shownText } from '../page-text';
import type {
  InstagramCapture,
  InstagramHeader,
  InstagramLeaf,
  InstagramRenderedPost,
  InstagramServed,
  InstagramTile,
} from './capture';
import { STAT_WORDS, type StatKey } from './labels';
import { LIMITS } from './limits';
import { isReserved, postPath, profileHandle, USER } from './urls';

const FOLLOW_LINK = new RegExp(`^/(${USER})/(followers|following)/?$`);
const HANDLE = new RegExp(`^${USER}$`);
const PROFILE_LINK = new RegExp(`^/(${USER})/?$`);
const DIGIT = /\p{Nd}/u;

/** A text as written, clipped to `max`; undefined when absent. */
const clip = (text: string | null | undefined, max: number) => (text == null ? undefined : text.slice(0, max));

// ——— Meta tags of the served page ———

function meta(doc: Document, key: string): string | undefined {
  return doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
}

function served(doc: Document): InstagramServed {
  const url = meta(doc, 'og:url') ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return {
    // A clipped address would name another page: a longer one is left out.
    url: url != null && url.length <= LIMITS.href ? url : undefined,
    ogDescription: clip(meta(doc, 'og:description'), LIMITS.description),
    description: clip(meta(doc, 'description'), LIMITS.description),
    ogTitle: clip(meta(doc, 'og:title'), LIMITS.title),
    twitterTitle: clip(meta(doc, 'twitter:title'), LIMITS.title),
    ogType: clip(meta(doc, 'og:type'), LIMITS.text),
  };
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
    if (HANDLE.test(text)) handles.push(text);
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

/**
 * The header's leaves whose short text has a digit — the followers, following and posts numbers among them — each
 * with what places it: its followers/following link, its English label, the `title` wrapping it, and its
 * ancestors (see the capture's `up`; only the header and those with other than one child element).
 */
function headerLeaves(header: Element, handle: string): InstagramHeader {
  const ids = new Map<Element, number>();
  const parts: number[] = [];
  const idOf = (el: Element) => {
    let id = ids.get(el);
    if (id === undefined) {
      id = parts.push(el.childElementCount) - 1;
      ids.set(el, id);
    }
    return id;
  };
  const leaves: InstagramLeaf[] = [];
  for (const leaf of Array.from(header.querySelectorAll('*'))) {
    if (leaves.length >= LIMITS.leaves) break;
    if (leaf.childElementCount > 0 || leaf.closest('h1, h2, button')) continue;
    const text = cleanText(leaf.textContent);
    if (!DIGIT.test(text) || text.length > LIMITS.leafText) continue;
    // Elements with one child are left out: none can be two numbers' common ancestor, nor tell two parts apart.
    const chain: Element[] = [];
    let el: Element | null = leaf;
    for (; el && el !== header && chain.length < LIMITS.depth; el = el.parentElement) {
      if (el.childElementCount !== 1) chain.push(el);
    }
    // Nested deeper than any real header: not one of its stats.
    if (el !== header || chain.length >= LIMITS.depth) continue;
    chain.push(header);
    const titled = leaf.closest('[title]');
    const title =
      titled && header.contains(titled) && cleanText(titled.textContent) === text
        ? shownText(titled.getAttribute('title'), LIMITS.text)
        : undefined;
    const link = FOLLOW_LINK.exec(leaf.closest('a[href]')?.getAttribute('href') ?? '');
    const linkKey = link?.[2] && sameHandle(link[1], handle) ? (link[2] as StatKey) : undefined;
    leaves.push({ text, key: linkKey ?? labelledStat(leaf, text, header), title, up: chain.map(idOf) });
  }
  return { leaves, parts };
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

/** The text written beside an icon: the nearest ancestor's (inside the tile) that holds a number. */
function textBeside(icon: Element, tile: Element): string | undefined {
  for (let el = icon.parentElement; el && tile.contains(el); el = el.parentElement) {
    const text = cleanText(textBesideIcons(el));
    if (DIGIT.test(text)) return text;
  }
  return undefined;
}

/** The tiles of the profile's grid (or Reels tab), in page order, each post once. */
function tiles(doc: Document, header: Element, handle: string, base: URL): InstagramTile[] {
  const scope = header.closest('main') ?? doc;
  const seen = new Set<string>();
  const out: InstagramTile[] = [];
  for (const tile of Array.from(scope.querySelectorAll('a[href]'))) {
    if (out.length >= LIMITS.tiles) break;
    if (header.contains(tile) || tile.closest('[role="dialog"]')) continue;
    let address: URL;
    try {
      address = new URL(tile.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    const path = postPath(address.pathname);
    // A tile link naming another account is left over from the previous profile.
    if (!path || seen.has(path.id) || (path.author && !sameHandle(path.author, handle))) continue;
    seen.add(path.id);
    const viewIcon = tile.querySelector('svg[aria-label="View count icon"]');
    const overlay = Array.from(tile.querySelector('ul')?.children ?? []).filter((li) => li.tagName === 'LI');
    out.push({
      url: readingUrl(address),
      id: path.id,
      kind: path.kind,
      pinned: tile.querySelector('svg[aria-label="Pinned post icon"]') !== null,
      viewIcon: viewIcon !== null,
      views: viewIcon ? textBeside(viewIcon, tile) : undefined,
      overlay: overlay.slice(0, LIMITS.overlay).map((li) => cleanText(li.textContent)),
      caption: shownText(tile.querySelector('img[alt]')?.getAttribute('alt'), LIMITS.caption),
    });
  }
  return out;
}

// ——— Post pages ———

/**
 * Texts of the embedded data scripts that can hold post `id` (other posts' data stays in the page after
 * navigation; the reader finds the post's own), found by substring so the page parses nothing.
 */
function mediaTexts(doc: Document, id: string): string[] {
  const texts: string[] = [];
  let left: number = LIMITS.pageData;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/json"]'))) {
    if (texts.length >= LIMITS.scripts) break;
    const text = script.textContent ?? '';
    if (text.length > left || !text.includes('shortcode__web_info') || !text.includes(id)) continue;
    texts.push(text);
    left -= text.length;
  }
  return texts;
}

/** The post's timestamp: a `time` inside a link to the post. */
function postTime(root: Element, id: string): Element | undefined {
  return Array.from(root.querySelectorAll('time[datetime]')).find((t) => t.closest(`a[href*="/${id}/"]`));
}

const POST_ROOTS = ['div[role="dialog"] article', 'div[role="dialog"]', 'main article', 'main'];

/**
 * The rendered post: in a dialog over the feed or profile, else the page's main column — whichever holds the
 * post's timestamp link or its likes link (a profile's grid tile links to the post too, but has neither). The
 * places are tried in that order: a dialog opened over a profile comes after the profile's `main` in the DOM.
 * A post id is letters, digits, "_" and "-", so it is safe inside the selectors.
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

/** The `/liked_by/` link's text, with the sentence around it when it follows a named liker ("anna.k and …"). */
function likedBy(root: Element, id: string): InstagramRenderedPost['likes'] {
  const link = root.querySelector(`a[href*="/${id}/liked_by/"]`);
  if (!link) return undefined;
  const namedLiker = Array.from(link.parentElement?.querySelectorAll('a[href]') ?? []).some(
    (a) => a !== link && a.compareDocumentPosition(link) & 4 /* link follows a */,
  );
  return {
    text: cleanText(link.textContent),
    sentence: namedLiker ? cleanText(link.parentElement?.textContent) : undefined,
  };
}

function renderedAuthor(root: Element): string | undefined {
  for (const link of Array.from(root.querySelectorAll('header a[href]'))) {
    const handle = PROFILE_LINK.exec(link.getAttribute('href') ?? '')?.[1];
    if (handle && !isReserved(handle)) return handle;
  }
  return undefined;
}

function renderedPost(doc: Document, id: string): InstagramRenderedPost | undefined {
  const root = postRoot(doc, id);
  if (!root) return undefined;
  return {
    likes: likedBy(root, id),
    author: renderedAuthor(root),
    time: clip(postTime(root, id)?.getAttribute('datetime'), LIMITS.text),
  };
}

/** The Instagram collector: profiles (header, served tags, grid) and post/reel pages. */
export const instagramPage: PageCollector<InstagramCapture> = {
  platform: 'instagram',
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
    if (path) return postRoot(doc, path.id) !== undefined || mediaTexts(doc, path.id).length > 0;
    return true;
  },

  collect(doc: Document, url: URL): InstagramCapture {
    const handle = profileHandle(url);
    if (handle) {
      const { header, other } = findHeader(doc, handle);
      return {
        kind: 'profile',
        served: served(doc),
        title: doc.title.slice(0, LIMITS.title),
        header: header && headerLeaves(header, handle),
        shownHandle: other,
        tiles: header ? tiles(doc, header, handle, url) : [],
      };
    }
    const path = postPath(url.pathname);
    if (!path) return { kind: 'other' };
    return { kind: 'post', served: served(doc), media: mediaTexts(doc, path.id), rendered: renderedPost(doc, path.id) };
  },
};
