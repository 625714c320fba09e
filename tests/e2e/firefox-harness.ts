/**
 * Loads the Firefox build (.output/firefox-mv2) into Debian's Firefox ESR, headless, driven over WebDriver BiDi by
 * puppeteer-core (no browser is downloaded), with the saved pages served under their real host names.
 *
 * What differs from Chromium (harness.ts), and why:
 * - Firefox has no --host-resolver-rules: it is given a proxy (prefs) that tunnels HTTPS for the supported hosts to
 *   the fixture server and refuses everything else, so pages keep their real URLs and nothing reaches the network.
 * - The extension's pages get a fixed moz-extension:// address (the `extensions.webextensions.uuids` pref, set
 *   before the install), and BiDi may open them only with `--remote-allow-system-access` (Firefox 153).
 * - BiDi does not follow extension pages (Firefox bug 1755014): navigating to one never reports its load, and tabs
 *   the extension opens are not listed. Extension pages are waited for by polling their document, and the tabs the
 *   extension opens are reached through `browser.extension.getViews` from one of its pages.
 * - BiDi reports no console messages or errors of extension pages: Firefox is told to print them on its standard
 *   output, which `errors()` reads.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser as PuppeteerBrowser, type Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { waitFor } from './harness';
import { HOST_PERMISSIONS } from '../../lib/platforms/hosts';

export const FIREFOX = '/usr/bin/firefox-esr';
const EXTENSION_DIR = path.resolve(import.meta.dirname, '../..', process.env.SCOUT_OUT_DIR ?? '.output', 'firefox-mv2');
const HOSTS = new Set(HOST_PERMISSIONS.map((pattern) => new URL(pattern.replace('/*', '/')).host));
/** Any fixed uuid: it only has to be known before the extension is installed. */
const UUID = '0b5c0e3a-5c1e-4d57-9a55-c0ffee000001';

export interface FirefoxScout {
  browser: PuppeteerBrowser;
  /** moz-extension://<uuid> */
  base: string;
  /** Opens a web page in a new tab and waits for it to load. */
  open(url: string): Promise<Page>;
  /** Opens one of the extension's pages (e.g. "shortlist.html") in a new tab and waits for its document. */
  openExtensionPage(file: string): Promise<Page>;
  /**
   * Uncaught errors (and JavaScript warnings) Firefox printed for the extension's pages and scripts. Its lines for
   * `console.error` name no page, so they cannot be told from Firefox's own and are not included.
   */
  errors(): string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that tunnels HTTPS to the supported hosts into `server` and refuses every other request (Firefox's
 * own, to its update and settings services, among them: nothing leaves the machine).
 */
function startProxy(server: FixtureServer): Promise<http.Server> {
  const proxy = http.createServer((_req, res) => {
    res.writeHead(403).end();
  });
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!HOSTS.has(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(server.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

/**
 * Makes `page` the tab the browser shows, as the tab a person works in is. Firefox throttles a hidden tab's timers to
 * seconds and runs no animation frames in it, so a page left behind another tab (the first-run guide, say) answers
 * a click long after the test stopped waiting.
 */
async function showing(page: Page, what: string): Promise<void> {
  await page.bringToFront();
  await waitFor(
    async () => (await page.evaluate(() => document.visibilityState === 'visible')) || undefined,
    `${what} to be the tab shown`,
    5_000,
  );
}

export async function launchFirefox(): Promise<FirefoxScout> {
  if (!fs.existsSync(FIREFOX)) throw new Error(`Firefox ESR is needed for this test: apt-get install -y firefox-esr`);
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const extensionId = manifest.browser_specific_settings.gecko.id;
  const server = await startFixtureServer();
  const proxy = await startProxy(server);
  const proxyPort = (proxy.address() as net.AddressInfo).port;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: UUID }),
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.share_proxy_settings': false,
      // Firefox's own background requests: refused by the proxy anyway, fewer of them.
      'network.trr.mode': 5,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.normandy.enabled': false,
      'toolkit.telemetry.enabled': false,
      // The popup is opened in a background tab beside the profile it speaks of (see firefox.e2e.test.ts), where a
      // real popup is shown: its timers run as a shown page's do, not throttled to a second or more.
      'dom.min_background_timeout_value': 4,
      'dom.timeout.enable_budget_throttling': false,
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
    },
    timeout: 60_000,
    protocolTimeout: 60_000,
  });
  const output: string[] = [];
  for (const stream of [browser.process()?.stdout, browser.process()?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines.filter(Boolean));
    });
  }
  const base = `moz-extension://${UUID}`;
  const close = async () => {
    await browser.close().catch(() => undefined);
    proxy.close();
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  const openExtensionPage = async (file: string) => {
    const page = await browser.newPage();
    const url = `${base}/${file}`;
    // Never resolves for an extension page (see above): its document is watched instead.
    page.goto(url, { timeout: 20_000 }).catch(() => undefined);
    await waitFor(
      () =>
        page
          // Rejects while the page is still navigating to the extension page: not there yet.
          .evaluate((u) => (location.href === u && document.readyState === 'complete') || undefined, url)
          .catch(() => undefined),
      url,
      15_000,
    );
    await showing(page, url);
    return page;
  };
  try {
    const installed = await browser.installExtension(EXTENSION_DIR);
    if (installed !== extensionId) throw new Error(`installed ${installed}, expected ${extensionId}`);
    // On install the extension opens its guide in a new tab, which becomes the active one and hides the tab a test
    // had opened; so the browser starts with the guide open. Extension tabs are not listed over BiDi: one of the
    // extension's own pages looks for it.
    const lookout = await openExtensionPage('options.html');
    await waitFor(
      () =>
        lookout.evaluate(
          `browser.tabs.query({ url: ${JSON.stringify(`${base}/options.html?welcome=1`)} }).then((tabs) => tabs.length > 0)`,
        ) as Promise<boolean>,
      'the first-run guide to open',
      15_000,
    );
    await lookout.close();
  } catch (error) {
    await close();
    throw error;
  }

  return {
    browser,
    base,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
      await showing(page, url);
      return page;
    },
    openExtensionPage,
    errors() {
      return output.filter(
        (line) =>
          /^(JavaScript (error|warning)|console\.(error|warn))/.test(line) &&
          (line.includes(base) || line.includes(extensionId)),
      );
    },
    close,
  };
}
