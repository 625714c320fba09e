import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { type CountField, type PostReading, type Reading, validateReading } from '../../../lib/reading';
import { capturePage } from '../../../lib/platforms/capture-page';
import { upgradeToExact } from '../../../lib/platforms/fields';
import { youtube, youtubePage } from '../../../lib/platforms/youtube';
import { YouTubeCaptureSchema, type YouTubeCapture } from '../../../lib/platforms/youtube/capture';
import { channelData, initialData, videoData } from '../../../lib/platforms/youtube/page-data';
import { countInText } from '../../../lib/platforms/youtube/text';

const FIXTURES = join(__dirname, '../../fixtures');

interface ManifestEntry {
  file: string;
  platform: string;
  url: string;
  lang: string;
  expect: Record<string, { visible?: string; exact?: number; approx?: number } | string | number>;
}
const MANIFEST = (JSON.parse(readFileSync(join(FIXTURES, 'MANIFEST.json'), 'utf8')) as { fixtures: ManifestEntry[] })
  .fixtures;

function entry(file: string): ManifestEntry {
  const found = MANIFEST.find((e) => e.file === `youtube/${file}`);
  if (!found) throw new Error(`${file} is not in MANIFEST.json`);
  return found;
}
function expected(e: ManifestEntry, key: string): { visible?: string; exact?: number; approx?: number } {
  const value = e.expect[key];
  if (typeof value !== 'object') throw new Error(`MANIFEST ${e.file} has no ${key}`);
  return value;
}

const html = (file: string) => readFileSync(join(FIXTURES, 'youtube', file), 'utf8');
const dom = (source: string, url: string) => new JSDOM(source, { url }).window.document;

function read(doc: Document, url: string): Reading {
  const reading = youtube.read(doc, new URL(url), 1_700_000_000_000);
  const checked = validateReading(reading);
  if (!checked.ok) throw new Error(`invalid reading: ${checked.problem}`);
  return reading;
}
function profile(reading: Reading) {
  if (reading.kind !== 'profile') throw new Error(`expected a profile, got ${JSON.stringify(reading)}`);
  return reading;
}
function postPage(reading: Reading) {
  if (reading.kind !== 'post') throw new Error(`expected a post page, got ${JSON.stringify(reading)}`);
  return reading;
}
function known(field: CountField | undefined) {
  if (field?.status !== 'known') throw new Error(`expected a known count, got ${JSON.stringify(field)}`);
  return field;
}
function post(posts: PostReading[], id: string): PostReading {
  const found = posts.find((p) => p.id === id);
  if (!found) throw new Error(`no post ${id} among ${posts.map((p) => p.id).join(', ')}`);
  return found;
}

describe('youtube URLs', () => {
  it.each([
    ['/@MLB', 'profile'],
    ['/@MLB/', 'profile'],
    ['/@MLB/videos', 'profile'],
    ['/@MLB/shorts', 'profile'],
    ['/@MLB/streams', 'profile'],
    ['/@MLB/featured', 'profile'],
    ['/channel/UCoLrcjPV5PbUrUyXq5mjc_A/videos', 'profile'],
    ['/c/SomeName', 'profile'],
    ['/user/SomeName/videos', 'profile'],
    ['/watch?v=hwMkbaS_M_c', 'post'],
    ['/watch?v=hwMkbaS_M_c&t=42s', 'post'],
    ['/shorts/hwMkbaS_M_c', 'post'],
    ['/@MLB/playlists', 'other'],
    ['/@MLB/videos/extra', 'other'],
    ['/channel/not-a-channel-id', 'other'],
    ['/watch', 'other'],
    ['/watch?v=short', 'other'],
    ['/results?search_query=baseball', 'other'],
    ['/', 'other'],
  ])('%s is a %s page', (path, kind) => {
    expect(youtube.pageKind(new URL(path, 'https://www.youtube.com'))).toBe(kind);
  });

  it.each([
    ['/@MLB/streams', 'MLB'],
    ['/@OneMedia.', 'OneMedia.'],
    ['/@%E3%81%82%E3%81%84', 'あい'],
    ['/channel/UCoLrcjPV5PbUrUyXq5mjc_A', 'UCoLrcjPV5PbUrUyXq5mjc_A'],
    ['/c/SomeName/videos', 'SomeName'],
    ['/watch?v=hwMkbaS_M_c', undefined],
  ])('handleFromUrl(%s) is %s', (path, handle) => {
    expect(youtube.handleFromUrl(new URL(path, 'https://www.youtube.com'))).toBe(handle);
  });

  it('handles only www.youtube.com', () => {
    expect(youtube.hosts).toEqual(['www.youtube.com']);
  });
});

describe('served channel pages (counts only in ytInitialData): the MANIFEST values', () => {
  it('ProgrammingKnowledge, Videos tab (c4 header, rich grid)', () => {
    const e = entry('channel-videos-en-UCs6nmQViDpUw0nuIx9c_WvA.html');
    const doc = dom(html('channel-videos-en-UCs6nmQViDpUw0nuIx9c_WvA.html'), e.url);
    expect(youtube.isReady(doc, new URL(e.url))).toBe(true);
    const p = profile(read(doc, e.url));
    expect(p.lang).toBe(e.lang);
    expect(p.displayName).toBe(e.expect.name);
    expect(p.handle).toBe('ProgrammingKnowledge');
    expect(p.bio).toMatch(/^Hi Guys, I have Always been asked to share my code/);
    expect(known(p.followers)).toMatchObject({
      text: expected(e, 'subscribers').visible,
      value: 1_650_000,
      exact: false,
      source: 'page-data',
    });
    expect(known(p.posts)).toMatchObject({ text: expected(e, 'videos').visible, value: 3300, exact: false });
    expect(p.following.status).toBe('unknown');
    expect(p.totalLikes.status).toBe('unknown');

    const exactViews = p.recentPosts.filter((x) => x.views.status === 'known' && x.views.exact);
    expect(exactViews).toHaveLength(e.expect.per_post_views_exact_count as number);
    const first = expected(e, 'first_video_views');
    expect(p.recentPosts[0]?.views).toMatchObject({
      status: 'known',
      text: first.visible,
      value: first.exact,
      exact: true,
    });
    expect(p.recentPosts[0]).toMatchObject({ id: 'ZR4FHmypft4', format: 'video', pinned: false });
    expect(p.recentPosts[0]?.caption).toBe('Mastering Data Visualization with Pandas: A Step-by-Step Guide');
    // The grid shows "3.7K views"; the page data's "3,754 views" upgrades it.
    expect(post(p.recentPosts, '7kzttk9lj3U').views).toMatchObject({ text: '3.7K views', value: 3754, exact: true });
    for (const x of p.recentPosts) {
      expect(x.likes).toEqual({ status: 'unknown', reason: "YouTube's grid shows views only" });
      expect(x.comments.status).toBe('unknown');
    }
  });

  it('MLB, Live tab: past streams are "live" posts with exact views', () => {
    const e = entry('channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html');
    const p = profile(read(dom(html('channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html'), e.url), e.url));
    expect(p.displayName).toBe(e.expect.name);
    expect(p.handle).toBe('MLB');
    expect(known(p.followers)).toMatchObject({ text: expected(e, 'subscribers').visible, value: 4_140_000 });
    expect(known(p.posts)).toMatchObject({ text: expected(e, 'videos').visible, value: 287_000, exact: false });
    const live = expected(e, 'a_live_view_count');
    const match = p.recentPosts.find((x) => x.views.status === 'known' && x.views.text === live.visible);
    expect(match?.views).toMatchObject({ value: live.exact, exact: true, source: 'page-data' });
    expect(p.recentPosts).toHaveLength(29);
    expect(new Set(p.recentPosts.map((x) => x.format))).toEqual(new Set(['live']));
  });

  it('ONE Media, Spanish home tab: comma decimals, truncated counts, other channels left out', () => {
    const e = entry('channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html');
    const p = profile(read(dom(html('channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html'), e.url), e.url));
    expect(p.lang).toBe('es-ES');
    expect(p.displayName).toBe(e.expect.name);
    expect(p.handle).toBe('OneMedia.');
    const subs = expected(e, 'subscribers');
    expect(known(p.followers)).toMatchObject({ text: subs.visible, value: subs.approx, exact: false });
    const videos = expected(e, 'videos');
    expect(known(p.posts)).toMatchObject({ text: videos.visible, value: videos.approx, exact: false });

    const view = expected(e, 'a_view_count');
    // The featured video (shown first, with its full count) is the one the MANIFEST names.
    const featured = post(p.recentPosts, 'c31G0fKqHs8');
    expect(featured.views).toMatchObject({ value: view.exact, exact: true, text: '127.696 visualizaciones' });
    // Its grid tile shows the truncated "127 K visualizaciones", which the exact count is consistent with.
    const tile = countInText(view.visible, 'es-ES', 'page-data', 'views');
    expect(upgradeToExact(tile, view.exact, 'page-data')).toMatchObject({ value: view.exact, exact: true });
    // A grid tile: "52 K visualizaciones" behind which the data holds "52.112 visualizaciones".
    expect(post(p.recentPosts, '48s9qVwHiNo').views).toMatchObject({
      text: '52 K visualizaciones',
      value: 52112,
      exact: true,
    });
    // A count under 10,000 is written without grouping in Spanish ("3313 visualizaciones") — and that one is
    // another channel's video in a curated shelf, so it is not among the channel's posts.
    expect(p.recentPosts.some((x) => x.id === 'Xh0TQY3TKuU')).toBe(false);
    expect(p.recentPosts.some((x) => x.id === 'R_RgjS23J7A')).toBe(false);
    // Duplicates across shelves are read once.
    expect(new Set(p.recentPosts.map((x) => x.id)).size).toBe(p.recentPosts.length);
    expect(p.recentPosts).toHaveLength(30);
    // The uploads shelf ("Vídeos", linking to the Videos tab) holds the latest uploads; the curated shelves'
    // other videos are promoted picks, marked pinned.
    expect(post(p.recentPosts, 'fkciasqKawc').pinned).toBe(false);
    expect(featured.pinned).toBe(false);
    expect(post(p.recentPosts, 'T-_lnsQTUSI').pinned).toBe(true);
    expect(p.recentPosts.filter((x) => !x.pinned)).toHaveLength(12);
  });
});

describe('served watch page: the MANIFEST values', () => {
  const e = entry('watch-es-hwMkbaS_M_c.html');
  const source = html('watch-es-hwMkbaS_M_c.html');

  it('reads views, likes, comments and the channel from the page data', () => {
    const doc = dom(source, e.url);
    expect(youtube.isReady(doc, new URL(e.url))).toBe(true);
    const r = postPage(read(doc, e.url));
    expect(r.author).toBe('OneMedia.');
    const views = expected(e, 'views');
    expect(known(r.post.views)).toMatchObject({
      text: views.visible,
      value: views.exact,
      exact: true,
      source: 'page-data',
    });
    expect(known(r.post.likes)).toMatchObject({ value: expected(e, 'likes').exact, exact: true, text: '7,3 K' });
    expect(known(r.authorFollowers)).toMatchObject({
      text: expected(e, 'channel_subscribers').visible,
      value: 4_690_000,
      exact: false,
    });
    expect(known(r.post.comments)).toMatchObject({ text: '1 K', value: 1000, exact: false });
    expect(r.post).toMatchObject({ id: 'hwMkbaS_M_c', format: 'video', pinned: false, repost: false });
    expect(r.post.caption).toBe('Star Wars 8 El Ultimo JEDI Trailer Espanol (Subtitulado) - 2017');
    expect(r.post.shares.status).toBe('unknown');
    const data = initialData(doc);
    expect(data && videoData(data)?.owner.name).toBe(e.expect.channel);
  });

  it('ignores the data on the URL of another video (after in-app navigation)', () => {
    const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
    const doc = dom(source, url);
    expect(youtube.isReady(doc, new URL(url))).toBe(false);
    expect(read(doc, url)).toMatchObject({ kind: 'other', reason: 'the video has not rendered yet' });
  });
});

describe('stale page data', () => {
  const source = html('channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html');

  it("is ignored on another channel's URL", () => {
    const url = 'https://www.youtube.com/@SomeoneElse/streams';
    const doc = dom(source, url);
    expect(youtube.isReady(doc, new URL(url))).toBe(false);
    const p = profile(read(doc, url));
    expect(p.handle).toBe('SomeoneElse');
    expect(p.displayName).toBeUndefined();
    expect(p.followers).toEqual({ status: 'unknown', reason: 'the channel header is not on the page' });
    expect(p.posts.status).toBe('unknown');
    expect(p.recentPosts).toEqual([]);
  });

  it('is matched by handle as well as by channel id', () => {
    const url = 'https://www.youtube.com/@mlb/streams';
    const p = profile(read(dom(source, url), url));
    expect(known(p.followers).text).toBe('4.14M subscribers');
    expect(p.recentPosts).toHaveLength(29);
  });

  it("gives the header but not another tab's videos", () => {
    const url = 'https://www.youtube.com/@MLB/videos';
    const p = profile(read(dom(source, url), url));
    expect(known(p.followers).text).toBe('4.14M subscribers');
    expect(p.recentPosts).toEqual([]);
  });
});

describe('broken pages never throw', () => {
  const source = html('channel-videos-en-UCs6nmQViDpUw0nuIx9c_WvA.html');
  const url = 'https://www.youtube.com/channel/UCs6nmQViDpUw0nuIx9c_WvA/videos';

  it('a truncated ytInitialData gives unknown fields with reasons', () => {
    const start = source.indexOf('var ytInitialData = ');
    const broken = source.slice(0, start + 100_000) + '</script></body></html>';
    const p = profile(read(dom(broken, url), url));
    expect(p.followers).toEqual({ status: 'unknown', reason: 'the channel header is not on the page' });
    expect(p.recentPosts).toEqual([]);
  });

  it('ytInitialData followed by more code in its script is still found', () => {
    const doc = dom(
      '<html><script>var ytInitialData = {"a": "};", "b": {"c": [1]}}; var other = {"d": 2};</script></html>',
      url,
    );
    expect(initialData(doc)).toEqual({ a: '};', b: { c: [1] } });
  });

  it('ytInitialData that is not JSON gives unknown fields', () => {
    const doc = dom('<html><script>var ytInitialData = {"header": nope};</script></html>', url);
    expect(initialData(doc)).toBeUndefined();
    expect(profile(read(doc, url)).posts.status).toBe('unknown');
  });

  it('arbitrary script text and markup give a valid reading', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(
          'https://www.youtube.com/@x/videos',
          'https://www.youtube.com/watch?v=hwMkbaS_M_c',
          'https://www.youtube.com/shorts/hwMkbaS_M_c',
        ),
        (junk, page) => {
          const doc = dom(
            `<html><body><ytd-browse role="main"><yt-page-header-view-model><yt-content-metadata-view-model>` +
              `<div>${junk}</div></yt-content-metadata-view-model></yt-page-header-view-model></ytd-browse>` +
              `<script>var ytInitialData = {${junk}};</script></body></html>`,
            page,
          );
          expect(() => read(doc, page)).not.toThrow();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('rendered channel page, page-header layout (synthetic)', () => {
  const source = html('synthetic-channel-pageheader-en.html');
  const url = 'https://www.youtube.com/@SyntheticCreator/videos';

  it('reads the active header and grid, not the hidden previous channel nor its stale page data', () => {
    const doc = dom(source, url);
    expect(youtube.isReady(doc, new URL(url))).toBe(true);
    const p = profile(read(doc, url));
    expect(p.handle).toBe('SyntheticCreator');
    expect(p.displayName).toBe('Synthetic Creator');
    expect(p.bio).toBe('Tutorials about programming, every week.');
    expect(known(p.followers)).toMatchObject({ text: '1.65M subscribers', value: 1_650_000, source: 'visible-text' });
    expect(known(p.posts)).toMatchObject({ text: '3.3K videos', value: 3300, source: 'visible-text' });
    expect(p.recentPosts.map((x) => x.id)).toEqual(['SynthVid001', 'SynthVid002', 'SynthLive01']);
    expect(post(p.recentPosts, 'SynthVid001')).toMatchObject({
      format: 'video',
      pinned: false,
      url: 'https://www.youtube.com/watch?v=SynthVid001',
      caption: 'How to write a parser',
      views: { status: 'known', text: '957 views', value: 957, exact: true, source: 'visible-text' },
    });
    // The stale data (served for @OtherChannel) lists SynthVid002 with 1,234,567 views: not used.
    expect(post(p.recentPosts, 'SynthVid002').views).toMatchObject({
      text: '1.2M views',
      value: 1_200_000,
      exact: false,
    });
    expect(post(p.recentPosts, 'SynthLive01')).toMatchObject({ format: 'live', views: { status: 'unknown' } });
  });

  it.each([
    ['BEM (2025)', 'yt-content-metadata-view-model__metadata-row', 'yt-content-metadata-view-model__metadata-text'],
    [
      '-wiz (2024)',
      'yt-content-metadata-view-model-wiz__metadata-row',
      'yt-content-metadata-view-model-wiz__metadata-text',
    ],
    ['an unknown future generation', 'ytCmvRow', 'ytCmvText'],
  ])('reads the header metadata in the %s class generation', (_, row, textClass) => {
    const variant = source
      .replaceAll('ytContentMetadataViewModelMetadataRow', row)
      .replaceAll('ytContentMetadataViewModelMetadataText', textClass);
    expect(variant).not.toContain('ytContentMetadataViewModelMetadataText');
    const p = profile(read(dom(variant, url), url));
    expect(p.handle).toBe('SyntheticCreator');
    expect(known(p.followers).text).toBe('1.65M subscribers');
    expect(known(p.posts).text).toBe('3.3K videos');
  });

  it('upgrades rendered counts with page data served for this same channel and tab', () => {
    const same = source.replaceAll('OtherChannel', 'SyntheticCreator');
    const p = profile(read(dom(same, url), url));
    expect(post(p.recentPosts, 'SynthVid002').views).toMatchObject({
      text: '1.2M views',
      value: 1_234_567,
      exact: true,
      source: 'page-data',
    });
    // What a person sees wins over the data's header ("9.99M subscribers" there).
    expect(known(p.followers)).toMatchObject({ text: '1.65M subscribers', source: 'visible-text' });
    // The data has the whole description; the header only its preview.
    expect(p.bio).toBe("The other channel's description.");
  });

  it("does not upgrade with the same channel's data for another tab", () => {
    const otherTab = source
      .replaceAll('OtherChannel', 'SyntheticCreator')
      .replace('"/@SyntheticCreator/videos"', '"/@SyntheticCreator/shorts"');
    const p = profile(read(dom(otherTab, url), url));
    expect(post(p.recentPosts, 'SynthVid002').views).toMatchObject({ value: 1_200_000, exact: false });
  });

  it("is not read while the page still shows another channel's header", () => {
    const next = 'https://www.youtube.com/@SomeoneNew/videos';
    const doc = dom(source, next);
    expect(youtube.isReady(doc, new URL(next))).toBe(false);
    expect(read(doc, next)).toMatchObject({
      kind: 'other',
      reason: 'the page still shows @SyntheticCreator, not @SomeoneNew',
    });
  });

  it('gives the counts present and unknown with a reason for the rest of a half-rendered header', () => {
    const noVideos = source.replace(
      '<span class="ytAttributedStringHost ytContentMetadataViewModelMetadataText" role="text">3.3K videos</span>',
      '',
    );
    expect(noVideos).not.toBe(source);
    const a = profile(read(dom(noVideos, url), url));
    expect(known(a.followers).text).toBe('1.65M subscribers');
    expect(a.posts).toEqual({ status: 'unknown', reason: 'the channel header shows no video count' });

    const noSubscribers = source.replace(
      '<span class="ytAttributedStringHost ytContentMetadataViewModelMetadataText" role="text">1.65M subscribers</span>',
      '',
    );
    const b = profile(read(dom(noSubscribers, url), url));
    expect(b.followers).toEqual({
      status: 'unknown',
      reason: 'the channel header shows no subscriber count (the channel may hide it)',
    });
    expect(known(b.posts).text).toBe('3.3K videos');
  });

  it('reads a Shorts tab of shorts lockups', () => {
    const tile = (id: string, views: string) =>
      `<ytd-rich-item-renderer><ytm-shorts-lockup-view-model-v2><ytm-shorts-lockup-view-model>` +
      `<a class="shortsLockupViewModelHostEndpoint" href="/shorts/${id}"></a>` +
      `<div class="shortsLockupViewModelHostOutsideMetadata"><h3 class="shortsLockupViewModelHostMetadataTitle"><span>Short ${id}</span></h3>` +
      `<div class="shortsLockupViewModelHostOutsideMetadataSubhead"><span>${views}</span></div></div>` +
      `</ytm-shorts-lockup-view-model></ytm-shorts-lockup-view-model-v2></ytd-rich-item-renderer>`;
    const shortsUrl = 'https://www.youtube.com/@SyntheticCreator/shorts';
    const page = source.replace(
      /<ytd-rich-grid-renderer><div id="contents">\s*<ytd-rich-item-renderer class=[\s\S]*?<\/ytd-rich-grid-renderer>/,
      `<ytd-rich-grid-renderer><div id="contents">${tile('SynthShrt01', '2.3M views')}${tile('SynthShrt02', '845 views')}</div></ytd-rich-grid-renderer>`,
    );
    expect(page).not.toBe(source);
    const p = profile(read(dom(page, shortsUrl), shortsUrl));
    expect(p.recentPosts).toHaveLength(2);
    expect(p.recentPosts[0]).toMatchObject({
      id: 'SynthShrt01',
      format: 'short',
      url: 'https://www.youtube.com/shorts/SynthShrt01',
      caption: 'Short SynthShrt01',
      views: { status: 'known', text: '2.3M views', value: 2_300_000 },
    });
    expect(p.recentPosts[1]?.views).toMatchObject({ value: 845, exact: true });
  });
});

describe('rendered channel page, older c4 layout, home tab (synthetic)', () => {
  const url = 'https://www.youtube.com/@LegacyCreator';
  const p = profile(read(dom(html('synthetic-channel-c4-legacy-en.html'), url), url));

  it('reads the legacy header', () => {
    expect(p.handle).toBe('LegacyCreator');
    expect(p.displayName).toBe('Legacy Creator');
    expect(p.bio).toBe('Baseball highlights, every day.');
    expect(known(p.followers)).toMatchObject({ text: '4.14M subscribers', value: 4_140_000, source: 'visible-text' });
    expect(known(p.posts)).toMatchObject({ text: '287K videos', value: 287_000 });
  });

  it("reads the home tab's videos: featured, uploads and Shorts shelves; curated picks pinned; others left out", () => {
    expect(p.recentPosts.map((x) => x.id)).toEqual(['LegacyVid01', 'LegacyVid02', 'LegacyVid04', 'LegacyShrt1']);
    // The featured video shows its full count; it is also in the uploads shelf, so not pinned.
    expect(post(p.recentPosts, 'LegacyVid01')).toMatchObject({
      pinned: false,
      caption: 'Season trailer',
      views: { text: '68,828 views', value: 68828, exact: true },
    });
    expect(post(p.recentPosts, 'LegacyVid02')).toMatchObject({
      pinned: false,
      views: { text: '1.2M views', exact: false },
    });
    expect(post(p.recentPosts, 'LegacyVid04')).toMatchObject({ pinned: true, caption: 'Top 10 catches' });
    expect(post(p.recentPosts, 'LegacyShrt1')).toMatchObject({ format: 'short', pinned: false, caption: 'Bat flip' });
  });
});

describe('rendered watch page (synthetic)', () => {
  const source = html('synthetic-watch-en.html');
  const url = 'https://www.youtube.com/watch?v=SynthVid001';

  it('reads views, the like button and comments, upgraded to exact where the page spells them out', () => {
    const doc = dom(source, url);
    expect(youtube.isReady(doc, new URL(url))).toBe(true);
    const r = postPage(read(doc, url));
    expect(r.author).toBe('SyntheticCreator');
    expect(known(r.authorFollowers)).toMatchObject({ text: '1.65M subscribers', source: 'visible-text' });
    // "1M views" under the title; the tooltip spells "1,077,715 views".
    expect(known(r.post.views)).toMatchObject({
      text: '1M views',
      value: 1_077_715,
      exact: true,
      source: 'visible-text',
    });
    // "7.3K" on the button; its aria-label spells 7,373.
    expect(known(r.post.likes)).toMatchObject({ text: '7.3K', value: 7373, exact: true, source: 'aria-label' });
    expect(known(r.post.comments)).toMatchObject({ text: '1,024 Comments', value: 1024, exact: true });
    expect(r.post).toMatchObject({ format: 'video', caption: 'How to write a parser' });
  });

  it('is not read while the page still shows the previous video', () => {
    const next = 'https://www.youtube.com/watch?v=AnotherVid1';
    const doc = dom(source, next);
    expect(youtube.isReady(doc, new URL(next))).toBe(false);
    expect(read(doc, next).kind).toBe('other');
  });

  it('says why when the like button shows no count', () => {
    const hidden = source
      .replace('aria-label="like this video along with 7,373 other people"', 'aria-label="like this video"')
      .replace('>7.3K<', '>Like<');
    const r = postPage(read(dom(hidden, url), url));
    expect(r.post.likes).toEqual({
      status: 'unknown',
      reason: 'the like button shows no count (the creator may have hidden likes)',
    });
    expect(known(r.post.views).value).toBe(1_077_715);
  });

  it('reads the comment count only once it has loaded', () => {
    const noComments = source.replace(/<ytd-comments id="comments">[\s\S]*<\/ytd-comments>/, '');
    const r = postPage(read(dom(noComments, url), url));
    expect(r.post.comments.status).toBe('unknown');
  });

  it('reads the active Short in the Shorts player', () => {
    const shortUrl = 'https://www.youtube.com/shorts/SynthShrt01';
    const page =
      `<html lang="en"><body><ytd-shorts><ytd-reel-video-renderer is-active>` +
      `<ytd-reel-player-header-renderer><a href="/@SyntheticCreator">@SyntheticCreator</a></ytd-reel-player-header-renderer>` +
      `<like-button-view-model><button aria-label="like this video along with 12,345 other people">12K</button></like-button-view-model>` +
      `</ytd-reel-video-renderer></ytd-shorts></body></html>`;
    const doc = dom(page, shortUrl);
    expect(youtube.isReady(doc, new URL(shortUrl))).toBe(true);
    const r = postPage(read(doc, shortUrl));
    expect(r.author).toBe('SyntheticCreator');
    expect(r.post.format).toBe('short');
    expect(known(r.post.likes)).toMatchObject({ text: '12K', value: 12345, exact: true, source: 'aria-label' });
    expect(r.post.views).toEqual({ status: 'unknown', reason: "YouTube's Shorts player doesn't show a view count" });
  });
});

describe('newer page-data shapes (synthetic JSON)', () => {
  const wrap = (data: unknown) =>
    `<html lang="en"><body><script>var ytInitialData = ${JSON.stringify(data)};</script></body></html>`;

  it('reads the pageHeaderRenderer header and lockup / shorts-lockup grids', () => {
    const data = {
      header: {
        pageHeaderRenderer: {
          pageTitle: 'New Layout',
          content: {
            pageHeaderViewModel: {
              metadata: {
                contentMetadataViewModel: {
                  metadataRows: [
                    { metadataParts: [{ text: { content: '@NewLayout' } }] },
                    {
                      metadataParts: [{ text: { content: '2.5M subscribers' } }, { text: { content: '1.1K videos' } }],
                    },
                  ],
                },
              },
            },
          },
        },
      },
      metadata: { channelMetadataRenderer: { externalId: 'UCnewnewnewnewnewnewnew0', title: 'New Layout' } },
      contents: {
        twoColumnBrowseResultsRenderer: {
          tabs: [
            {
              tabRenderer: {
                selected: true,
                endpoint: { commandMetadata: { webCommandMetadata: { url: '/@NewLayout/videos' } } },
                content: {
                  richGridRenderer: {
                    contents: [
                      {
                        richItemRenderer: {
                          content: {
                            lockupViewModel: {
                              contentId: 'NewVideo001',
                              contentType: 'LOCKUP_CONTENT_TYPE_VIDEO',
                              metadata: {
                                lockupMetadataViewModel: {
                                  title: { content: 'A new video' },
                                  metadata: {
                                    contentMetadataViewModel: {
                                      metadataRows: [
                                        {
                                          metadataParts: [
                                            { text: { content: '3 days ago' } },
                                            { text: { content: '45K views' } },
                                          ],
                                        },
                                      ],
                                    },
                                  },
                                },
                              },
                            },
                          },
                        },
                      },
                      {
                        richItemRenderer: {
                          content: {
                            shortsLockupViewModel: {
                              entityId: 'shorts-shelf-item-NewShort001',
                              overlayMetadata: {
                                primaryText: { content: 'A short' },
                                secondaryText: { content: '1.1M views' },
                              },
                            },
                          },
                        },
                      },
                      {
                        richItemRenderer: {
                          content: {
                            lockupViewModel: { contentId: 'PLplaylist', contentType: 'LOCKUP_CONTENT_TYPE_PLAYLIST' },
                          },
                        },
                      },
                    ],
                  },
                },
              },
            },
          ],
        },
      },
    };
    const url = 'https://www.youtube.com/channel/UCnewnewnewnewnewnewnew0/videos';
    const p = profile(read(dom(wrap(data), url), url));
    expect(p.handle).toBe('NewLayout');
    expect(p.displayName).toBe('New Layout');
    expect(known(p.followers)).toMatchObject({ text: '2.5M subscribers', value: 2_500_000, source: 'page-data' });
    expect(known(p.posts)).toMatchObject({ text: '1.1K videos', value: 1100 });
    expect(p.recentPosts.map((x) => [x.id, x.format])).toEqual([
      ['NewVideo001', 'video'],
      ['NewShort001', 'short'],
    ]);
    expect(p.recentPosts[0]).toMatchObject({ caption: 'A new video', views: { text: '45K views', value: 45_000 } });
    expect(p.recentPosts[1]?.views).toMatchObject({ text: '1.1M views', value: 1_100_000 });
  });

  it('skips upcoming streams and reports viewers of live ones as not views', () => {
    const video = (videoId: string, extra: object) => ({
      richItemRenderer: { content: { videoRenderer: { videoId, ...extra } } },
    });
    const data = {
      metadata: {
        channelMetadataRenderer: {
          externalId: 'UCnewnewnewnewnewnewnew0',
          vanityChannelUrl: 'http://www.youtube.com/@NewLayout',
        },
      },
      header: { c4TabbedHeaderRenderer: { subscriberCountText: { simpleText: '10 subscribers' } } },
      contents: {
        twoColumnBrowseResultsRenderer: {
          tabs: [
            {
              tabRenderer: {
                selected: true,
                endpoint: { commandMetadata: { webCommandMetadata: { url: '/@NewLayout/streams' } } },
                content: {
                  richGridRenderer: {
                    contents: [
                      video('LiveNow0001', {
                        viewCountText: { runs: [{ text: '1,234' }, { text: ' watching' }] },
                        badges: [{ metadataBadgeRenderer: { style: 'BADGE_STYLE_TYPE_LIVE_NOW' } }],
                      }),
                      video('Upcoming001', { upcomingEventData: { startTime: '1900000000' } }),
                      video('PastLive001', {
                        viewCountText: { simpleText: '5,432 views' },
                        shortViewCountText: { simpleText: '5.4K views' },
                      }),
                    ],
                  },
                },
              },
            },
          ],
        },
      },
    };
    const url = 'https://www.youtube.com/@NewLayout/streams';
    const doc = dom(wrap(data), url);
    const channel = channelData(initialData(doc) ?? {});
    expect(channel?.tab).toBe('streams');
    const p = profile(read(doc, url));
    expect(p.recentPosts.map((x) => x.id)).toEqual(['LiveNow0001', 'PastLive001']);
    expect(p.recentPosts[0]).toMatchObject({ format: 'live', views: { status: 'unknown' } });
    expect(p.recentPosts[1]).toMatchObject({ format: 'live', views: { text: '5.4K views', value: 5432, exact: true } });
    expect(p.posts).toEqual({ status: 'unknown', reason: 'the channel header shows no video count' });
  });
});

describe('the split: the page collects, the worker interprets', () => {
  const SAVED: readonly [string, string][] = [
    ...MANIFEST.filter((e) => e.platform === 'youtube').map((e): [string, string] => [e.file.slice(8), e.url]),
    ['synthetic-channel-c4-legacy-en.html', 'https://www.youtube.com/@LegacyCreator'],
    ['synthetic-channel-pageheader-en.html', 'https://www.youtube.com/@SyntheticCreator/videos'],
    ['synthetic-watch-en.html', 'https://www.youtube.com/watch?v=SynthVid001'],
  ];
  const capture = (doc: Document, url: string) => capturePage(youtubePage, doc, new URL(url), 1_700_000_000_000);

  it.each(SAVED)('%s: the capture is plain JSON that passes the schema', (file, url) => {
    const c = capture(dom(html(file), url), url);
    expect(c.problem).toBeUndefined();
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    const checked = v.safeParse(YouTubeCaptureSchema, c.data);
    expect(checked.success, JSON.stringify(checked.issues?.[0]?.path?.map((p) => p.key))).toBe(true);
  });

  it('sends the served ytInitialData as text and never parses JSON in the page', () => {
    const e = entry('channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html');
    const doc = dom(html('channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html'), e.url);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(youtubePage.isReady(doc, new URL(e.url))).toBe(true);
      const data = youtubePage.collect(doc, new URL(e.url));
      expect(parse).not.toHaveBeenCalled();
      // Only the script that assigns it, not the one that merely reads `a.ytInitialData`.
      expect(data.kind === 'channel' && data.pageData.map((t) => t.slice(0, 20))).toEqual(['var ytInitialData = ']);
    } finally {
      parse.mockRestore();
    }
  });

  it("leaves out served data that names another channel or video (a previous page's)", () => {
    const live = html('channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html');
    const sent = (source: string, url: string) => {
      const data = youtubePage.collect(dom(source, url), new URL(url));
      return data.kind === 'other' ? [] : data.pageData;
    };
    expect(sent(live, 'https://www.youtube.com/@SomeoneElse/streams')).toEqual([]);
    expect(sent(live, 'https://www.youtube.com/channel/UCaaaaaaaaaaaaaaaaaaaaaa')).toEqual([]);
    expect(sent(live, 'https://www.youtube.com/watch?v=hwMkbaS_M_c')).toEqual([]);
    // The same channel, named by its handle in another case, by its id or on another tab: sent.
    expect(sent(live, 'https://www.youtube.com/@mlb')).toHaveLength(1);
    expect(sent(live, 'https://www.youtube.com/channel/UCoLrcjPV5PbUrUyXq5mjc_A/videos')).toHaveLength(1);
    const watch = html('watch-es-hwMkbaS_M_c.html');
    expect(sent(watch, 'https://www.youtube.com/watch?v=hwMkbaS_M_c')).toHaveLength(1);
    expect(sent(watch, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toEqual([]);
    expect(sent(watch, 'https://www.youtube.com/@OneMedia.')).toEqual([]);
    // Data that names nothing the page recognises is sent: the reader decides.
    const odd = '<html><script>var ytInitialData = {"header": nope};</script></html>';
    expect(sent(odd, 'https://www.youtube.com/@x')).toHaveLength(1);
  });

  it('the reader ignores served data about another channel, video or tab even when it is sent', () => {
    // A capture from a page at one address, sent as if taken at another: the worker must not trust the page's
    // own choice of what to send.
    const readAt = (file: string, from: string, to: string) => {
      const c = capture(dom(html(file), from), from);
      const result = youtube.interpret({ ...c, url: to });
      if (!result.ok) throw new Error(result.problem);
      expect(validateReading(result.reading).ok).toBe(true);
      return result.reading;
    };
    const liveUrl = entry('channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html').url;
    const other = profile(
      readAt('channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html', liveUrl, 'https://www.youtube.com/@SomeoneElse/streams'),
    );
    expect(other.handle).toBe('SomeoneElse');
    expect(other.followers).toEqual({ status: 'unknown', reason: 'the channel header is not on the page' });
    expect(other.recentPosts).toEqual([]);
    const otherTab = profile(
      readAt('channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html', liveUrl, 'https://www.youtube.com/@MLB/videos'),
    );
    expect(known(otherTab.followers).text).toBe('4.14M subscribers');
    expect(otherTab.recentPosts).toEqual([]);
    const watchUrl = entry('watch-es-hwMkbaS_M_c.html').url;
    expect(readAt('watch-es-hwMkbaS_M_c.html', watchUrl, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toMatchObject({
      kind: 'other',
      reason: 'the video has not rendered yet',
    });
  });

  describe('a malformed capture is refused, naming the field', () => {
    const url = 'https://www.youtube.com/@SyntheticCreator/videos';
    const good = capture(dom(html('synthetic-channel-pageheader-en.html'), url), url);
    const data = good.data as Extract<YouTubeCapture, { kind: 'channel' }>;
    const tile = data.tiles[0]!;
    const refused = (bad: unknown) => youtube.interpret({ ...good, data: bad });

    it('accepts the capture as taken', () => {
      expect(refused(data)).toMatchObject({ ok: true, reading: { kind: 'profile' } });
    });

    it.each([
      ['a wrong kind', { ...data, kind: 'channels' }, /^kind: /],
      ['tiles that are not a list', { ...data, tiles: 'none' }, /^tiles: /],
      ['page data that is not text', { ...data, pageData: [{ header: {} }] }, /^pageData\.0: /],
      ['a header text that is a number', { ...data, header: { metadata: [1650000] } }, /^header\.metadata\.0: /],
      [
        'a subscriber text over 200 characters',
        { ...data, header: { subscribers: '1'.repeat(201) } },
        /^header\.subscribers: /,
      ],
      [
        'a title over 5,000 characters',
        { ...data, tiles: [{ ...tile, title: 'x'.repeat(5001) }] },
        /^tiles\.0\.title: /,
      ],
      [
        'more than 30 texts in a tile',
        { ...data, tiles: [{ ...tile, texts: Array(31).fill('1 view') }] },
        /^tiles\.0\.texts: /,
      ],
      ['more than 500 tiles', { ...data, tiles: Array(501).fill(tile) }, /^tiles: /],
      ['more than 3 page-data scripts', { ...data, pageData: ['', '', '', ''] }, /^pageData: /],
      [
        'an owner of an unknown kind',
        { ...data, tiles: [{ ...tile, owners: [{ by: 'x', value: 'y' }] }] },
        /^tiles\.0\.owners\.0\.by: /,
      ],
      ['a missing flag', { ...data, tiles: [{ ...tile, short: undefined }] }, /^tiles\.0\.short: /],
    ])('%s', (_what, bad, problem) => {
      const result = refused(bad);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problem).toMatch(problem);
    });

    it('drops a tile whose address is not a web address', () => {
      const hostile = { ...data, tiles: [{ ...tile, url: 'javascript:/watch?v=SynthVid001' }, data.tiles[1]!] };
      const result = refused(hostile);
      expect(result.ok && result.reading.kind === 'profile' && result.reading.recentPosts.map((p) => p.id)).toEqual([
        'SynthVid002',
      ]);
    });
  });
});
