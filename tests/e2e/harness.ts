/**
 * Loads the built extension into Debian's Chromium and drives it as a person would: open a saved profile on its
 * real host name, click the toolbar icon (chrome.action.openPopup from the worker), read the real popup.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { HOST_PERMISSIONS } from '../../lib/platforms/hosts';

/** The Chrome build under test: `.output/chrome-mv3`, or under SCOUT_OUT_DIR when the build was written there. */
export const EXTENSION_DIR = path.resolve(
  import.meta.dirname,
  '../..',
  process.env.SCOUT_OUT_DIR ?? '.output',
  'chrome-mv3',
);
const HOSTS = HOST_PERMISSIONS.map((pattern) => new URL(pattern.replace('/*', '/')).host);

export interface Scout {
  context: BrowserContext;
  server: FixtureServer;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker (woken if stopped). */
  worker(): Promise<CdpTarget>;
  /** Opens a URL in a new tab and waits for it to load. */
  open(url: string): Promise<Page>;
  /** Clicks the toolbar icon with `page` active and returns the real popup. */
  openPopup(page: Page): Promise<Popup>;
  /** Stops the extension's service worker, as Chrome does when it is idle. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface Popup {
  /** Evaluates an expression in the popup and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** The popup's visible text once it has finished loading. */
  text(): Promise<string>;
  /** A PNG of the popup as it is drawn. */
  screenshot(): Promise<Buffer>;
  /** Shows the popup as it looks with the system in light or dark mode. */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
}

export interface LaunchOptions {
  userDataDir?: string;
  server?: FixtureServer;
  /** Show the browser window (needs a display); the tests and `demo --headless` run without one. */
  headed?: boolean;
}

export async function launchScout(options: LaunchOptions = {}): Promise<Scout> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const server = options.server ?? (await startFixtureServer());
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'creator-scout-e2e-'));
  const rules = [...HOSTS.map((host) => `MAP ${host} 127.0.0.1:${server.port}`), 'MAP * ~NOTFOUND'].join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: !options.headed,
    locale: 'en-US',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;
  const browserSession = await context.browser()!.newBrowserCDPSession();
  const listTargets = async () => (await browserSession.send('Target.getTargets')).targetInfos;
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const isOurWorker = (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.includes(extensionId);
  // Playwright does not follow a worker that Chrome restarted, so the worker is driven over raw CDP.
  let attached: { targetId: string; target: CdpTarget } | undefined;
  /** The running worker; a stopped one is woken the way Chrome wakes it, by an extension page messaging it. */
  const worker = async (): Promise<CdpTarget> => {
    let info = (await listTargets()).find(isOurWorker);
    if (!info) {
      const page = await context.newPage();
      await page.goto(popupUrl);
      info = await waitFor(async () => (await listTargets()).find(isOurWorker), 'the service worker to start');
      await page.close();
    }
    if (attached?.targetId !== info.targetId) {
      attached = { targetId: info.targetId, target: await attachTarget(browserSession, info.targetId) };
    }
    return attached.target;
  };

  const scout: Scout = {
    context,
    server,
    extensionId,
    userDataDir,
    worker,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openPopup(page) {
      // Only one popup can be open, as for a person: close the previous one first.
      for (const open of (await listTargets()).filter((t) => t.url === popupUrl && t.type === 'page')) {
        await browserSession.send('Target.closeTarget', { targetId: open.targetId }).catch(() => undefined);
      }
      const sw = await worker();
      await page.bringToFront();
      await sw.evaluate('chrome.action.openPopup()');
      const target = await waitFor(
        async () => (await listTargets()).find((t) => t.url === popupUrl && t.type === 'page'),
        'the popup to open',
      );
      return attachPopup(browserSession, target.targetId);
    },
    async stopWorker() {
      const sw = (await listTargets()).find(isOurWorker);
      if (!sw) return;
      // Closing the worker's target terminates the worker, as Chrome does after 30 s idle.
      await browserSession.send('Target.closeTarget', { targetId: sw.targetId });
      await waitFor(async () => !(await listTargets()).some(isOurWorker) || undefined, 'the service worker to stop');
    },
    async close() {
      await context.close();
      if (!options.server) await server.close();
    },
  };
  return scout;
}

/** A page or worker reached over CDP. */
export interface CdpTarget {
  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Sends any CDP command to the target. */
  call(method: string, params: object): Promise<{ result?: unknown; error?: { message: string } }>;
}

/** Talks to a target through the browser session (Playwright surfaces neither the popup nor a restarted worker). */
async function attachTarget(session: CDPSession, targetId: string): Promise<CdpTarget> {
  const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  const call = (method: string, params: object) =>
    new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (reply.error) throw new Error(reply.error.message);
    const result = reply.result as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (result.exceptionDetails) {
      throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    }
    return result.result.value;
  };
  return { evaluate, call };
}

async function attachPopup(session: CDPSession, targetId: string): Promise<Popup> {
  const { evaluate, call } = await attachTarget(session, targetId);
  return {
    evaluate,
    async text() {
      await waitFor(
        async () =>
          (await evaluate<boolean>(
            `document.readyState === 'complete' && !!document.querySelector('main') && !document.querySelector('[aria-busy="true"]')`,
          ).catch(() => false)) || undefined,
        'the popup to finish loading',
      );
      return evaluate<string>('document.body.innerText');
    },
    async emulateColorScheme(scheme) {
      await call('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
    },
    async screenshot() {
      const reply = await call('Page.captureScreenshot', { format: 'png' });
      if (reply.error) throw new Error(reply.error.message);
      return Buffer.from((reply.result as { data: string }).data, 'base64');
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
