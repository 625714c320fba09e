import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import type { PageCapture } from '../../../lib/capture';
import { parseCount } from '../../../lib/count';
import { instagram, instagramPage } from '../../../lib/platforms/instagram';
import { InstagramCaptureSchema, LIMITS, type InstagramCapture } from '../../../lib/platforms/instagram/capture';
import { capturePage } from '../../../lib/platforms/capture-page';
import type { CountField, KnownCount, PostPageReading, ProfileReading, Reading } from '../../../lib/reading';
import { validateReading } from '../../../lib/reading';
import { parseProfileInput } from '../../../lib/store/profile-url';

const fixture = (file: string) => fileURLToPath(new URL(`../../fixtures/${file}`, import.meta.url));
const html = (file: string) => readFileSync(fixture(file), 'utf8');

interface ManifestEntry {
  file: string;
  platform: string;
  kind: string;
  url: string;
  lang: string;
  expect: Record<string, unknown>;
}
type Visible = { visible: string; exact: number | null };

const manifest = JSON.parse(html('MANIFEST.json')) as { fixtures: ManifestEntry[] };
const saved = manifest.fixtures.filter((f) => f.platform === 'instagram');

const SYNTHETIC = {
  y2025: { file: 'instagram/synthetic-profile-2025-en.html', url: 'https://www.instagram.com/nora.travels/' },
  y2026: { file: 'instagram/synthetic-profile-2026-en.html', url: 'https://www.instagram.com/mika_bakes/' },
  grid: { file: 'instagram/synthetic-profile-grid-en.html', url: 'https://www.instagram.com/luis.runs/' },
  hidden: { file: 'instagram/synthetic-post-hidden-likes-en.html', url: 'https://www.instagram.com/p/DXhid3nL1ke/' },
};

function load(file: string, url: string): Document {
  return new JSDOM(html(file), { url }).window.document;
}

function read(doc: Document, url: string): Reading {
  const reading = instagram.read(doc, new URL(url), 1_700_000_000_000);
  // Every reading must pass the schema the background applies to messages from content scripts.
  expect(validateReading(reading)).toEqual({ ok: true, reading });
  return reading;
}

function profileOf(reading: Reading): ProfileReading {
  if (reading.kind !== 'profile') throw new Error(`expected a profile, got ${JSON.stringify(reading)}`);
  return reading;
}

function postOf(reading: Reading): PostPageReading {
  if (reading.kind !== 'post') throw new Error(`expected a post, got ${JSON.stringify(reading)}`);
  return reading;
}

function known(field: CountField | undefined): KnownCount {
  if (field?.status !== 'known') throw new Error(`expected a known count, got ${JSON.stringify(field)}`);
  return field;
}

/** Rewrites the text (never markup) under `root`, as a page in another language or of another post would read. */
function replaceInTexts(root: Node, from: string, to: string): void {
  const walker = root.ownerDocument?.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
    node.textContent = (node.textContent ?? '').replaceAll(from, to);
  }
}

/** A count field agrees with what the manifest says a person sees on the page. */
function expectVisible(field: CountField, want: Visible, lang: string) {
  const got = known(field);
  expect(got.text).toContain(want.visible);
  if (want.exact === null) {
    expect(got.exact).toBe(false);
    expect(got.value).toBe(parseCount(want.visible, lang));
    expect(got.min).toBeLessThanOrEqual(got.value);
    expect(got.max).toBeGreaterThan(got.value);
  } else {
    expect(got).toMatchObject({ value: want.exact, exact: true, min: want.exact, max: want.exact });
  }
}

describe('instagram reader on the saved pages (MANIFEST.json)', () => {
  it.each(saved.map((f) => [f.file, f] as const))('%s', (_file, entry) => {
    const doc = load(entry.file, entry.url);
    const reading = read(doc, entry.url);
    expect(reading.kind).toBe(entry.kind);
    if (reading.kind === 'profile') {
      const want = entry.expect as Record<'followers' | 'following' | 'posts', Visible> & { handle: string };
      expect(reading.handle).toBe(want.handle);
      for (const key of ['followers', 'following', 'posts'] as const) {
        expectVisible(reading[key], want[key], entry.lang);
        // Served logged-out HTML: the counts come from the description meta tag.
        expect(known(reading[key]).source).toBe('meta-tag');
      }
    } else {
      const want = entry.expect as Record<'likes' | 'comments', Visible> & { author: string };
      const { author, post } = postOf(reading);
      expect(author).toBe(want.author);
      expect(post.id).toBe(new URL(entry.url).pathname.split('/')[2]);
      expectVisible(post.likes, want.likes, entry.lang);
      expectVisible(post.comments, want.comments, entry.lang);
    }
  });

  it('reads the served profile only as a fallback: the rendered header is what it waits for', () => {
    const entry = saved.find((f) => f.kind === 'profile');
    if (!entry) throw new Error('no saved profile');
    expect(instagram.isReady(load(entry.file, entry.url), new URL(entry.url))).toBe(false);
  });

  it('takes name and bio from the served tags of that profile', () => {
    const profile = profileOf(
      read(
        load('instagram/profile-pluto__travel.html', 'https://www.instagram.com/pluto__travel/'),
        'https://www.instagram.com/pluto__travel/',
      ),
    );
    expect(profile.displayName).toBe('Pluto');
    expect(profile.bio).toMatch(/^Home of travel/);
    expect(profile.totalLikes.status).toBe('unknown');
  });

  it('reads the post description: format, caption and date', () => {
    const { post } = postOf(
      read(
        load('instagram/post-CPQjO5RIIO9.html', 'https://www.instagram.com/p/CPQjO5RIIO9/'),
        'https://www.instagram.com/p/CPQjO5RIIO9/',
      ),
    );
    expect(post.format).toBe('video');
    expect(post.caption).toMatch(/^Llega el final/);
    expect(post.publishedAt).toBe('2021-05-24');
    expect(post.shares).toEqual({ status: 'unknown', reason: expect.any(String) });
  });

  it('reads a reel under either of its URLs (/reel/ID/ and /p/ID/)', () => {
    for (const url of ['https://www.instagram.com/reel/CN2VQ1yI_MA/', 'https://www.instagram.com/p/CN2VQ1yI_MA/']) {
      const { post } = postOf(read(load('instagram/reel-CN2VQ1yI_MA.html', url), url));
      expect(known(post.comments).value).toBe(784);
    }
  });

  it('does not read tags written for another page (they stay after in-app navigation)', () => {
    const profileElsewhere = 'https://www.instagram.com/someone.else/';
    expect(read(load('instagram/profile-pluto__travel.html', profileElsewhere), profileElsewhere)).toMatchObject({
      kind: 'other',
      reason: expect.stringMatching(/someone\.else/),
    });
    const postElsewhere = 'https://www.instagram.com/p/CN2VQ1yI_MA/';
    expect(read(load('instagram/post-CPQjO5RIIO9.html', postElsewhere), postElsewhere)).toMatchObject({
      kind: 'other',
      reason: expect.stringMatching(/not loaded/),
    });
  });
});

describe('instagram page kinds', () => {
  it.each([
    ['https://www.instagram.com/pluto__travel/', 'profile', 'pluto__travel'],
    ['https://www.instagram.com/pluto__travel', 'profile', 'pluto__travel'],
    ['https://www.instagram.com/pluto__travel/reels/', 'profile', 'pluto__travel'],
    ['https://www.instagram.com/pluto__travel/tagged/', 'profile', 'pluto__travel'],
    ['https://www.instagram.com/nora.travels/?hl=en', 'profile', 'nora.travels'],
    ['https://www.instagram.com/p/CPQjO5RIIO9/', 'post', undefined],
    ['https://www.instagram.com/reel/CN2VQ1yI_MA/', 'post', undefined],
    ['https://www.instagram.com/tv/CN2VQ1yI_MA/', 'post', undefined],
    ['https://www.instagram.com/jaimelorentelo/p/CPQjO5RIIO9/', 'post', 'jaimelorentelo'],
    ['https://www.instagram.com/jaimelorentelo/reel/CN2VQ1yI_MA/', 'post', 'jaimelorentelo'],
    ['https://www.instagram.com/p/CPQjO5RIIO9/liked_by/', 'post', undefined],
    ['https://www.instagram.com/', 'other', undefined],
    ['https://www.instagram.com/explore/', 'other', undefined],
    ['https://www.instagram.com/explore/tags/travel/', 'other', undefined],
    ['https://www.instagram.com/direct/inbox/', 'other', undefined],
    ['https://www.instagram.com/accounts/edit/', 'other', undefined],
    ['https://www.instagram.com/stories/pluto__travel/3123456789012345678/', 'other', undefined],
    ['https://www.instagram.com/reels/', 'other', undefined],
    ['https://www.instagram.com/reels/CN2VQ1yI_MA/', 'other', undefined],
    ['https://www.instagram.com/pluto__travel/followers/', 'other', undefined],
  ])('%s is a %s page', (href, kind, handle) => {
    const url = new URL(href);
    expect(instagram.pageKind(url)).toBe(kind);
    expect(instagram.handleFromUrl(url)).toBe(handle);
  });

  it('agrees with the shortlist on which addresses are Instagram’s own pages, not profiles', () => {
    for (const href of [
      'https://www.instagram.com/explore/',
      'https://www.instagram.com/accounts/',
      'https://www.instagram.com/business/',
      'https://www.instagram.com/static/',
    ]) {
      expect(instagram.pageKind(new URL(href))).toBe('other');
      expect(parseProfileInput(href)).toMatchObject({ ok: false });
    }
    expect(parseProfileInput('https://www.instagram.com/pluto__travel/')).toEqual({
      ok: true,
      profile: { platform: 'instagram', handle: 'pluto__travel' },
    });
  });

  it('says why a page that is neither a profile nor a post is not read', () => {
    const url = 'https://www.instagram.com/explore/';
    expect(read(new JSDOM('').window.document, url)).toMatchObject({ kind: 'other', reason: expect.any(String) });
  });
});

describe('instagram rendered profile header', () => {
  it('2025 layout: ul > li with follow links, the exact followers count in the title attribute', () => {
    const { file, url } = SYNTHETIC.y2025;
    const doc = load(file, url);
    expect(instagram.isReady(doc, new URL(url))).toBe(true);
    const profile = profileOf(read(doc, url));
    expect(profile.handle).toBe('nora.travels');
    expect(profile.displayName).toBe('Nora Alvarez');
    expect(known(profile.followers)).toMatchObject({
      value: 48_213,
      exact: true,
      text: '48.2K',
      source: 'title-attribute',
    });
    expect(known(profile.following)).toMatchObject({ value: 612, exact: true, source: 'visible-text' });
    expect(known(profile.posts)).toMatchObject({ value: 1204, exact: true, text: '1,204' });
    expect(profile.recentPosts.map((p) => [p.id, p.format])).toEqual([
      ['DAnora11111', 'post'],
      ['DAnora22222', 'post'],
      ['DAnora33333', 'reel'],
    ]);
    // No tile is hovered: no likes or comments, each with a reason — never 0.
    for (const post of profile.recentPosts) {
      expect(post.likes).toEqual({ status: 'unknown', reason: expect.stringMatching(/pointer/) });
      expect(post.comments.status).toBe('unknown');
    }
  });

  it('late-2025 layout: wrapper under header, stats found by label and title, no links', () => {
    const { file, url } = SYNTHETIC.y2026;
    const doc = load(file, url);
    expect(doc.querySelector('header a[href*="/followers"]')).toBeNull();
    expect(doc.querySelector('header ul')).toBeNull();
    expect(instagram.isReady(doc, new URL(url))).toBe(true);
    const profile = profileOf(read(doc, url));
    // What the header shows wins over the served description ("1.5M Followers").
    expect(known(profile.followers)).toMatchObject({
      value: 1_532_907,
      exact: true,
      text: '1.5M',
      source: 'title-attribute',
    });
    expect(known(profile.following)).toMatchObject({ value: 301, source: 'visible-text' });
    expect(known(profile.posts)).toMatchObject({ value: 87, source: 'visible-text' });
    expect(profile.bio).toBe('Pastry chef · Osaka → Berlin');
  });

  it('falls back to the served description of the same profile when the header has not rendered', () => {
    const { file, url } = SYNTHETIC.y2026;
    const doc = load(file, url);
    doc.querySelector('header')?.remove();
    expect(instagram.isReady(doc, new URL(url))).toBe(false);
    const profile = profileOf(read(doc, url));
    expect(known(profile.followers)).toMatchObject({ value: 1_500_000, exact: false, source: 'meta-tag' });
    expect(known(profile.followers).max).toBeGreaterThanOrEqual(1_532_907);
    expect(known(profile.posts)).toMatchObject({ value: 87, exact: true, source: 'meta-tag' });
  });

  it('gives the present stats and an unknown with a reason for the missing ones', () => {
    const { file, url } = SYNTHETIC.y2025;
    const doc = load(file, url);
    const items = doc.querySelectorAll('header ul > li');
    items[0]?.remove();
    items[2]?.remove();
    const profile = profileOf(read(doc, url));
    expect(known(profile.followers).value).toBe(48_213);
    expect(profile.posts).toEqual({ status: 'unknown', reason: expect.stringMatching(/header shows no posts/) });
    // The "Followed by … + 12 more" line beside it is not taken for the following count.
    expect(profile.following).toEqual({
      status: 'unknown',
      reason: expect.stringMatching(/header shows no following/),
    });
  });

  it('does not read the previous profile still on screen as the one the URL names', () => {
    const url = 'https://www.instagram.com/mika_bakes/';
    const doc = load(SYNTHETIC.y2025.file, url);
    expect(instagram.isReady(doc, new URL(url))).toBe(false);
    expect(read(doc, url)).toMatchObject({
      kind: 'other',
      reason: expect.stringMatching(/still shows @nora\.travels/),
    });
  });

  it('reads the header that shows the URL’s handle when the previous one is still in the DOM', () => {
    const { url } = SYNTHETIC.y2026;
    const doc = load(SYNTHETIC.y2025.file, url);
    const next = load(SYNTHETIC.y2026.file, url).querySelector('main header');
    if (!next) throw new Error('no header');
    doc.querySelector('main')?.appendChild(doc.importNode(next, true));
    expect(instagram.isReady(doc, new URL(url))).toBe(true);
    const profile = profileOf(read(doc, url));
    expect(known(profile.followers).value).toBe(1_532_907);
    expect(known(profile.posts).value).toBe(87);
    // The other profile's tiles name their account in their links and are left out.
    expect(profile.recentPosts).toEqual([]);
  });

  it('places stats by Instagram’s order in a language whose labels it does not know', () => {
    const { file, url } = SYNTHETIC.y2026;
    const doc = load(file, url);
    doc.documentElement.lang = 'es';
    const labels = [' publicaciones', ' seguidores', ' seguidos'];
    doc
      .querySelectorAll('header div.x1qughib > div > span.x1lliihq')
      .forEach((span, i) => (span.textContent = labels[i] ?? ''));
    doc.querySelectorAll('meta').forEach((m) => m.remove());
    const profile = profileOf(read(doc, url));
    expect(known(profile.followers)).toMatchObject({ value: 1_532_907, source: 'title-attribute' });
    expect(known(profile.posts).value).toBe(87);
    expect(known(profile.following).value).toBe(301);
  });

  it('does not take a number of the bio for a missing stat, in a language whose labels it does not know', () => {
    const { file, url } = SYNTHETIC.y2026;
    const doc = load(file, url);
    doc.documentElement.lang = 'es';
    const labels = [' publicaciones', ' seguidores', ' seguidos'];
    doc
      .querySelectorAll('header div.x1qughib > div > span.x1lliihq')
      .forEach((span, i) => (span.textContent = labels[i] ?? ''));
    doc.querySelectorAll('header div.x1qughib > div')[2]?.remove();
    const bio = doc.querySelector('header div.x7a106z');
    if (!bio) throw new Error('no bio');
    const line = doc.createElement('span');
    const two = doc.createElement('span');
    two.textContent = '2';
    line.append(two, ' libros');
    bio.replaceChildren(line);
    doc.querySelectorAll('meta').forEach((m) => m.remove());
    const profile = profileOf(read(doc, url));
    expect(known(profile.posts).value).toBe(87);
    expect(profile.following).toEqual({ status: 'unknown', reason: expect.stringMatching(/following/) });
  });

  it('uses the follow links in a language whose labels it does not know', () => {
    const { file, url } = SYNTHETIC.y2025;
    const doc = load(file, url);
    doc.documentElement.lang = 'de';
    const ul = doc.querySelector('header ul');
    if (!ul) throw new Error('no stats');
    // As a German page writes them: "1.204 Beiträge", "48,2 Tsd. Follower" (title "48.213"), "612 Gefolgt".
    const german: [string, string][] = [
      ['1,204', '1.204'],
      ['posts', 'Beiträge'],
      ['48.2K', '48,2 Tsd.'],
      ['followers', 'Follower'],
      ['following', 'Gefolgt'],
    ];
    for (const [from, to] of german) replaceInTexts(ul, from, to);
    ul.querySelector('[title]')?.setAttribute('title', '48.213');
    const profile = profileOf(read(doc, url));
    expect(known(profile.followers)).toMatchObject({ value: 48_213, text: '48,2 Tsd.', source: 'title-attribute' });
    expect(known(profile.following).value).toBe(612);
    expect(known(profile.posts)).toMatchObject({ value: 1204, text: '1.204' });
  });

  it('upgrades a truncated followers count to the title’s exact one, for any count (property)', () => {
    const truncated = new Intl.NumberFormat('en', {
      notation: 'compact',
      maximumFractionDigits: 1,
      roundingMode: 'trunc',
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000_000 }), (n) => {
        const doc = new JSDOM(
          `<html lang="en"><main><header><h2><span>someone</span></h2><ul>
            <li><div><span><span>12</span></span> posts</div></li>
            <li><div><span title="${n.toLocaleString('en-US')}"><span>${n < 10_000 ? n.toLocaleString('en-US') : truncated.format(n)}</span></span> followers</div></li>
            <li><div><span><span>3</span></span> following</div></li></ul></header></main></html>`,
        ).window.document;
        const profile = profileOf(instagram.read(doc, new URL('https://www.instagram.com/someone/'), 0));
        expect(known(profile.followers)).toMatchObject({ value: n, exact: true });
        return true;
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('instagram grid', () => {
  const read2 = () => profileOf(read(load(SYNTHETIC.grid.file, SYNTHETIC.grid.url), SYNTHETIC.grid.url)).recentPosts;

  it('marks pinned tiles', () => {
    const posts = read2();
    expect(posts.filter((p) => p.pinned).map((p) => p.id)).toEqual(['DBpin11111', 'DCree55555']);
  });

  it('reads reels’ view counts beside the view icon', () => {
    const byId = new Map(read2().map((p) => [p.id, p]));
    expect(known(byId.get('DCree55555')?.views)).toMatchObject({ value: 8412, exact: true, text: '8,412' });
    expect(known(byId.get('DCree44444')?.views)).toMatchObject({ value: 12_500, exact: false, text: '12.5K' });
    expect(known(byId.get('DCree66666')?.views)).toMatchObject({ value: 1_200_000, exact: false });
    expect(byId.get('DCree66666')?.format).toBe('reel');
    expect(byId.get('DBpla33333')?.views).toEqual({ status: 'unknown', reason: expect.any(String) });
  });

  it('reads likes and comments from the hovered tile’s overlay only', () => {
    const byId = new Map(read2().map((p) => [p.id, p]));
    expect(known(byId.get('DBhov22222')?.likes)).toMatchObject({ value: 1024, exact: true });
    expect(known(byId.get('DBhov22222')?.comments)).toMatchObject({ value: 38, exact: true });
    expect(byId.get('DBpla33333')?.likes).toEqual({ status: 'unknown', reason: expect.stringMatching(/pointer/) });
  });

  it('does not guess which count a one-item overlay shows (hidden likes leave only comments)', () => {
    const doc = load(SYNTHETIC.grid.file, SYNTHETIC.grid.url);
    doc.querySelector('a[href*="DBhov22222"] ul > li')?.remove();
    const post = profileOf(read(doc, SYNTHETIC.grid.url)).recentPosts.find((p) => p.id === 'DBhov22222');
    expect(post?.likes).toEqual({ status: 'unknown', reason: expect.stringMatching(/likes or comments/) });
    expect(post?.comments.status).toBe('unknown');
  });

  it('leaves out tiles of another account', () => {
    const doc = load(SYNTHETIC.grid.file, SYNTHETIC.grid.url);
    doc.querySelector('a[href*="DBpla33333"]')?.setAttribute('href', '/someone.else/p/DBpla33333/');
    expect(profileOf(read(doc, SYNTHETIC.grid.url)).recentPosts.map((p) => p.id)).not.toContain('DBpla33333');
  });
});

describe('instagram post pages', () => {
  it('reports likes the creator hides as hidden, never 0', () => {
    const { file, url } = SYNTHETIC.hidden;
    const doc = load(file, url);
    expect(instagram.isReady(doc, new URL(url))).toBe(true);
    const { author, post } = postOf(read(doc, url));
    expect(author).toBe('nora.travels');
    // The embedded data says like_count 0 beside like_and_view_counts_disabled.
    expect(post.likes).toEqual({ status: 'hidden', reason: expect.stringMatching(/hides/), source: 'page-data' });
    expect(known(post.comments)).toMatchObject({ value: 57, exact: true, source: 'page-data' });
    expect(post.caption).toBe('Morning ferry to Cacilhas ⛴️');
    expect(post.publishedAt).toBe('2024-06-03T08:00:00.000Z');
    expect(post.format).toBe('post');
  });

  it('sees hidden likes in the rendered post alone ("Liked by … and others", no number)', () => {
    const { file, url } = SYNTHETIC.hidden;
    const doc = load(file, url);
    doc.querySelector('script[type="application/json"]')?.remove();
    const { author, post } = postOf(read(doc, url));
    expect(author).toBe('nora.travels');
    expect(post.likes).toEqual({ status: 'hidden', reason: expect.any(String), source: 'visible-text' });
    expect(post.comments.status).toBe('unknown');
  });

  it('reads a shown like count, counting the named liker in "Liked by anna.k and 1,233 others"', () => {
    const { file, url } = SYNTHETIC.hidden;
    const doc = load(file, url);
    doc.querySelector('script[type="application/json"]')?.remove();
    const link = doc.querySelector('a[href$="/liked_by/"]');
    if (!link) throw new Error('no liked_by link');
    link.textContent = '1,233 others';
    expect(known(postOf(read(doc, url)).post.likes)).toMatchObject({ value: 1234, exact: true });
    const sentence = link.parentElement;
    sentence?.replaceChildren(link);
    link.textContent = '1,234 likes';
    expect(known(postOf(read(doc, url)).post.likes)).toMatchObject({ value: 1234, exact: true, text: '1,234 likes' });
  });

  it('reads a post opened in a dialog over the profile, not the grid tile behind it', () => {
    const url = 'https://www.instagram.com/p/DBhov22222/';
    const doc = load(SYNTHETIC.grid.file, url);
    // The grid links to the post, but nothing of the post itself has rendered yet.
    expect(instagram.isReady(doc, new URL(url))).toBe(false);
    const article = load(SYNTHETIC.hidden.file, SYNTHETIC.hidden.url).querySelector('article');
    if (!article) throw new Error('no article');
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.appendChild(doc.importNode(article, true));
    replaceInTexts(dialog, 'nora.travels', 'luis.runs');
    for (const a of Array.from(dialog.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href') ?? '';
      a.setAttribute('href', href.replace('DXhid3nL1ke', 'DBhov22222').replace('nora.travels', 'luis.runs'));
    }
    const likes = dialog.querySelector('a[href$="/liked_by/"]');
    likes?.parentElement?.replaceChildren(likes);
    if (likes) likes.textContent = '1,024 likes';
    doc.body.appendChild(dialog);
    expect(instagram.isReady(doc, new URL(url))).toBe(true);
    const { author, post } = postOf(read(doc, url));
    expect(author).toBe('luis.runs');
    expect(known(post.likes)).toMatchObject({ value: 1024, exact: true, source: 'visible-text' });
    expect(post.publishedAt).toBe('2024-06-03T08:00:00.000Z');
  });

  it('ignores embedded data about another post', () => {
    const url = 'https://www.instagram.com/p/DXother0000/';
    const doc = load(SYNTHETIC.hidden.file, url);
    expect(instagram.isReady(doc, new URL(url))).toBe(false);
    expect(read(doc, url)).toMatchObject({ kind: 'other', reason: expect.stringMatching(/not loaded/) });
  });

  it('does not read "0 likes" beside comments as zero (Instagram reports 0 for hidden likes)', () => {
    const url = 'https://www.instagram.com/p/ABCDE12345/';
    const doc = new JSDOM(
      `<html lang="en"><head><meta property="og:url" content="${url}">
       <meta property="og:description" content="0 likes, 57 comments - nora.travels on June 3, 2024: &quot;Ferry&quot;">
       </head><body></body></html>`,
      { url },
    ).window.document;
    const { author, post } = postOf(read(doc, url));
    expect(author).toBe('nora.travels');
    expect(post.likes).toEqual({ status: 'unknown', reason: expect.stringMatching(/hidden/) });
    expect(known(post.comments).value).toBe(57);
  });
});

describe('instagram served description in other languages', () => {
  const page = (description: string, lang: string) =>
    new JSDOM(
      `<html lang="${lang}"><head><meta property="og:url" content="https://www.instagram.com/pluto__travel/">
       <meta property="og:description" content="${description}"></head><body></body></html>`,
      { url: 'https://www.instagram.com/pluto__travel/' },
    ).window.document;

  it('places three counts by Instagram’s fixed order', () => {
    const doc = page(
      '2.362 seguidores, 136 seguidos, 224 publicaciones - Ver fotos y videos de Instagram de Pluto (@pluto__travel)',
      'es',
    );
    const profile = profileOf(read(doc, 'https://www.instagram.com/pluto__travel/'));
    expect(known(profile.followers).value).toBe(2362);
    expect(known(profile.following).value).toBe(136);
    expect(known(profile.posts).value).toBe(224);
  });

  it('trusts no order when it does not find three counts', () => {
    const doc = page('2.362 seguidores, 224 publicaciones - Ver fotos y videos de Instagram de Pluto', 'es');
    const profile = profileOf(read(doc, 'https://www.instagram.com/pluto__travel/'));
    for (const key of ['followers', 'following', 'posts'] as const) {
      expect(profile[key]).toEqual({ status: 'unknown', reason: expect.any(String) });
    }
  });
});

describe('instagram capture: what the page sends the worker', () => {
  const pages = [...saved, ...Object.values(SYNTHETIC)].map((p) => [p.file, p.url] as const);

  it.each(pages)('%s: the collector sends plain JSON that passes the schema and reads as the page', (file, href) => {
    const doc = load(file, href);
    const url = new URL(href);
    const capture = capturePage(instagramPage, doc, url, 1_700_000_000_000);
    expect(capture.problem).toBeUndefined();
    // It crosses to the worker as a message: nothing may be lost or changed on the way.
    const sent = JSON.parse(JSON.stringify(capture)) as PageCapture;
    expect(sent).toEqual(capture);
    expect(v.safeParse(InstagramCaptureSchema, sent.data).issues).toBeUndefined();
    expect(instagram.interpret(sent)).toEqual({ ok: true, reading: instagram.read(doc, url, 1_700_000_000_000) });
  });

  it('sends the embedded data as text, parsed by the reader, not in the page', () => {
    const { file, url } = SYNTHETIC.hidden;
    const doc = load(file, url);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const capture = instagramPage.collect(doc, new URL(url));
      expect(parse).not.toHaveBeenCalled();
      if (capture.kind !== 'post') throw new Error(`expected a post capture, got ${capture.kind}`);
      expect(capture.media).toHaveLength(1);
      expect(capture.media[0]).toContain('"like_and_view_counts_disabled"');
    } finally {
      parse.mockRestore();
    }
  });

  it('sends no embedded data about another post', () => {
    const url = 'https://www.instagram.com/p/DXother0000/';
    const capture = instagramPage.collect(load(SYNTHETIC.hidden.file, url), new URL(url));
    expect(capture).toMatchObject({ kind: 'post', media: [] });
  });
});

describe('instagram reader on a malformed capture (from a broken or hostile page)', () => {
  const { file, url } = SYNTHETIC.grid;
  type ProfileCapture = PageCapture<Extract<InstagramCapture, { kind: 'profile' }>>;
  /** A profile capture as it arrives in the worker: a fresh copy for each test to spoil. */
  const good = () => {
    const capture = capturePage(instagramPage, load(file, url), new URL(url), 1_700_000_000_000);
    return JSON.parse(JSON.stringify(capture)) as ProfileCapture;
  };

  it('reads the unchanged capture', () => {
    expect(instagram.interpret(good())).toMatchObject({ ok: true, reading: { kind: 'profile' } });
  });

  it.each([
    [
      'a tile flag of the wrong type',
      (c: ProfileCapture) => Object.assign(c.data.tiles[0] ?? {}, { pinned: 'yes' }),
      /^tiles\.0\.pinned: /,
    ],
    [
      'a number where text belongs',
      (c: ProfileCapture) => Object.assign(c.data.served, { ogDescription: 12 }),
      /^served\.ogDescription: /,
    ],
    [
      'an over-long description',
      (c: ProfileCapture) => Object.assign(c.data.served, { ogDescription: 'x'.repeat(LIMITS.description + 1) }),
      /^served\.ogDescription: /,
    ],
    [
      'an over-long header number',
      (c: ProfileCapture) => Object.assign(c.data.header?.leaves[0] ?? {}, { text: '1'.repeat(41) }),
      /^header\.leaves\.0\.text: /,
    ],
    [
      'an over-long caption',
      (c: ProfileCapture) => Object.assign(c.data.tiles[0] ?? {}, { caption: 'x'.repeat(5001) }),
      /^tiles\.0\.caption: /,
    ],
    [
      'too many posts',
      (c: ProfileCapture) => (c.data.tiles = Array.from({ length: 501 }, () => c.data.tiles).flat()),
      /^tiles: /,
    ],
    [
      'a post id that is no shortcode',
      (c: ProfileCapture) => Object.assign(c.data.tiles[0] ?? {}, { id: '../x' }),
      /^tiles\.0\.id: /,
    ],
    [
      'a negative element index',
      (c: ProfileCapture) => Object.assign(c.data.header?.leaves[0] ?? {}, { up: [-1] }),
      /^header\.leaves\.0\.up\.0: /,
    ],
    ['an unknown kind of page', (c: ProfileCapture) => Object.assign(c.data, { kind: 'story' }), /^kind: /],
  ] as const)('refuses %s, naming the field', (_what, spoil, problem) => {
    const capture = good();
    spoil(capture);
    expect(instagram.interpret(capture)).toEqual({ ok: false, problem: expect.stringMatching(problem) });
  });

  it('refuses a post capture with too many or non-text scripts', () => {
    const post = capturePage(
      instagramPage,
      load(SYNTHETIC.hidden.file, SYNTHETIC.hidden.url),
      new URL(SYNTHETIC.hidden.url),
      0,
    );
    const tooMany = { ...post, data: { ...post.data, media: Array.from({ length: LIMITS.scripts + 1 }, () => '{}') } };
    expect(instagram.interpret(tooMany)).toEqual({ ok: false, problem: expect.stringMatching(/^media: /) });
    const notText = { ...post, data: { ...post.data, media: [{ items: [] }] } };
    expect(instagram.interpret(notText)).toEqual({ ok: false, problem: expect.stringMatching(/^media\.0: /) });
  });

  it('reads a well-formed but nonsensical capture into a valid reading', () => {
    const capture = good();
    // Element indexes that name no element the header has.
    for (const leaf of capture.data.header?.leaves ?? []) leaf.up = [987_654];
    const result = instagram.interpret(capture);
    if (!result.ok) throw new Error(result.problem);
    const profile = profileOf(result.reading);
    expect(validateReading(profile)).toEqual({ ok: true, reading: profile });
    // Placed by its followers link, with the exact count of its title.
    expect(known(profile.followers)).toMatchObject({ value: 9870, exact: true });

    // Embedded data cut short: the rendered post is read without it.
    const { file: postFile, url: postUrl } = SYNTHETIC.hidden;
    const post = capturePage(instagramPage, load(postFile, postUrl), new URL(postUrl), 0);
    const cut = { ...post, data: { ...post.data, media: ['{"xdt_api__v1__media__shortcode__web_info": '] } };
    expect(instagram.interpret(cut)).toMatchObject({
      ok: true,
      reading: { kind: 'post', post: { likes: { status: 'hidden', source: 'visible-text' } } },
    });
  });
});
