import { describe, expect, it } from 'vitest';
import { assessPost } from '../../../lib/assess/post';
import { exact, post, postPage, rounded, unknown } from './synthetic';

describe('assessPost', () => {
  it('TikTok: (likes + comments + shares) ÷ views (the counts the saved video page shows, hand-computed)', () => {
    // Counts as listed for tiktok/video-7571863205253778710.html in the fixtures manifest.
    const p = post({ likes: rounded(25_500, '25.5K', 25_500, 25_599), comments: 146, shares: 2_156, views: 192_100 });
    const a = assessPost(postPage('tiktok', p));
    expect(a.byViews.status).toBe('ok');
    expect(a.byViews.value).toBeCloseTo(0.1447267048, 9);
    expect(a.byViews.formula).toBe('(likes + comments + shares) ÷ views, this post only');
    expect(a.byViews.inputs.map((i) => i.name)).toEqual(['likes', 'comments', 'shares', 'views']);
    expect(a.byViews.notes[0]).toMatch(/rounded/);
    expect(a.byFollowers).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/does not show/) });
  });

  it('YouTube: by views without shares, and by subscribers when the watch page shows them', () => {
    const p = post({ likes: 900, comments: 100, views: 20_000 });
    const a = assessPost(postPage('youtube', p, exact(100_000)));
    expect(a.byViews.value).toBeCloseTo(0.05, 12);
    expect(a.byFollowers.value).toBeCloseTo(0.01, 12);
    expect(a.byFollowers.formula).toBe('(likes + comments) ÷ subscribers, this post only');
  });

  it('is unavailable with the reason when a count is missing or views are 0', () => {
    const noViews = assessPost(postPage('instagram', post({ likes: 5, comments: 1, views: unknown('a photo post') })));
    expect(noViews.byViews).toMatchObject({
      status: 'unavailable',
      value: null,
      reason: 'views not shown (a photo post)',
    });
    const zero = assessPost(postPage('x', post({ likes: 0, comments: 0, shares: 0, views: 0 })));
    expect(zero.byViews).toMatchObject({ status: 'unavailable', reason: '0 views' });
  });
});
