/**
 * Issue 8, "No network of its own" and "Hostile pages", end to end in Chromium with the built extension.
 *
 * One session as a person would have it — every saved page opened on its real host and read, the popup opened on a
 * profile of each platform, creators saved, the shortlist page opened, exported (CSV and backup) and the backup
 * imported back, the options page opened — recorded four ways:
 *
 * 1. Chromium's own network log (`--log-net-log`): every URL request the network service started, from any page,
 *    worker, popup or the browser itself, with its initiator (the origin that caused it) and its network isolation
 *    key (whose context it ran in). It cannot see requests that never reached the network: those a Content
 *    Security Policy blocked (see 3) and the extension's own chrome-extension:// files, which are not network.
 * 2. The same pages opened in a Chromium *without* the extension: what the saved pages ask for themselves (their
 *    images and style sheets, to hosts that resolve nowhere here). With the extension they must ask for exactly the
 *    same, so nothing the extension did on a page caused a request.
 * 3. Content Security Policy violations and console errors in the extension's pages, popup and service worker: an
 *    attempt the policy blocked (so absent from 1) shows up here.
 * 4. The fixture server's log: what actually reached the (mapped) supported hosts.
 *
 * What it cannot see: requests from other browsers or from after the session, and anything the extension might
 * only do on a page or in a state this session does not reach. The static checks (tests/lib/security) cover the
 * code paths a session does not.
 *
 * The same browser is then used to check that a page cannot tell the extension is there (no DOM change, no
 * message), and that a malformed capture sent from the content script's own world — the only place a
 * `pageCaptured` with a tab can come from — is dropped, logged and never stored.
 *
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadManifest } from './fixture-server';
import { launchScout, waitFor, type Browser, type CdpTarget, type Scout } from './harness';
import { PLATFORM_HOSTS } from '../../lib/platforms/hosts';

const SUPPORTED_HOSTS: readonly string[] = Object.values(PLATFORM_HOSTS).flat();
const PAGES = loadManifest();

// ——— Launching Chromium (the harness, plus the network log) ———

/** Chromium as the harness launches it, writing its network log to `netlog`. */
interface Recorded<B extends Browser> {
  browser: B;
  netlog: string;
  /** Closes the browser and deletes its profile and log. */
  close(): Promise<void>;
}

/** With the extension (a Scout) or without it (the baseline), into a directory holding the profile and the log. */
async function launch(extension: true): Promise<Recorded<Scout>>;
async function launch(extension: false): Promise<Recorded<Browser>>;
async function launch(extension: boolean): Promise<Recorded<Browser>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creator-scout-network-'));
  const netlog = path.join(dir, 'netlog.json');
  const options = {
    userDataDir: path.join(dir, 'profile'),
    args: [`--log-net-log=${netlog}`, '--net-log-capture-mode=Default'],
  };
  const browser = extension ? await launchScout(options) : await launchScout({ ...options, extensionDir: false });
  return {
    browser,
    netlog,
    async close() {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ——— Chromium's network log ———

interface NetRequest {
  url: string;
  /** The origin that caused the request, or "not an origin" for the browser's own (navigations typed, updates). */
  initiator: string;
  type: string;
  /** Whose context the request ran in: "top-frame-site frame-site". */
  isolationKey: string;
}

/**
 * Every URL request in the network log so far. The log is written one event per line while Chromium runs and
 * closed at exit, so a log read mid-session is cut after its last complete event.
 */
function readNetlog(file: string): NetRequest[] {
  const text = fs.readFileSync(file, 'utf8');
  let log: { constants: { logEventTypes: Record<string, number> }; events: { type: number; params?: unknown }[] };
  try {
    log = JSON.parse(text);
  } catch {
    const complete = text.slice(0, text.lastIndexOf('\n')).trimEnd().replace(/,$/, '');
    log = JSON.parse(`${complete}]}`);
  }
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events.flatMap((event) => {
    const p = event.params as Record<string, string> | undefined;
    if (event.type !== startJob || !p?.url) return [];
    return [
      {
        url: p.url,
        initiator: p.initiator ?? '',
        type: p.request_type ?? '',
        isolationKey: p.network_isolation_key ?? '',
      },
    ];
  });
}

const describeRequest = (r: NetRequest) => `${r.url} (initiator ${r.initiator}, ${r.type}, key ${r.isolationKey})`;

/** Chromium's own services (sign-in, component updates), which the flags do not fully silence. */
const BROWSER_SERVICE = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com)$/;

interface Verdict {
  /** Requests the extension caused: from its pages or worker, or initiated by its origin. */
  extension: NetRequest[];
  /** Requests from the saved pages (their navigations and what they asked for). */
  pages: NetRequest[];
  /** The browser's own requests to its services. */
  browser: NetRequest[];
  /** Anything else: a request nobody here should have made. */
  unexplained: NetRequest[];
}

function classify(requests: NetRequest[], extensionId: string | undefined, opened: readonly string[]): Verdict {
  const verdict: Verdict = { extension: [], pages: [], browser: [], unexplained: [] };
  const ours = extensionId ? `chrome-extension://${extensionId}` : undefined;
  for (const r of requests) {
    if (r.url.startsWith('chrome-extension:')) continue; // the extension's own files: not network
    const host = new URL(r.url).hostname;
    if (ours && (r.initiator.startsWith(ours) || r.isolationKey.includes(ours))) verdict.extension.push(r);
    else if (r.initiator === 'not an origin' && r.type === 'main frame' && opened.includes(r.url))
      verdict.pages.push(r);
    else if (SUPPORTED_HOSTS.some((h) => r.initiator === `https://${h}`)) verdict.pages.push(r);
    else if (r.initiator === 'not an origin' && BROWSER_SERVICE.test(host)) verdict.browser.push(r);
    else verdict.unexplained.push(r);
  }
  return verdict;
}

/** What each page asked for, as "initiator → url" lines, sorted. */
const pageRequestSet = (requests: NetRequest[]) =>
  [...new Set(requests.map((r) => `${r.initiator} → ${r.url}`))].sort();

// ——— What a page (and an extension page) can observe ———

/**
 * Installed in every page's main world before its own code: records CSP violations, messages posted to the
 * window, the WXT runtime's events with what they carry (their names carry the extension id) and, once the parser is done, every DOM
 * change. The saved pages are served with `script-src 'none'`, so after DOMContentLoaded nothing of theirs
 * changes the DOM: a change can only come from the extension.
 */
function observer(extensionId: string): string {
  const wxtEvents = ['instagram', 'tiktok', 'x', 'youtube'].flatMap((name) =>
    ['wxt:content-script-started', 'wxt:locationchange'].map((event) => `${extensionId}:${name}:${event}`),
  );
  return `(() => {
    const seen = (window.__scoutSeen = { violations: [], messages: [], events: [], mutations: [] });
    document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(e.violatedDirective + ' ' + e.blockedURI));
    window.addEventListener('message', (e) => seen.messages.push(JSON.stringify(e.data).slice(0, 300)));
    for (const name of ${JSON.stringify(wxtEvents)}) {
      const record = (e) => seen.events.push({ name, detail: e.detail ?? null });
      document.addEventListener(name, record);
      window.addEventListener(name, record);
    }
    if (location.protocol === 'https:') {
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver((records) => {
          for (const r of records) seen.mutations.push(r.type + ' ' + r.target.nodeName + ' ' + (r.attributeName || ''));
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    }
  })();`;
}

interface Seen {
  violations: string[];
  messages: string[];
  events: { name: string; detail: unknown }[];
  mutations: string[];
}

// ——— The session ———

describe('no network of its own: a whole session in Chromium, recorded', () => {
  let recorded: Recorded<Scout>;
  let scout: Scout;
  let extensionId: string;
  let worker: CdpTarget;
  /** The worker's console, from the start of the session. */
  let workerLogs: string[];
  const opened: string[] = [];
  const webPages = new Map<string, Page>();
  const extensionPages: Page[] = [];
  const popupLogs: string[] = [];
  const extensionPageLogs: string[] = [];
  let sessionRequests: NetRequest[] = [];
  let sessionServerLog: string[] = [];

  /** The stored state of the tab showing `url`, with its storage key. */
  async function storedFor(
    url: string,
  ): Promise<{ key: string; state: { reading: Record<string, unknown> } } | undefined> {
    const all = await worker.evaluate<Record<string, { reading?: { url?: string } }>>(
      'chrome.storage.session.get(null)',
    );
    const entry = Object.entries(all).find(([key, value]) => key.startsWith('tab:') && value.reading?.url === url);
    return entry && { key: entry[0], state: entry[1] as { reading: Record<string, unknown> } };
  }

  beforeAll(async () => {
    recorded = await launch(true);
    scout = recorded.browser;
    extensionId = scout.extensionId;
    worker = await scout.worker();
    workerLogs = await worker.recordLogs();
    await scout.context.addInitScript(observer(extensionId));
    scout.context.on('console', (message) => {
      if (message.page()?.url().startsWith('chrome-extension:')) {
        extensionPageLogs.push(`${message.type()}: ${message.text()}`);
      }
    });
  });
  afterAll(async () => recorded?.close());

  it('reads every saved page, saves creators, exports and imports the shortlist, opens the options', async () => {
    // The first run opens the options page with the guide (and makes a sample campaign to save to).
    for (const entry of PAGES) {
      const page = await scout.context.newPage();
      await page.goto(entry.url, { waitUntil: 'load' });
      opened.push(page.url());
      webPages.set(entry.url, page);
      // Read and stored by the worker: the content script's message went through.
      await waitFor(async () => storedFor(page.url()), `the reading of ${entry.url}`, 15_000);
    }

    // The popup on a profile of every platform; save two of them.
    const profiles = PAGES.filter((e) => e.kind === 'profile');
    const firstProfiles = [...new Map(profiles.map((e) => [e.platform, e])).values()];
    expect(firstProfiles.map((e) => e.platform).sort()).toEqual(['instagram', 'tiktok', 'x', 'youtube']);
    for (const [i, entry] of firstProfiles.entries()) {
      const popup = await scout.openPopup(webPages.get(entry.url)!);
      const logs = await popup.recordLogs();
      const text = await popup.text();
      expect(text).toMatch(/Followers|Subscribers/);
      if (i < 2) {
        await popup.clickButton('Save to shortlist');
        await waitFor(
          async () =>
            (await popup.evaluate<string>(
              `document.querySelector('[data-testid="saved-status"]')?.textContent ?? ''`,
            )) || undefined,
          'the save to finish',
        );
      }
      popupLogs.push(...logs);
    }

    // The shortlist page: export both ways, import the backup back.
    const shortlist = await scout.context.newPage();
    extensionPages.push(shortlist);
    await shortlist.goto(`chrome-extension://${extensionId}/shortlist.html`);
    await shortlist.bringToFront();
    await shortlist.waitForSelector('main:not([aria-busy="true"])');
    await shortlist.locator('tbody tr[data-key]').first().waitFor();
    const [csv] = await Promise.all([
      shortlist.waitForEvent('download'),
      shortlist.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(fs.readFileSync((await csv.path())!, 'utf8')).toContain('illojuan');
    const [backup] = await Promise.all([
      shortlist.waitForEvent('download'),
      shortlist.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    const backupText = fs.readFileSync((await backup.path())!, 'utf8');
    expect(backupText).toContain('"format":"creator-scout-backup"');
    const toggle = shortlist.getByRole('button', { name: 'Import…' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await shortlist
      .locator('#backup-file')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
    await shortlist.getByRole('radio', { name: /^Merge/ }).check();
    await shortlist.waitForSelector('.preview-table');
    await shortlist.getByRole('button', { name: 'Import and merge' }).click();
    await shortlist.getByRole('status').filter({ hasText: 'Imported' }).waitFor();

    const options = await scout.context.newPage();
    extensionPages.push(options);
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('li.campaign').first().waitFor();

    // Let anything late (a deferred request, a retry) reach the log before it is read.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    sessionRequests = readNetlog(recorded.netlog);
    sessionServerLog = [...scout.server.requests];
  }, 240_000);

  it('the extension made no request: every request in the network log is a saved page, the page’s own, or the browser’s', () => {
    expect(sessionRequests.length).toBeGreaterThan(PAGES.length); // the log was read
    const verdict = classify(sessionRequests, extensionId, opened);
    expect(verdict.extension.map(describeRequest)).toEqual([]);
    expect(verdict.unexplained.map(describeRequest)).toEqual([]);
    // Every saved page was loaded, and only over the network log's page navigations.
    const navigations = verdict.pages.filter((r) => r.type === 'main frame').map((r) => r.url);
    expect([...new Set(navigations)].sort()).toEqual([...new Set(opened)].sort());
  });

  it('the pages asked for exactly what they ask for without the extension', async () => {
    const plain = await launch(false);
    try {
      for (const entry of PAGES) {
        const page = await plain.browser.context.newPage();
        await page.goto(entry.url, { waitUntil: 'load' });
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const without = classify(readNetlog(plain.netlog), undefined, opened);
      const withExtension = classify(sessionRequests, extensionId, opened);
      expect(pageRequestSet(withExtension.pages)).toEqual(pageRequestSet(without.pages));
      // And the same reached the fixture server (the supported hosts).
      expect([...new Set(sessionServerLog)].sort()).toEqual([...new Set(plain.browser.server.requests)].sort());
    } finally {
      await plain.close();
    }
  }, 120_000);

  it('no extension page, popup or the worker tried to reach anything (no CSP violation, no error)', async () => {
    const pageSeen: Seen[] = [];
    for (const page of extensionPages) pageSeen.push(await page.evaluate('window.__scoutSeen'));
    expect(pageSeen.flatMap((s) => s.violations)).toEqual([]);
    const problems = (logs: string[]) =>
      logs.filter((l) => /^(error|exception)|Refused to|Content Security Policy/i.test(l));
    expect(problems(extensionPageLogs)).toEqual([]);
    expect(problems(popupLogs)).toEqual([]);
    expect(problems(workerLogs)).toEqual([]);
  });

  it('a page cannot tell the extension is there: no DOM change, no message posted to it', async () => {
    const noticed: string[] = [];
    for (const [url, page] of webPages) {
      const seen = await page.evaluate<Seen>('window.__scoutSeen');
      noticed.push(...[...seen.mutations, ...seen.messages].map((what) => `${url}: ${what}`));
    }
    // WXT's content script runtime would also post {type: "<extension id>:<script>:wxt:content-script-started"}
    // to every page it starts on, telling any page the extension is installed, and its id; every content script
    // turns that off with `noScriptStartedPostMessage: true` (wxt-dev/wxt pull requests 1938 and 2035).
    expect(noticed).toEqual([]);
  });

  it('the only event a page could catch is WXT’s start signal, named after the extension id, carrying the script’s name and a random id', async () => {
    // WXT's runtime dispatches a CustomEvent on `document` so that a content script re-injected after an update
    // stops the old one; it cannot be turned off. A page hears it only if it listens for that exact name, that is,
    // if it already knows the extension's id (public for a store extension). Known and accepted (SECURITY.md);
    // anything more fails.
    for (const [url, page] of webPages) {
      const seen = await page.evaluate<Seen>('window.__scoutSeen');
      const platform = PAGES.find((e) => e.url === url)!.platform;
      expect(seen.events, url).toEqual([
        {
          name: `${extensionId}:${platform}:wxt:content-script-started`,
          detail: { contentScriptName: platform, messageId: expect.stringMatching(/^[0-9a-z]+$/) },
        },
      ]);
    }
  });

  it('would have seen it: a page the extension opens shows up as the extension’s request', async () => {
    // The recording must be able to fail. An extension page opening a window is not governed by its CSP, so it
    // reaches the network: the log must attribute it to the extension, and the fixture server must see it.
    const probe = 'https://www.tiktok.com/@probe-from-the-extension';
    const shortlist = extensionPages[0]!;
    await shortlist.evaluate(`window.open(${JSON.stringify(probe)})`);
    await waitFor(async () => scout.server.requests.includes(probe) || undefined, 'the probe to reach the server');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const verdict = classify(readNetlog(recorded.netlog), extensionId, opened);
    expect(verdict.extension.map((r) => r.url)).toContain(probe);
  });

  it('drops a malformed capture from a tab, logs it, and keeps what it had', async () => {
    const entry = PAGES.find((e) => e.file === 'tiktok/profile-illojuan.html')!;
    const page = webPages.get(entry.url)!;
    const before = await storedFor(page.url());
    expect(before?.state.reading.handle).toBe('illojuan');

    // The content script's isolated world: the one context whose messages carry this tab and the extension's id.
    const cdp = await scout.context.newCDPSession(page);
    const contexts: { id: number; origin: string; name: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = await waitFor(
      async () => contexts.find((c) => c.origin === `chrome-extension://${extensionId}`),
      "the content script's world",
    );
    const send = async (data: unknown) => {
      const message = { id: 1, type: 'pageCaptured', data, timestamp: Date.now() };
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then(() => 'sent', (e) => 'sent: ' + e.message)`,
        awaitPromise: true,
        returnByValue: true,
      });
      expect(exceptionDetails).toBeUndefined();
      return result.value as string;
    };

    // A capture as the TikTok content script sends it (lib/platforms/tiktok/capture.ts), and broken copies of it.
    const reading = before!.state.reading;
    const envelope = { platform: 'tiktok', url: reading.url, lang: reading.lang, readAt: reading.readAt as number };
    const data = { kind: 'profile', shownHandle: 'illojuan', followers: '783.4K', tiles: [] as unknown[] };
    const tile = { href: '/@illojuan/video/7571863205253778710', views: '1.2M', pinned: false };
    const malformed: unknown[] = [
      '<img src=x onerror=alert(1)>',
      { ...envelope, readAt: -1, data },
      { ...envelope, platform: 'myspace', data },
      { ...envelope, data: { ...data, followers: -5 } },
      { ...envelope, data: { ...data, followers: 'x'.repeat(201) } },
      { ...envelope, data: { ...data, kind: 'something-else' } },
      { ...envelope, data: { ...data, tiles: Array.from({ length: 501 }, () => tile) } },
    ];
    const elsewhere = { ...envelope, url: 'https://www.tiktok.com/@someone_else', data };
    const warningsBefore = workerLogs.length;
    for (const capture of [...malformed, elsewhere]) await send(capture);
    await waitFor(
      async () =>
        workerLogs.slice(warningsBefore).filter((l) => l.includes('dropped')).length >= malformed.length + 1 ||
        undefined,
      'the worker to log every dropped capture',
    );
    const warnings = workerLogs.slice(warningsBefore).filter((l) => l.includes('dropped'));
    expect(warnings.filter((l) => l.includes('malformed'))).toHaveLength(malformed.length);
    expect(warnings.filter((l) => l.includes('does not match its tab'))).toHaveLength(1);
    expect(await storedFor(page.url())).toEqual(before);
    expect(await storedFor(elsewhere.url)).toBeUndefined();

    // The same channel does carry a well-formed capture: the check above is not passing for want of a message.
    await send({ ...envelope, readAt: envelope.readAt + 1, data: { ...data, displayName: 'Renamed by the test' } });
    await waitFor(
      async () => (await storedFor(page.url()))?.state.reading.displayName === 'Renamed by the test' || undefined,
      'the well-formed capture to be stored',
    );
    await cdp.detach();
  });
});
