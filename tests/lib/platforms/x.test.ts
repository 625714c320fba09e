import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../../lib/capture';
import { x, xPage } from '../../../lib/platforms/x';
import { LIMITS, XCaptureSchema, type XCapture, type XTweet } from '../../../lib/platforms/x/capture';
import { X_RESERVED_PATHS } from '../../../lib/platforms/x/urls';
import { parseProfileInput } from '../../../lib/store/profile-url';
import type { CountField, KnownCount, PostReading, ProfileReading, Reading } from '../../../lib/reading';
import { validateReading } from '../../../lib/reading';

const fixture = (file: string) => fileURLToPath(new URL(`../../fixtures/${file}`, import.meta.url));

interface ManifestEntry {
  file: string;
  platform: string;
  kind: string;
  url: string;
  expect: Record<string, unknown>;
}
const manifest = JSON.parse(readFileSync(fixture('MANIFEST.json'), 'utf8')) as { fixtures: ManifestEntry[] };
const entry = (file: string) => {
  const found = manifest.fixtures.find((f) => f.file === file);
  if (!found) throw new Error(`${file} is not in MANIFEST.json`);
  return found;
};
const PROFILE = entry('x/profile-kikobeats.html');
const STATUS = entry('x/status-1222907250383245320.html');

function load(file: string, url: string): Document {
  return new JSDOM(readFileSync(fixture(file), 'utf8'), { url }).window.document;
}

function read(doc: Document, url: string): Reading {
  const reading = x.read(doc, new URL(url), 1_700_000_000_000);
  // Every reading must pass the schema the background applies to messages from content scripts.
  expect(validateReading(reading)).toEqual({ ok: true, reading });
  return reading;
}

function profileOf(reading: Reading): ProfileReading {
  if (reading.kind !== 'profile')
    throw new Error(`expected a profile, got ${reading.kind}: ${JSON.stringify(reading)}`);
  return reading;
}

function known(field: CountField | undefined): KnownCount {
  if (field?.status !== 'known') throw new Error(`expected a known count, got ${JSON.stringify(field)}`);
  return field;
}

/** The manifest's post aria-labels read independently of the reader: "10 replies, 1 repost, …" → counts by word. */
function labelCounts(label: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [, n, word] of label.matchAll(/(\d+) (\w+)/g)) {
    out[(word ?? '').replace(/ies$/, 'y').replace(/s$/, '')] = Number(n);
  }
  return out;
}

const metricValue = (post: PostReading, metric: 'comments' | 'shares' | 'likes' | 'saves' | 'views') =>
  known(post[metric]).value;

describe('x reader on the saved pages (MANIFEST.json)', () => {
  it('reads the profile header, exact where the page holds the exact number', () => {
    const want = PROFILE.expect as {
      handle: string;
      followers: { visible: string; exact: number };
      following: { visible: string; exact: number };
      posts: { exact: number };
    };
    const doc = load(PROFILE.file, PROFILE.url);
    expect(x.isReady(doc, new URL(PROFILE.url))).toBe(true);
    const profile = profileOf(read(doc, PROFILE.url));
    expect(profile.handle).toBe(want.handle);
    for (const key of ['followers', 'following'] as const) {
      const field = known(profile[key]);
      expect(field).toMatchObject({ value: want[key].exact, exact: true, text: want[key].visible });
    }
    // "23.9K posts" is shown; the ProfilePage JSON-LD about this handle holds 23,961.
    expect(known(profile.posts)).toMatchObject({ value: want.posts.exact, exact: true, source: 'json-ld' });
    expect(known(profile.posts).text).toMatch(/23\.9K/);
    expect(profile.displayName).toBe('Kiko Beats');
    expect(profile.bio).toMatch(/Building web infra/);
  });

  it('reads every timeline post with the exact counts of its aria-labels, pinned ones marked', () => {
    const want = PROFILE.expect as { timeline_posts_visible: number; pinned_posts: number; post_aria_labels: string[] };
    const profile = profileOf(read(load(PROFILE.file, PROFILE.url), PROFILE.url));
    expect(profile.recentPosts).toHaveLength(want.timeline_posts_visible);
    expect(profile.recentPosts.filter((p) => p.pinned)).toHaveLength(want.pinned_posts);
    expect(profile.recentPosts[0]?.pinned).toBe(true);
    expect(profile.recentPosts.every((p) => !p.repost)).toBe(true);
    want.post_aria_labels.forEach((label, i) => {
      const post = profile.recentPosts[i];
      if (!post) throw new Error(`post ${i} missing`);
      const counts = labelCounts(label);
      expect(metricValue(post, 'comments')).toBe(counts.reply);
      expect(metricValue(post, 'shares')).toBe(counts.repost);
      expect(metricValue(post, 'likes')).toBe(counts.like);
      expect(metricValue(post, 'saves')).toBe(counts.bookmark);
      expect(metricValue(post, 'views')).toBe(counts.view);
      for (const metric of ['comments', 'shares', 'likes', 'saves', 'views'] as const) {
        expect(known(post[metric]).exact).toBe(true);
      }
      expect(post.url).toMatch(new RegExp(`^https://x\\.com/Kikobeats/status/${post.id}$`));
    });
    // The views are shown abbreviated ("11K") and upgraded from the analytics link's aria-label.
    expect(known(profile.recentPosts[0]?.views)).toMatchObject({ text: '11K', source: 'aria-label' });
  });

  it('reads the status page: author and exact replies, reposts, likes and bookmarks', () => {
    const want = STATUS.expect as Record<'replies' | 'reposts' | 'likes' | 'bookmarks', { exact: number }> & {
      author: string;
    };
    const doc = load(STATUS.file, STATUS.url);
    expect(x.isReady(doc, new URL(STATUS.url))).toBe(true);
    const reading = read(doc, STATUS.url);
    if (reading.kind !== 'post') throw new Error(reading.kind);
    expect(reading.author).toBe(want.author);
    expect(reading.post.id).toBe('1222907250383245320');
    expect(known(reading.post.comments)).toMatchObject({ value: want.replies.exact, exact: true, text: '18K' });
    expect(known(reading.post.shares)).toMatchObject({ value: want.reposts.exact, exact: true });
    expect(known(reading.post.likes)).toMatchObject({ value: want.likes.exact, exact: true });
    expect(known(reading.post.saves)).toMatchObject({ value: want.bookmarks.exact, exact: true });
    // A 2020 post has no view count; it stays unknown with a reason, never 0.
    expect(reading.post.views).toEqual({ status: 'unknown', reason: expect.stringMatching(/view/) });
    expect(reading.post.publishedAt).toBe('2020-01-30T15:39:43.000Z');
  });
});

describe('x page kinds', () => {
  it.each([
    ['https://x.com/Kikobeats', 'profile', 'Kikobeats'],
    ['https://x.com/Kikobeats/', 'profile', 'Kikobeats'],
    ['https://x.com/Kikobeats/with_replies', 'profile', 'Kikobeats'],
    ['https://x.com/Kikobeats/media', 'profile', 'Kikobeats'],
    ['https://twitter.com/jack', 'profile', 'jack'],
    ['https://x.com/realDonaldTrump/status/1222907250383245320', 'post', 'realDonaldTrump'],
    ['https://x.com/Kikobeats/status/1759241476758733209/photo/1', 'post', 'Kikobeats'],
    ['https://twitter.com/jack/status/20', 'post', 'jack'],
    ['https://x.com/home', 'other', undefined],
    ['https://x.com/explore', 'other', undefined],
    ['https://x.com/search?q=creator', 'other', undefined],
    ['https://x.com/i/bookmarks', 'other', undefined],
    ['https://x.com/i/web/status/20', 'other', undefined],
    ['https://x.com/settings/account', 'other', undefined],
    ['https://x.com/messages', 'other', undefined],
    ['https://x.com/notifications', 'other', undefined],
    ['https://x.com/compose/post', 'other', undefined],
    ['https://x.com/Kikobeats/followers', 'other', undefined],
    ['https://x.com/Kikobeats/likes', 'other', undefined],
  ])('%s is a %s page', (href, kind, handle) => {
    const url = new URL(href);
    expect(x.pageKind(url)).toBe(kind);
    expect(x.handleFromUrl(url)).toBe(handle);
  });

  it("treats X's own pages as no profile, as the shortlist's import does", () => {
    for (const path of X_RESERVED_PATHS) {
      const url = new URL(`https://x.com/${path}`);
      expect(x.pageKind(url)).toBe('other');
      expect(x.handleFromUrl(url)).toBeUndefined();
      expect(parseProfileInput(url.href)).toMatchObject({ ok: false });
    }
    // A handle that merely starts like one of them is a profile in both.
    expect(x.pageKind(new URL('https://x.com/homer'))).toBe('profile');
    expect(parseProfileInput('https://x.com/homer')).toMatchObject({ ok: true, profile: { handle: 'homer' } });
  });

  it('handles both host names', () => {
    expect(x.hosts).toEqual(expect.arrayContaining(['x.com', 'twitter.com']));
  });

  it('says why a page that is neither a profile nor a post is not read', () => {
    const reading = read(new JSDOM('<title>Home / X</title>').window.document, 'https://x.com/home');
    expect(reading).toMatchObject({ kind: 'other', reason: expect.stringMatching(/not a profile or a post/) });
  });
});

describe('x profile identity (single-page navigation)', () => {
  it('does not read the previous profile as the one the URL names', () => {
    const url = 'https://x.com/elonmusk';
    const doc = load(PROFILE.file, PROFILE.url);
    expect(x.isReady(doc, new URL(url))).toBe(false);
    expect(read(doc, url)).toMatchObject({ kind: 'other', reason: expect.stringMatching(/@elonmusk/) });
  });

  it('waits while the title names the new handle but the header still shows the old one', () => {
    const url = 'https://x.com/elonmusk';
    const doc = load(PROFILE.file, PROFILE.url);
    doc.title = 'Elon Musk (@elonmusk) / X';
    expect(x.isReady(doc, new URL(url))).toBe(false);
    expect(read(doc, url)).toMatchObject({ kind: 'other', reason: expect.stringMatching(/still shows @Kikobeats/) });
  });

  it('waits until the title names the handle', () => {
    const doc = load(PROFILE.file, PROFILE.url);
    doc.title = 'X';
    expect(x.isReady(doc, new URL(PROFILE.url))).toBe(false);
    expect(read(doc, PROFILE.url).kind).toBe('other');
  });

  it('matches handles without regard to case, keeping the case the page shows', () => {
    const url = 'https://x.com/kikobeats';
    const doc = load(PROFILE.file, PROFILE.url);
    expect(x.isReady(doc, new URL(url))).toBe(true);
    expect(profileOf(read(doc, url)).handle).toBe('Kikobeats');
  });

  it('ignores JSON-LD about another profile', () => {
    const doc = load(PROFILE.file, PROFILE.url);
    const script = doc.querySelector('script[type="application/ld+json"]');
    if (!script) throw new Error('no JSON-LD');
    script.textContent = (script.textContent ?? '')
      .replace('"additionalName":"Kikobeats"', '"additionalName":"someoneelse"')
      .replace('"url":"https://x.com/Kikobeats"', '"url":"https://x.com/someoneelse"');
    const profile = profileOf(read(doc, PROFILE.url));
    // Only what is shown remains: "23.9K posts", abbreviated.
    expect(known(profile.posts)).toMatchObject({ exact: false, source: 'visible-text' });
    expect(known(profile.posts).min).toBeLessThanOrEqual(23_900);
    expect(known(profile.posts).max).toBeGreaterThanOrEqual(23_999);
  });

  it('gives the present header counts and an unknown with a reason for missing ones', () => {
    const doc = load(PROFILE.file, PROFILE.url);
    doc.querySelector('a[href="/Kikobeats/verified_followers"]')?.remove();
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    const profile = profileOf(read(doc, PROFILE.url));
    expect(profile.followers).toEqual({ status: 'unknown', reason: expect.stringMatching(/followers/) });
    expect(known(profile.following).value).toBe(406);
  });
});

/** Copies a timeline cell of the saved profile, re-attributed to `author` with a new status id. */
function addCell(
  doc: Document,
  from: number,
  opts: { author: string; id: string; context?: string | null; wrap?: string },
): void {
  const cells = doc.querySelectorAll('[data-testid="cellInnerDiv"]');
  const source = cells[from];
  if (!source?.parentElement) throw new Error('no such cell');
  const cell = source.cloneNode(true) as Element;
  for (const a of Array.from(cell.querySelectorAll('a[href^="/Kikobeats"]'))) {
    const href = (a.getAttribute('href') ?? '').replace(/^\/Kikobeats/, `/${opts.author}`);
    a.setAttribute('href', href.replace(/\/status\/\d+/, `/status/${opts.id}`));
  }
  const context = cell.querySelector('[data-testid="socialContext"]');
  if (opts.context === null) context?.remove();
  else if (opts.context !== undefined && context) context.textContent = opts.context;
  let added = cell;
  if (opts.wrap) {
    added = doc.createElement('div');
    added.setAttribute('data-testid', opts.wrap);
    added.appendChild(cell);
  }
  source.parentElement.appendChild(added);
}

describe('x timeline marking', () => {
  it('marks a repost of another account, never as pinned', () => {
    const doc = load(PROFILE.file, PROFILE.url);
    addCell(doc, 0, { author: 'rauchg', id: '1900000000000000001', context: 'Kiko Beats reposted' });
    const posts = profileOf(read(doc, PROFILE.url)).recentPosts;
    const repost = posts.find((p) => p.id === '1900000000000000001');
    expect(repost).toMatchObject({
      repost: true,
      pinned: false,
      url: 'https://x.com/rauchg/status/1900000000000000001',
    });
    expect(posts.filter((p) => p.repost)).toHaveLength(1);
  });

  it("marks the creator's repost of their own post as a repost, by its words not its place", () => {
    const doc = load(PROFILE.file, PROFILE.url);
    addCell(doc, 0, { author: 'Kikobeats', id: '1900000000000000002', context: 'You reposted' });
    const post = profileOf(read(doc, PROFILE.url)).recentPosts.find((p) => p.id === '1900000000000000002');
    expect(post).toMatchObject({ repost: true, pinned: false });
  });

  it("leaves out another account's post shown without a repost line (conversation context)", () => {
    const doc = load(PROFILE.file, PROFILE.url);
    addCell(doc, 0, { author: 'rauchg', id: '1900000000000000003', context: null });
    const posts = profileOf(read(doc, PROFILE.url)).recentPosts;
    expect(posts.map((p) => p.id)).not.toContain('1900000000000000003');
    expect(posts).toHaveLength(3);
  });

  it('leaves out promoted posts', () => {
    const doc = load(PROFILE.file, PROFILE.url);
    addCell(doc, 1, { author: 'Kikobeats', id: '1900000000000000004', wrap: 'placementTracking' });
    addCell(doc, 1, { author: 'Kikobeats', id: '1900000000000000005' });
    const ids = profileOf(read(doc, PROFILE.url)).recentPosts.map((p) => p.id);
    expect(ids).not.toContain('1900000000000000004');
    expect(ids).toContain('1900000000000000005');
  });

  it('marks the first own post pinned in a language whose words it does not know, and a later one a repost', () => {
    const doc = load(PROFILE.file, PROFILE.url);
    doc.documentElement.lang = 'es';
    const first = doc.querySelector('[data-testid="socialContext"]');
    if (!first) throw new Error('no social context');
    first.textContent = 'Fijado';
    addCell(doc, 0, { author: 'Kikobeats', id: '1900000000000000006', context: 'Kiko Beats lo ha reposteado' });
    const posts = profileOf(read(doc, PROFILE.url)).recentPosts;
    expect(posts[0]).toMatchObject({ pinned: true, repost: false });
    expect(posts.find((p) => p.id === '1900000000000000006')).toMatchObject({ pinned: false, repost: true });
  });
});

describe('x aria-labels in other languages', () => {
  function spanishTweet(groupLabel: string, retweetLabel: string) {
    const doc = load(PROFILE.file, PROFILE.url);
    doc.documentElement.lang = 'es';
    const tweet = doc.querySelector('[data-testid="tweet"]');
    if (!tweet) throw new Error('no tweet');
    tweet.querySelector('[role="group"]')?.setAttribute('aria-label', groupLabel);
    tweet.querySelector('[data-testid="reply"]')?.setAttribute('aria-label', '10 respuestas. Responder');
    tweet.querySelector('[data-testid="retweet"]')?.setAttribute('aria-label', retweetLabel);
    tweet.querySelector('[data-testid="like"]')?.setAttribute('aria-label', '27 Me gusta. Me gusta');
    tweet.querySelector('[data-testid="bookmark"]')?.setAttribute('aria-label', 'Guardar');
    tweet.querySelector('a[href$="/analytics"]')?.setAttribute('aria-label', '11424 reproducciones. Ver estadísticas');
    const post = profileOf(read(doc, PROFILE.url)).recentPosts[0];
    if (!post) throw new Error('no post');
    return post;
  }

  it('places the numbers by order when the buttons agree', () => {
    const post = spanishTweet(
      '10 respuestas, 1 republicación, 27 Me gusta, 5 elementos guardados, 11424 reproducciones',
      '1 republicación. Republicar',
    );
    expect(known(post.comments).value).toBe(10);
    expect(known(post.shares).value).toBe(1);
    expect(known(post.likes).value).toBe(27);
    expect(known(post.saves)).toMatchObject({ value: 5, exact: true, source: 'aria-label' });
    expect(known(post.views)).toMatchObject({ value: 11_424, exact: true });
  });

  it('does not place them when the buttons disagree', () => {
    const post = spanishTweet(
      '10 respuestas, 2 republicaciones, 27 Me gusta, 5 elementos guardados, 11424 reproducciones',
      '1 republicación. Republicar',
    );
    expect(post.saves).toEqual({ status: 'unknown', reason: expect.stringMatching(/bookmarks/) });
    // The button's own aria-label still says 1.
    expect(known(post.shares).value).toBe(1);
  });
});

/** One post in X's markup, as the saved pages show it, with the given counts. */
function tweetPage(
  counts: Record<'comments' | 'shares' | 'likes' | 'saves' | 'views', number>,
  words: Record<'comments' | 'shares' | 'likes' | 'saves' | 'views', [string, string]>,
  lang: string,
): Document {
  const shown = (n: number) =>
    n === 0 ? '' : new Intl.NumberFormat('en', { notation: 'compact', roundingMode: 'trunc' }).format(n);
  const label = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
  const group = (['comments', 'shares', 'likes', 'saves', 'views'] as const)
    .filter((m) => counts[m] > 0)
    .map((m) => label(counts[m], words[m]))
    .join(', ');
  const button = (testId: string, metric: 'comments' | 'shares' | 'likes' | 'saves', action: string) => {
    // As on the saved profile: bookmark buttons show no count on a timeline.
    const n = metric === 'saves' ? 0 : counts[metric];
    const aria = n ? `${label(n, words[metric])}. ${action}` : action;
    return `<button data-testid="${testId}" aria-label="${aria}"><span><span>${shown(n)}</span></span></button>`;
  };
  const html = `<html lang="${lang}"><head><title>Alice (@alice) / X</title></head><body>
    <div data-testid="primaryColumn"><div data-testid="UserName"><span>Alice</span><span>@alice</span></div>
    <a href="/alice/following"><span>1</span> <span>Following</span></a>
    <article data-testid="tweet"><div data-testid="User-Name"><a href="/alice">Alice</a></div>
      <a href="/alice/status/42"><time datetime="2025-01-01T00:00:00.000Z">Jan 1</time></a>
      <div role="group" aria-label="${group}">
        ${button('reply', 'comments', 'Reply')}${button('retweet', 'shares', 'Repost')}
        ${button('like', 'likes', 'Like')}${button('bookmark', 'saves', 'Bookmark')}
        <a href="/alice/status/42/analytics" aria-label="${label(counts.views, words.views)}. View post analytics"
          ><span>${shown(counts.views)}</span></a>
      </div></article></div></body></html>`;
  return new JSDOM(html, { url: 'https://x.com/alice' }).window.document;
}

const ENGLISH: Record<'comments' | 'shares' | 'likes' | 'saves' | 'views', [string, string]> = {
  comments: ['reply', 'replies'],
  shares: ['repost', 'reposts'],
  likes: ['like', 'likes'],
  saves: ['bookmark', 'bookmarks'],
  views: ['view', 'views'],
};
const SPANISH: typeof ENGLISH = {
  comments: ['respuesta', 'respuestas'],
  shares: ['republicación', 'republicaciones'],
  likes: ['Me gusta', 'Me gusta'],
  saves: ['elemento guardado', 'elementos guardados'],
  views: ['reproducción', 'reproducciones'],
};

describe('x post counts (property)', () => {
  const counts = fc.record({
    comments: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })),
    shares: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })),
    likes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000_000 })),
    saves: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
    views: fc.integer({ min: 1, max: 900_000_000 }),
  });

  it.each([
    ['en', ENGLISH],
    ['es', SPANISH],
  ] as const)(
    'reads every count exactly, zeros included, in %s',
    (lang, words) => {
      fc.assert(
        fc.property(counts, (c) => {
          const post = profileOf(read(tweetPage(c, words, lang), 'https://x.com/alice')).recentPosts[0];
          if (!post) return false;
          for (const metric of ['comments', 'shares', 'likes', 'saves', 'views'] as const) {
            expect(known(post[metric])).toMatchObject({ value: c[metric], exact: true });
          }
          return true;
        }),
        { numRuns: 40 },
      );
      // Each run builds a page in jsdom: allow for a busy machine.
    },
    60_000,
  );

  it('leaves a blank button unknown when the group has no aria-label to say it is zero', () => {
    const doc = tweetPage({ comments: 3, shares: 0, likes: 12, saves: 0, views: 2000 }, ENGLISH, 'en');
    doc.querySelector('[role="group"]')?.removeAttribute('aria-label');
    const post = profileOf(read(doc, 'https://x.com/alice')).recentPosts[0];
    expect(post?.shares).toEqual({ status: 'unknown', reason: expect.stringMatching(/reposts/) });
    expect(post?.saves.status).toBe('unknown');
    expect(known(post?.comments).value).toBe(3);
  });
});

describe('x capture (the contract between the page and the worker)', () => {
  const SAVED = manifest.fixtures.filter((f) => f.platform === 'x');

  it.each(SAVED.map((f) => [f.file, f] as const))(
    'the collector turns %s into plain JSON that passes the schema',
    (_file, saved) => {
      const capture = xPage.collect(load(saved.file, saved.url), new URL(saved.url));
      // It crosses to the worker as a message: only plain data survives the trip.
      expect(JSON.parse(JSON.stringify(capture))).toEqual(capture);
      expect(v.safeParse(XCaptureSchema, capture).issues).toBeUndefined();
      expect(capture.kind).toBe(saved.kind);
    },
  );

  it('collects texts, not counts: the reader parses them in the worker', () => {
    const capture = profileCapture();
    expect(capture.followers?.text).toBe((PROFILE.expect as { followers: { visible: string } }).followers.visible);
    expect(capture.postsLine).toMatch(/23\.9K/);
    expect(capture.jsonLd).toHaveLength(1);
    expect(capture.tweets[0]?.group).toMatch(/replies/);
  });

  it("clips what the page shows to the schema's limits and leaves out an oversized JSON-LD", () => {
    const doc = load(PROFILE.file, PROFILE.url);
    const bio = doc.querySelector('[data-testid="UserDescription"]');
    if (!bio) throw new Error('no bio');
    bio.textContent = 'word '.repeat(5_000);
    const script = doc.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = ' '.repeat(LIMITS.jsonLd + 1);
    doc.head.prepend(script);
    const capture = xPage.collect(doc, new URL(PROFILE.url));
    expect(v.safeParse(XCaptureSchema, capture).issues).toBeUndefined();
    if (capture.kind !== 'profile') throw new Error(capture.kind);
    expect(capture.bio).toHaveLength(LIMITS.caption);
    expect(capture.jsonLd).toHaveLength(1);
    // The JSON-LD that is kept is still read: the posts total stays exact.
    expect(known(profileOf(x.read(doc, new URL(PROFILE.url))).posts).source).toBe('json-ld');
  });

  it("caps the timeline at the schema's number of posts, so a page repeating them is still read", () => {
    const article = (i: number) =>
      `<article data-testid="tweet"><a href="/alice/status/${1000 + i}"><time datetime="2025-01-01T00:00:00.000Z">1</time></a>
        <div role="group" aria-label="${i + 1} likes"><button data-testid="like" aria-label="${i + 1} Likes. Like"><span>${i + 1}</span></button></div></article>`;
    const html = `<html lang="en"><head><title>Alice (@alice) / X</title></head><body><div data-testid="primaryColumn">
      <div data-testid="UserName"><span>@alice</span></div>${Array.from({ length: 600 }, (_, i) => article(i)).join('')}
      </div></body></html>`;
    const doc = new JSDOM(html, { url: 'https://x.com/alice' }).window.document;
    const capture = xPage.collect(doc, new URL('https://x.com/alice'));
    if (capture.kind !== 'profile') throw new Error(capture.kind);
    expect(capture.tweets).toHaveLength(LIMITS.tweets);
    const posts = profileOf(read(doc, 'https://x.com/alice')).recentPosts;
    expect(posts).toHaveLength(500);
    expect(known(posts[499]?.likes).value).toBe(500);
  });
});

function profileCapture(): Extract<XCapture, { kind: 'profile' }> {
  const capture = xPage.collect(load(PROFILE.file, PROFILE.url), new URL(PROFILE.url));
  if (capture.kind !== 'profile') throw new Error(capture.kind);
  return capture;
}

const envelope = (url: string, data: unknown): PageCapture => ({ platform: 'x', url, lang: 'en', readAt: 1, data });

describe('x reader refuses a malformed capture (it comes from an untrusted page)', () => {
  const good = profileCapture();
  const tweet = good.tweets[0] as XTweet;

  it.each([
    ['a count text that is not a string', { ...good, followers: { text: 3893 } }, /^followers\.text: /],
    ['an over-long bio', { ...good, bio: 'a'.repeat(LIMITS.caption + 1) }, /^bio: /],
    ['too many posts', { ...good, tweets: Array.from({ length: LIMITS.tweets + 1 }, () => tweet) }, /^tweets: /],
    [
      'a post label that is not a string',
      { ...good, tweets: [{ ...tweet, like: { label: 27 } }] },
      /^tweets\.0\.like\.label: /,
    ],
    [
      'an over-long post text',
      { ...good, tweets: [{ ...tweet, caption: 'a'.repeat(LIMITS.caption + 1) }] },
      /^tweets\.0\.caption: /,
    ],
    ['an oversized JSON-LD', { ...good, jsonLd: ['x'.repeat(LIMITS.jsonLd + 1)] }, /^jsonLd\.0: /],
    [
      'too many JSON-LD scripts',
      { ...good, jsonLd: Array.from({ length: LIMITS.scripts + 1 }, () => '{}') },
      /^jsonLd: /,
    ],
    ['posts that are not a list', { ...good, tweets: 'none' }, /^tweets: /],
    ['a kind the collector never sends', { kind: 'timeline' }, /^kind: /],
  ])('refuses %s, naming the field', (_what, data, problem) => {
    expect(x.interpret(envelope(PROFILE.url, data))).toEqual({ ok: false, problem: expect.stringMatching(problem) });
  });

  it('refuses a post page capture whose post has no path', () => {
    const data = { kind: 'post', tweet: { ...tweet, path: undefined } };
    expect(x.interpret(envelope(STATUS.url, data))).toEqual({
      ok: false,
      problem: expect.stringMatching(/^tweet\.path: /),
    });
  });

  it('reads a well-formed capture that names another post than the URL as a post not loaded yet', () => {
    const result = x.interpret(envelope(STATUS.url, { kind: 'post', tweet }));
    expect(result).toMatchObject({ ok: true, reading: { kind: 'other', reason: expect.stringMatching(/not loaded/) } });
  });

  it('reads the same capture the collector sends as read() does', () => {
    const result = x.interpret(envelope(PROFILE.url, good));
    if (!result.ok) throw new Error(result.problem);
    expect(result.reading).toEqual({ ...x.read(load(PROFILE.file, PROFILE.url), new URL(PROFILE.url), 1), lang: 'en' });
  });
});
