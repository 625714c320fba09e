/**
 * The options page in the built extension, driven as a person would: campaigns made through the form, the active
 * one chosen, bad input refused next to its field, assessment settings changed and reset; checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { launchScout, type Scout } from './harness';

interface StoredCampaign {
  id: string;
  name: string;
  objective: string;
  platforms: string[];
  tiers: string[];
  minEngagementRate?: number;
  keywords: string[];
  languages: string[];
  budgetPerPost?: number;
  weights?: Record<string, number>;
}

/** What the extension's IndexedDB holds, read in the page (same origin as the extension). */
function stored(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ campaigns: StoredCampaign[]; active: string | undefined }>((resolve, reject) => {
        const open = indexedDB.open('creator-scout');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['campaigns', 'meta'], 'readonly');
          const campaigns = tx.objectStore('campaigns').getAll();
          const active = tx.objectStore('meta').get('activeCampaignId');
          tx.oncomplete = () => {
            resolve({
              campaigns: campaigns.result as StoredCampaign[],
              active: (active.result as { value: string } | undefined)?.value,
            });
            open.result.close();
          };
        };
      }),
  );
}

const storedSettings = (page: Page) =>
  page.evaluate(() => chrome.storage.local.get('settings').then((all) => all['settings'] as unknown));

describe('options page, end to end in Chromium', () => {
  let scout: Scout;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    scout = await launchScout();
    url = `chrome-extension://${scout.extensionId}/options.html`;
    page = await scout.context.newPage();
    // A tab in the background gets throttled animation frames, which Playwright's clicks wait on.
    await page.bringToFront();
  });
  afterAll(async () => scout?.close());

  const item = (name: string) => page.locator('li.campaign', { hasText: name });

  it('opens on a first run with the guide and the sample campaign, active', async () => {
    await page.goto(`${url}?welcome=1`);
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Creator Scout' }).isVisible()).toBe(true);
    const steps = await page.locator('.steps li').allInnerTexts();
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(/Open a creator’s profile/);
    await expect.poll(() => item('Sample: travel & food creators').count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Sample: travel & food creators' }).isChecked()).toBe(true);
    const db = await stored(page);
    expect(db.campaigns.map((c) => c.id)).toEqual(['sample']);
    expect(db.active).toBe('sample');

    await page.getByRole('button', { name: 'Got it' }).click();
    expect(await page.getByRole('heading', { name: 'Welcome to Creator Scout' }).count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
  });

  it('has no axe violations, with the guide and the campaign form open, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${url}?welcome=1`);
      await page.locator('li.campaign').first().waitFor();
      await page.getByRole('button', { name: 'New campaign' }).click();
      // With errors showing too: they must be announced and readable.
      await page.getByRole('button', { name: 'Save campaign' }).click();
      await page.locator('.field-error').first().waitFor();
      expect(await axeViolations((expression) => page.evaluate(expression)), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('creates a campaign through the form; it is listed, active, saved as typed, and still there after a reload', async () => {
    await page.goto(url);
    await page.getByRole('button', { name: 'New campaign' }).click();
    // The name field takes focus when the form opens.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('campaign-name');
    await page.getByLabel('Name').fill('Summer launch <b>2025</b>');
    await page.getByRole('radio', { name: /^Sales/ }).check();
    // Sales' defaults are shown beside the weights.
    expect(await page.locator('#campaign-weights-engagement-default').innerText()).toBe('25');
    await page.getByLabel('Size', { exact: true }).fill('40');
    await page.getByRole('checkbox', { name: 'TikTok' }).check();
    await page.getByRole('checkbox', { name: /^Micro/ }).check();
    await page.getByLabel('Minimum engagement rate (%)').fill('2.5');
    await page.getByRole('textbox', { name: 'Niche keywords' }).fill('travel, food');
    await page.getByRole('textbox', { name: 'Audience languages' }).fill('Spanish');
    await page.getByRole('textbox', { name: 'Audience languages' }).press('Enter');
    // "food", still typed when the field was left, became a chip too.
    expect(await page.locator('.chip > span').allInnerTexts()).toEqual(['travel', 'food', 'Spanish (es)']);
    await page.getByRole('button', { name: 'Remove food from niche keywords' }).click();
    // Removing a chip leaves the person in the field, not at the top of the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('campaign-keywords');
    await page.getByLabel('Budget per post (USD)').fill('500');
    // Typed but not added as a chip when Save is clicked: it is saved all the same.
    await page.getByRole('textbox', { name: 'Niche keywords' }).fill('food');
    await page.getByRole('button', { name: 'Save campaign' }).click();

    await expect.poll(() => item('Summer launch').count()).toBe(1);
    // The name is shown as text, never as markup.
    expect(await item('Summer launch').locator('.campaign-name').innerText()).toBe('Summer launch <b>2025</b>');
    expect(await item('Summer launch').locator('b').count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Summer launch <b>2025</b>' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Sample: travel & food creators' }).isChecked()).toBe(false);
    expect(await page.getByRole('status').first().innerText()).toContain('it is now the active campaign');

    const check = async () => {
      const db = await stored(page);
      const summer = db.campaigns.find((c) => c.name === 'Summer launch <b>2025</b>');
      expect(summer).toMatchObject({
        objective: 'sales',
        platforms: ['tiktok'],
        tiers: ['micro'],
        minEngagementRate: 0.025,
        keywords: ['travel', 'food'],
        languages: ['es'],
        budgetPerPost: 500,
        weights: { size: 40 },
      });
      expect(db.active).toBe(summer?.id);
    };
    await check();

    await page.reload();
    await expect.poll(() => item('Summer launch').count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Summer launch <b>2025</b>' }).isChecked()).toBe(true);
    expect(await item('Summer launch').locator('.campaign-summary').innerText()).toBe(
      'Sales · TikTok · micro · ≥ 2.5% engagement · niche: travel, food · languages: es · budget $500 per post',
    );
    await check();
  });

  it('refuses invalid values next to their fields and saves nothing', async () => {
    await page.goto(url);
    await page.locator('li.campaign').first().waitFor();
    const before = await stored(page);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByLabel('Minimum followers').fill('50K');
    await page.getByLabel('Maximum followers').fill('10K');
    await page.getByLabel('Minimum engagement rate (%)').fill('lots');
    await page.getByRole('button', { name: 'Save campaign' }).click();

    await page.locator('#campaign-name-error').waitFor();
    expect(await page.locator('#campaign-name-error').innerText()).toBe('Give the campaign a name.');
    expect(await page.locator('#campaign-maxFollowers-error').innerText()).toBe(
      'The maximum must be at least the minimum (50,000).',
    );
    expect(await page.locator('#campaign-minEngagementPercent-error').innerText()).toBe(
      'Enter a percentage as a number, like 2 or 2.5.',
    );
    expect(await page.getByLabel('Maximum followers').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Maximum followers').getAttribute('aria-describedby')).toContain(
      'campaign-maxFollowers-error',
    );
    // The first field in trouble has focus; the form says why nothing was saved.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('campaign-name');
    expect(await page.getByRole('alert').allInnerTexts()).toContain('Not saved: 3 fields need attention.');
    expect(await stored(page)).toEqual(before);

    // Fixing the fields saves it.
    await page.getByLabel('Name').fill('Fixed');
    await page.getByLabel('Maximum followers').fill('100K');
    await page.getByLabel('Minimum engagement rate (%)').fill('');
    await page.getByRole('button', { name: 'Save campaign' }).click();
    await expect.poll(() => item('Fixed').count()).toBe(1);
    expect((await stored(page)).campaigns).toHaveLength(before.campaigns.length + 1);
  });

  it('works from the keyboard alone: open the form, type, submit with Enter, choose the active campaign', async () => {
    await page.goto(url);
    await page.locator('li.campaign').first().waitFor();
    await page.getByRole('button', { name: 'New campaign' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('campaign-name');
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Enter');
    await expect.poll(() => item('Keyboard only').count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Keyboard only' }).isChecked()).toBe(true);
    // Arrow keys move the active campaign within the radio group.
    await page.getByRole('radio', { name: 'Keyboard only' }).focus();
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(async () => (await stored(page)).active)
      .not.toBe((await stored(page)).campaigns.find((c) => c.name === 'Keyboard only')?.id);
  });

  it('edits a campaign, keeping its id', async () => {
    await page.goto(url);
    await item('Fixed').waitFor();
    const id = (await stored(page)).campaigns.find((c) => c.name === 'Fixed')?.id;
    await item('Fixed').getByRole('button', { name: 'Edit Fixed' }).click();
    expect(await page.getByLabel('Name').inputValue()).toBe('Fixed');
    expect(await page.getByLabel('Maximum followers').inputValue()).toBe('100000');
    await page.getByLabel('Name').fill('Fixed and renamed');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => item('Fixed and renamed').count()).toBe(1);
    const db = await stored(page);
    expect(db.campaigns.find((c) => c.id === id)?.name).toBe('Fixed and renamed');
  });

  it('deletes a campaign only after confirming', async () => {
    await page.goto(url);
    await item('Fixed and renamed').waitFor();
    const count = (await stored(page)).campaigns.length;
    await item('Fixed and renamed').getByRole('button', { name: 'Delete Fixed and renamed' }).click();
    expect(await item('Fixed and renamed').locator('.confirm').innerText()).toMatch(/cannot be undone/);
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect((await stored(page)).campaigns).toHaveLength(count);
    await item('Fixed and renamed').getByRole('button', { name: 'Delete Fixed and renamed' }).click();
    await page.getByRole('button', { name: 'Delete campaign' }).click();
    await expect.poll(() => item('Fixed and renamed').count()).toBe(0);
    expect((await stored(page)).campaigns).toHaveLength(count - 1);
  });

  it('says how many shortlisted creators a campaign’s deletion takes with it, counted from the shortlist', async () => {
    await page.goto(url);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByLabel('Name').fill('Short run');
    await page.getByRole('button', { name: 'Save campaign' }).click();
    // A new campaign becomes the active one: the popup saves into it.
    await expect.poll(() => page.getByRole('radio', { name: 'Short run' }).isChecked()).toBe(true);
    await item('Short run').getByRole('button', { name: 'Delete Short run' }).click();
    expect(await item('Short run').locator('.confirm').innerText()).not.toMatch(/shortlisted creator/);
    await page.getByRole('button', { name: 'Keep it' }).click();

    for (const profile of ['https://www.tiktok.com/@illojuan', 'https://www.instagram.com/pluto__travel/']) {
      const tab = await scout.open(profile);
      const popup = await scout.openPopup(tab);
      await popup.text();
      await popup.clickButton('Save to shortlist');
      await expect
        .poll(() => popup.evaluate<string>(`document.querySelector('[data-testid="saved-status"]')?.textContent ?? ''`))
        .toMatch(/saved in Short run/);
      await tab.close();
    }

    await page.bringToFront();
    await page.goto(url);
    await item('Short run').getByRole('button', { name: 'Delete Short run' }).click();
    expect(await item('Short run').locator('.confirm').innerText()).toMatch(
      /Its 2 shortlisted creators will be removed from it too/,
    );
    await page.getByRole('button', { name: 'Delete campaign' }).click();
    await expect.poll(() => item('Short run').count()).toBe(0);
  });

  it('says so when the disk is full, keeps what was typed, and saves nothing', async () => {
    await page.goto(url);
    await page.locator('li.campaign').first().waitFor();
    const before = await stored(page);
    // What a browser does when its quota is used up: the write fails with QuotaExceededError.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'campaigns') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByLabel('Name').fill('Too much');
    await page.getByRole('button', { name: 'Save campaign' }).click();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts())
      .toContainEqual(expect.stringMatching(/no room left to store the shortlist, so this change was not saved/));
    expect(await page.getByLabel('Name').inputValue()).toBe('Too much');
    expect(await item('Too much').count()).toBe(0);
    expect(await stored(page)).toEqual(before);
  });

  it('changes a tier threshold, refuses one out of order, and resets to the published defaults', async () => {
    await page.goto(url);
    const micro = page.getByLabel('Micro', { exact: true });
    await micro.waitFor();
    expect(await page.locator('#settings-tiers-micro-default').innerText()).toContain('Later × Fohr 2021');
    await micro.fill('20K');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => storedSettings(page)).toMatchObject({ tiers: { micro: 20_000 } });
    await page.reload();
    await expect.poll(() => page.getByLabel('Micro', { exact: true }).inputValue()).toBe('20000');
    // The campaign form's tier labels follow the settings.
    await page.getByRole('button', { name: 'New campaign' }).click();
    expect(
      await page
        .getByRole('checkbox', { name: /^Micro/ })
        .locator('..')
        .innerText(),
    ).toContain('20K–100K');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Mid-tier').fill('5000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('#settings-tiers-mid-error').waitFor();
    expect(await page.locator('#settings-tiers-mid-error').innerText()).toBe(
      'Must be more than micro (20,000): tiers rise from nano to mega.',
    );
    expect(await storedSettings(page)).toMatchObject({ tiers: { micro: 20_000, mid: 100_000 } });

    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect.poll(() => page.getByLabel('Micro', { exact: true }).inputValue()).toBe('10000');
    expect(await page.getByLabel('Mid-tier').inputValue()).toBe('100000');
    expect(await storedSettings(page)).toMatchObject({
      version: 1,
      tiers: { nano: 1000, micro: 10_000, mid: 100_000, macro: 500_000, mega: 1_000_000 },
      pricePer1000Followers: { instagram: 14, tiktok: 10, youtube: 35, x: null },
    });
  });
});
