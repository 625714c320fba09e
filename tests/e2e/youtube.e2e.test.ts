import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './fixture-server';
import { launchScout, type Scout } from './harness';

describe('YouTube, end to end in Chromium', () => {
  let scout: Scout;
  beforeAll(async () => {
    scout = await launchScout();
  });
  afterAll(async () => scout?.close());

  it('reads a channel in English from its served page', async () => {
    const page = await scout.open('https://www.youtube.com/channel/UCs6nmQViDpUw0nuIx9c_WvA/videos');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('ProgrammingKnowledge');
    expect(text).toMatch(/Subscribers\s+1,650,000\s+about \(1,645,000–1,659,999\) · shown as 1\.65M subscribers/);
    expect(text).toMatch(/Videos\s+3,300/);
    expect(text).toContain('30 posts visible on the page, 30 with view counts');
    await page.close();
  });

  it('reads a channel shown in Spanish, with comma decimals and no-break spaces', async () => {
    const page = await scout.open('https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('ONE Media');
    expect(text).toMatch(/Subscribers\s+4,690,000\s+about .* shown as 4,69\sM de suscriptores/);
    expect(text).toMatch(/Videos\s+6,800/);
    await page.close();
  });

  it('reads a watch page: exact views and likes', async () => {
    const page = await scout.open('https://www.youtube.com/watch?v=hwMkbaS_M_c');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toMatch(/Views\s+1,077,715\s+exact/);
    expect(text).toMatch(/Likes\s+7,373\s+exact/);
    await page.close();
  });

  it('after in-app navigation to another channel, shows only the second channel’s numbers', async () => {
    const page = await scout.open('https://www.youtube.com/channel/UCs6nmQViDpUw0nuIx9c_WvA/videos');
    const second = fs.readFileSync(path.join(FIXTURES_DIR, 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html'), 'utf8');
    // What YouTube does on a click: the URL changes first, the new channel's page arrives after.
    await page.evaluate(() => history.pushState({}, '', '/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA'));
    await page.waitForTimeout(300);
    await page.evaluate((html) => {
      const next = new DOMParser().parseFromString(html, 'text/html').documentElement;
      document.documentElement.replaceWith(document.importNode(next, true));
    }, second);
    const sw = await scout.worker();
    // The content script reports the second channel without being asked.
    await expect
      .poll(() => sw.evaluate<string>('chrome.storage.session.get(null).then(JSON.stringify)'), { timeout: 10_000 })
      .toContain('4,69');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toContain('ONE Media');
    expect(text).toMatch(/Subscribers\s+4,690,000/);
    expect(text).not.toContain('1,650,000');
    expect(text).not.toContain('ProgrammingKnowledge');
    await page.close();
  });
});
