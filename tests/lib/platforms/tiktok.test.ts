import { describe, expect, it } from 'vitest';
import { tiktok } from '../../../lib/platforms/tiktok';
import type { CountField, PostPageReading, ProfileReading } from '../../../lib/reading';
import { validateReading } from '../../../lib/reading';
import { fixtureHtml, htmlDocument, loadDocument, manifestEntry } from '../../helpers/fixtures';

interface Expected {
  visible?: string;
  exact?: number;
}

function expectCount(field: CountField, expected: Expected) {
  expect(field.status).toBe('known');
  if (field.status !== 'known') return;
  if (expected.visible !== undefined) expect(field.text).toBe(expected.visible);
  if (expected.exact !== undefined) {
    expect(field.value).toBe(expected.exact);
    expect(field.exact).toBe(true);
  }
}

describe('tiktok reader on the saved profile of @illojuan', () => {
  const entry = manifestEntry('tiktok/profile-illojuan.html');
  const url = new URL(entry.url);
  const doc = loadDocument(entry.file, entry.url);
  const reading = tiktok.read(doc, url, 1_700_000_000_000) as ProfileReading;
  const expected = entry.expect as Record<string, Expected> & { handle: string; per_post_views_visible: number };

  it('is a valid profile reading of the handle in the URL', () => {
    expect(tiktok.pageKind(url)).toBe('profile');
    expect(tiktok.isReady(doc, url)).toBe(true);
    expect(validateReading(reading).ok).toBe(true);
    expect(reading.kind).toBe('profile');
    expect(reading.handle).toBe(expected.handle);
    expect(reading.displayName).toBe('IlloJuan');
    expect(reading.bio).toBe('Timing, saludos desde Almería');
  });

  it('shows what a person sees, upgraded to the exact counts the page holds for this profile', () => {
    expectCount(reading.followers, expected.followers!);
    expectCount(reading.following, expected.following!);
    expectCount(reading.totalLikes, expected.likes_total!);
    expectCount(reading.posts, expected.videos!);
    expect(reading.followers).toMatchObject({ source: 'page-data', text: '783.4K' });
    expect(reading.following).toMatchObject({ source: 'visible-text' });
  });

  it('reads the view count of every video tile', () => {
    expect(reading.recentPosts).toHaveLength(expected.per_post_views_visible);
    expect(reading.recentPosts.every((p) => p.views.status === 'known')).toBe(true);
    expect(reading.recentPosts[0]).toMatchObject({
      id: '7571863205253778710',
      views: { status: 'known', text: '192.1K', exact: false },
      likes: { status: 'unknown' },
    });
  });

  it('ignores embedded data about another profile (the page after in-app navigation)', () => {
    // The same DOM reached under another handle: the header does not show it, so nothing is attributed to it.
    const other = tiktok.read(doc, new URL('https://www.tiktok.com/@someoneelse'));
    expect(other.kind).toBe('other');
    expect(tiktok.isReady(doc, new URL('https://www.tiktok.com/@someoneelse'))).toBe(false);
  });

  it('keeps the rounded visible count when the embedded data belongs to someone else', () => {
    const html = fixtureHtml(entry.file).replace('"uniqueId":"illojuan"', '"uniqueId":"previous_profile"');
    const stale = tiktok.read(htmlDocument(html, entry.url), url) as ProfileReading;
    expect(stale.followers).toMatchObject({ status: 'known', value: 783_400, exact: false, source: 'visible-text' });
    expect(stale.posts.status).toBe('unknown');
  });
});

describe('tiktok reader on the saved video page', () => {
  const entry = manifestEntry('tiktok/video-7571863205253778710.html');
  const url = new URL(entry.url);
  const reading = tiktok.read(loadDocument(entry.file, entry.url), url) as PostPageReading;
  const expected = entry.expect as Record<string, Expected> & { author: string };

  it('reads the URL’s video, not the next one in the feed', () => {
    expect(tiktok.pageKind(url)).toBe('post');
    expect(validateReading(reading).ok).toBe(true);
    expect(reading.author).toBe(expected.author);
    expectCount(reading.post.likes, expected.likes!);
    expectCount(reading.post.comments, expected.comments!);
    expectCount(reading.post.shares, expected.shares!);
    expectCount(reading.post.saves, expected.saves!);
    expectCount(reading.post.views, expected.views!);
  });
});

describe('tiktok page kinds', () => {
  it.each([
    ['https://www.tiktok.com/@illojuan', 'profile'],
    ['https://www.tiktok.com/@illo.juan_2/', 'profile'],
    ['https://www.tiktok.com/@illojuan/video/7571863205253778710', 'post'],
    ['https://www.tiktok.com/explore', 'other'],
    ['https://www.tiktok.com/', 'other'],
    ['https://www.tiktok.com/@illojuan/live', 'other'],
  ])('%s is %s', (href, kind) => expect(tiktok.pageKind(new URL(href))).toBe(kind));
});

describe('tiktok reader on a header with counts missing (synthetic)', () => {
  const url = 'https://www.tiktok.com/@nocounts';
  const reading = tiktok.read(loadDocument('tiktok/synthetic-profile-no-counts.html', url), new URL(url));

  it('reads the handle and reports every missing count as unknown with a reason', () => {
    expect(reading.kind).toBe('profile');
    if (reading.kind !== 'profile') return;
    for (const field of [reading.followers, reading.following, reading.totalLikes, reading.posts]) {
      expect(field.status).toBe('unknown');
      expect(field.status === 'unknown' && field.reason.length).toBeGreaterThan(5);
    }
    expect(reading.recentPosts).toEqual([]);
  });

  it('never yields a number for a count it cannot parse', () => {
    const doc = htmlDocument(
      '<h1 data-e2e="user-title">odd</h1><strong data-e2e="followers-count">lots</strong>',
      'https://www.tiktok.com/@odd',
    );
    const odd = tiktok.read(doc, new URL('https://www.tiktok.com/@odd'));
    expect(odd.kind === 'profile' && odd.followers).toMatchObject({ status: 'unknown' });
  });
});
