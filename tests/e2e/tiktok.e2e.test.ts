import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchScout, type Scout } from './harness';

describe('TikTok profile, end to end in Chromium', () => {
  let scout: Scout;
  beforeAll(async () => {
    scout = await launchScout();
    scout.server.route('https://www.tiktok.com/@nocounts', 'tiktok/synthetic-profile-no-counts.html');
  });
  afterAll(async () => scout?.close());

  it('reads the saved profile on its real host and shows the exact follower count in the popup', async () => {
    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('@illojuan');
    expect(text).toMatch(/Followers\s+783,427\s+exact · shown as 783\.4K · from the page's embedded data/);
    expect(text).toMatch(/Likes\s+3,922,256/);
    expect(text).toMatch(/Videos\s+19/);
    expect(text).toMatch(/Following\s+0\s+exact/);
    expect(text).toContain('18 posts visible on the page, 18 with view counts');
    await page.close();
  });

  it('still shows the reading after the service worker was stopped between reading and popup', async () => {
    const page = await scout.open('https://www.tiktok.com/@illojuan');
    // The content script reports as soon as the page is read; wait until the worker has stored it.
    const sw = await scout.worker();
    await expect
      .poll(() => sw.evaluate<number>('chrome.storage.session.get(null).then((all) => Object.keys(all).length)'), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    await scout.stopWorker();
    // The restarted worker has no memory of the tab: the reading must come back from storage.
    const restarted = await scout.worker();
    const stored = await restarted.evaluate<string>('chrome.storage.session.get(null).then(JSON.stringify)');
    expect(stored).toContain('"handle":"illojuan"');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toMatch(/Followers\s+783,427/);
    await page.close();
  });

  it('says plainly when a TikTok page is not a profile', async () => {
    const page = await scout.open('https://www.tiktok.com/explore');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('Not a TikTok profile Creator Scout can read');
    expect(text).not.toMatch(/Followers/);
    await page.close();
  });

  it('says which counts it could not read, never 0 or NaN', async () => {
    const page = await scout.open('https://www.tiktok.com/@nocounts');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('@nocounts');
    expect(text).toMatch(/Followers\s+unknown\s+couldn't read followers on this page: no followers count on this page/);
    expect(text).not.toMatch(/NaN|\b0 followers/i);
    await page.close();
  });

  it('says so on a site it does not read', async () => {
    const page = await scout.context.newPage();
    await page.goto('about:blank');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain("Open a creator's profile");
    await page.close();
  });
});
