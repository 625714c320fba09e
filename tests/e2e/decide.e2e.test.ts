import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchScout, type Scout } from './harness';
import { axeViolations } from './axe';

describe('deciding on a creator in the popup', () => {
  let scout: Scout;
  beforeAll(async () => {
    scout = await launchScout();
    scout.server.route('https://www.tiktok.com/@nocounts', 'tiktok/synthetic-profile-no-counts.html');
  });
  afterAll(async () => scout?.close());

  it('on first run, opens the guide and scores the first profile against the sample campaign', async () => {
    await expect
      .poll(() => scout.context.pages().some((p) => p.url().includes('/options.html?welcome=1')), { timeout: 10_000 })
      .toBe(true);
    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const popup = await scout.openPopup(page);
    const text = await popup.text();
    expect(text).toMatch(/Fit\s+\d{1,3}\/100/);
    expect(text).toMatch(/\d+% of the points rest on known data/);
    // Every point explained: the size criterion names the tier and its points.
    expect(text).toMatch(/macro.*: (\+?\d+(\.\d)?|0)\/\d+/);
    expect(text).toContain('Not on a shortlist yet.');
    await page.close();
  });

  it('shows engagement, tier, the benchmark with its source, signals and a price range, with their working', async () => {
    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const popup = await scout.openPopup(page);
    const text = await popup.text();
    expect(text).toContain('macro (500K–1M)');
    expect(text).toMatch(/Engagement rate by followers\s+not enough data \(n = 0\): the profile grid shows views only/);
    expect(text).toMatch(/View rate\s+\d+(\.\d+)?% mean · \d+(\.\d+)?% median \(n = 12\)/);
    expect(text).toContain('Influencer Marketing Hub (as cited by pentos.co)');
    expect(text).toMatch(/Many followers, few posts: 783,427 followers with 19 posts/);
    expect(text).toMatch(/\$[\d,]+ – \$[\d,]+ \(USD\)/);
    // The working behind a number is one click away.
    await popup.evaluate(`document.querySelector('[data-rate="view-rate"] summary').click()`);
    expect(await popup.evaluate<string>('document.body.innerText')).toContain('views ÷ followers, per post');
    await page.close();
  });

  it('saves the creator to the shortlist with one click', async () => {
    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const popup = await scout.openPopup(page);
    await popup.text();
    await popup.clickButton('Save to shortlist');
    await expect
      .poll(() => popup.evaluate<string>(`document.querySelector('[data-testid="saved-status"]').textContent`))
      .toMatch(/saved in .* \(prospect\)/);
    // Opened again later, the popup knows.
    const again = await (await scout.openPopup(page)).text();
    expect(again).toMatch(/saved in .* \(prospect\)/);
    expect(again).toMatch(/Saved to /);
    await page.close();
  });

  it('scores against a campaign made on the options page, and the score changes when the popup switches campaign', async () => {
    const options = await scout.open(`chrome-extension://${scout.extensionId}/options.html`);
    await options.getByRole('button', { name: 'New campaign' }).click();
    await options.getByLabel('Name').fill('Mega reach');
    await options.getByRole('checkbox', { name: /^Mega/ }).check();
    await options.getByRole('checkbox', { name: 'TikTok' }).check();
    await options.getByRole('button', { name: 'Save campaign' }).click();
    await expect.poll(() => options.getByRole('radio', { name: 'Mega reach' }).isChecked()).toBe(true);
    await options.close();

    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const popup = await scout.openPopup(page);
    const megaText = await popup.text();
    expect(await popup.evaluate<string>(`document.querySelector('select').selectedOptions[0].textContent`)).toBe(
      'Mega reach',
    );
    // 783,427 followers is macro, not mega: the size criterion says so and earns nothing.
    expect(megaText).toMatch(/macro.*: 0\/\d+/);
    const megaScore = await popup.evaluate<string>(`document.querySelector('[data-testid="fit-score"]').textContent`);

    await popup.evaluate(`(() => {
      const select = document.querySelector('select');
      select.value = [...select.options].find((o) => o.textContent.startsWith('Sample')).value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await expect
      .poll(() => popup.evaluate<string>(`document.querySelector('[data-testid="fit-score"]').textContent`))
      .not.toBe(megaScore);
    expect(await popup.evaluate<string>(`document.querySelector('select').selectedOptions[0].textContent`)).toMatch(
      /^Sample/,
    );
    await page.close();
  });

  it('takes a count the page did not show, typed in and marked as such', async () => {
    const page = await scout.open('https://www.tiktok.com/@nocounts');
    const popup = await scout.openPopup(page);
    await popup.text();
    await popup.evaluate(`(() => {
      const input = document.getElementById('correct-followers');
      input.value = '12,500';
      input.form.requestSubmit();
    })()`);
    await expect
      .poll(() => popup.evaluate<string>('document.body.innerText'))
      .toMatch(/Followers\s+12,500\s+exact · from your correction/);
    expect(await popup.evaluate<string>('document.body.innerText')).toContain('micro (10K–100K)');
    await page.close();
  });
});

describe('the popup for everyone', () => {
  let scout: Scout;
  beforeAll(async () => {
    scout = await launchScout();
  });
  afterAll(async () => scout?.close());

  it('has no accessibility violations (axe-core), in light and dark', async () => {
    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const popup = await scout.openPopup(page);
    await popup.text();
    // Open every "how was this computed" section so their contents are checked too.
    await popup.evaluate(`document.querySelectorAll('details').forEach((d) => (d.open = true))`);
    expect(await axeViolations(popup.evaluate)).toEqual([]);
    await popup.emulateColorScheme('dark');
    expect(await axeViolations(popup.evaluate)).toEqual([]);
    await page.close();
  });

  it('can be used with the keyboard alone: every control is reachable and named', async () => {
    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const popup = await scout.openPopup(page);
    await popup.text();
    const controls = await popup.evaluate<{ tag: string; name: string; tabIndex: number }[]>(`
      [...document.querySelectorAll('button, select, input, summary, a[href]')].map((el) => ({
        tag: el.tagName,
        name: (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || '').trim(),
        tabIndex: el.tabIndex,
      }))`);
    expect(controls.length).toBeGreaterThan(5);
    for (const control of controls) {
      expect(control.tabIndex, `${control.tag} "${control.name}"`).toBeGreaterThanOrEqual(0);
      expect(control.name, control.tag).not.toBe('');
    }
    await page.close();
  });
});
