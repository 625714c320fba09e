import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchScout, type Scout } from './harness';

describe('Instagram and X, end to end in Chromium', () => {
  let scout: Scout;
  beforeAll(async () => {
    scout = await launchScout();
  });
  afterAll(async () => scout?.close());

  it('reads an Instagram profile from its logged-out served page', async () => {
    const page = await scout.open('https://www.instagram.com/pluto__travel/');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('@pluto__travel');
    expect(text).toMatch(/Followers\s+2,362\s+exact · from the page's description/);
    expect(text).toMatch(/Following\s+136/);
    expect(text).toMatch(/Posts\s+224/);
    expect(text).toContain('nano (1K–10K)');
    await page.close();
  });

  it('reads an Instagram post: rounded likes say so, comments exact', async () => {
    const page = await scout.open('https://www.instagram.com/p/CPQjO5RIIO9/');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('@jaimelorentelo');
    expect(text).toMatch(/Likes\s+990,000\s+about \(989,500–990,999\) · shown as 990K likes/);
    expect(text).toMatch(/Comments\s+8,873\s+exact/);
    await page.close();
  });

  it('reads an X profile, its exact post count and its timeline', async () => {
    const page = await scout.open('https://x.com/Kikobeats');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('@Kikobeats');
    expect(text).toMatch(/Followers\s+3,893/);
    expect(text).toMatch(/Following\s+406/);
    expect(text).toMatch(/Posts\s+23,961\s+exact · shown as 23\.9K posts/);
    expect(text).toContain('3 posts visible on the page');
    await page.close();
  });

  it('reads an X post with the exact counts from its accessibility labels, in X’s own words', async () => {
    const page = await scout.open('https://x.com/realDonaldTrump/status/1222907250383245320');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toMatch(/Replies\s+18,151\s+exact/);
    expect(text).toMatch(/Reposts\s+15,635\s+exact/);
    expect(text).toMatch(/Likes\s+76,091\s+exact/);
    expect(text).toMatch(/Bookmarks\s+49/);
    await page.close();
  });
});
