/**
 * Loads the built extension into Debian's Chromium and drives it as a person would: open a saved profile on its
 * real host name, click the toolbar icon (chrome.action.openPopup from the worker), read the real popup.
 *
 * Also the one launcher for everything else that drives this Chromium: the no-network test adds its own flags
 * (`args`: the network log), the bench loads its own build (`extensionDir`) or none at all (`extensionDir: false`,
 * the baseline), with the same host mapping and flags as every test.
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

/** Chromium with the saved pages served under their real host names, with or without the extension. */
export interface Browser {
  context: BrowserContext;
  server: FixtureServer;
  userDataDir: string;
  /** A CDP session with the browser itself (targets, storage quotas). */
  browserSession: CDPSession;
  /** Opens a URL in a new tab and waits for it to load. */
  open(url: string): Promise<Page>;
  /**
   * Closes the browser, then the page server and the profile directory if the harness made them (a test that
   * reopens a profile closes `context` instead, or passes its own `userDataDir`).
   */
  close(): Promise<void>;
}

/** Chromium with the extension loaded. */
export interface Scout extends Browser {
  extensionId: string;
  /** The extension's service worker (woken if stopped). */
  worker(): Promise<CdpTarget>;
  /** Clicks the toolbar icon with `page` active and returns the real popup. */
  openPopup(page: Page): Promise<Popup>;
  /** Stops the extension's service worker, as Chrome does when it is idle. */
  stopWorker(): Promise<void>;
}

/** A page or worker reached over CDP. */
export interface CdpTarget {
  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Sends any CDP command to the target; rejects with the protocol's error, or when the target goes away. */
  call<T = unknown>(method: string, params?: object): Promise<T>;
  /** Calls `listener` with the params of each `event` (e.g. "Debugger.paused") the target sends; returns "stop". */
  on(event: string, listener: (params: Record<string, unknown>) => void): () => void;
  /**
   * Records the target's console messages, log entries (CSP violations are logged there) and uncaught exceptions
   * from now on, as "level: text" lines in the returned (live) array.
   */
  recordLogs(): Promise<string[]>;
  /** Closes the target (a popup closes, a worker stops) and stops listening to it. */
  close(): Promise<void>;
}

export interface Popup extends CdpTarget {
  /** The popup's visible text once it has finished loading. */
  text(): Promise<string>;
  /** Clicks the button that says `label`, as a person would; throws, with the popup's text, when there is none. */
  clickButton(label: string): Promise<void>;
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
  /** The unpacked extension to load: the build under test by default, or `false` for Chromium without it. */
  extensionDir?: string | false;
  /** Chromium flags added to the harness's own (e.g. `--log-net-log=<file>`). */
  args?: readonly string[];
  /** The pages' viewport; Playwright's default (1280×720) otherwise. */
  viewport?: { width: number; height: number };
}

export async function launchScout(options: LaunchOptions & { extensionDir: false }): Promise<Browser>;
export async function launchScout(options?: LaunchOptions & { extensionDir?: string }): Promise<Scout>;
export async function launchScout(options: LaunchOptions = {}): Promise<Browser | Scout> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (extensionDir && !fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const server = options.server ?? (await startFixtureServer());
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'creator-scout-e2e-'));
  const firstRun = !fs.existsSync(userDataDir) || fs.readdirSync(userDataDir).length === 0;
  const rules = [...HOSTS.map((host) => `MAP ${host} 127.0.0.1:${server.port}`), 'MAP * ~NOTFOUND'].join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: !options.headed,
    locale: 'en-US',
    ...(options.viewport ? { viewport: options.viewport } : {}),
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
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
      ...(options.args ?? []),
    ],
  });
  const browserSession = await context.browser()!.newBrowserCDPSession();
  const browser: Browser = {
    context,
    server,
    userDataDir,
    browserSession,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await context.close();
      if (!options.server) await server.close();
      if (!options.userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  if (!extensionDir) return browser;

  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;
  if (firstRun) {
    // On install the worker opens its guide in a new tab, which becomes the active one. A test that opened its page
    // before the guide arrived would click the icon on the guide instead, so a fresh profile starts with it open.
    const isGuide = (page: Page) => page.url().startsWith(`chrome-extension://${extensionId}/options.html`);
    await waitFor(async () => context.pages().some(isGuide), 'the first-run guide to open');
  }
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
    const { target } = attached;
    // A worker reached as it starts may not have its extension APIs yet ("chrome is not defined"), more often on a
    // loaded machine; nor may one Chrome restarted under the same target id, which the session attached before
    // then follows. One evaluation when they are there.
    await waitFor(
      async () =>
        (await target.evaluate<boolean>(`typeof chrome === 'object' && !!chrome.runtime?.id`).catch(() => false)) ||
        undefined,
      'the service worker’s extension APIs',
    );
    return target;
  };

  const scout: Scout = {
    ...browser,
    extensionId,
    worker,
    async openPopup(page) {
      // Only one popup can be open, as for a person: close the previous one first. Chrome closes a target after
      // answering closeTarget, and waking the worker opens popup.html in a tab for a moment: wait until no page
      // shows popup.html, so that the one attached to below is the new popup.
      const isPopup = (t: { type: string; url: string }) => t.url === popupUrl && t.type === 'page';
      for (const open of (await listTargets()).filter(isPopup)) {
        await browserSession.send('Target.closeTarget', { targetId: open.targetId }).catch(() => undefined);
      }
      const sw = await worker();
      await waitFor(async () => !(await listTargets()).some(isPopup) || undefined, 'the previous popup to close');
      await page.bringToFront();
      // The popup opens on the page's own window (CDP's window id is the extension API's), whichever window the
      // browser last focused.
      const cdp = await page.context().newCDPSession(page);
      const { windowId } = await cdp.send('Browser.getWindowForTarget');
      await cdp.detach();
      await sw.evaluate(`chrome.action.openPopup({ windowId: ${windowId} })`);
      const target = await waitFor(async () => (await listTargets()).find(isPopup), 'the popup to open');
      return attachPopup(browserSession, target.targetId);
    },
    async stopWorker() {
      const sw = (await listTargets()).find(isOurWorker);
      if (!sw) return;
      // Closing the worker's target terminates the worker, as Chrome does after 30 s idle.
      const { success } = (await browserSession.send('Target.closeTarget', { targetId: sw.targetId })) as {
        success?: boolean;
      };
      if (success === false) throw new Error('Chromium refused to stop the service worker');
      // The next worker() attaches afresh: Chrome may start the worker again under the same target id.
      attached = undefined;
      // Usually its target goes; an open popup may wake the worker again at once under the same target id (it asks
      // again when a message failed), so after a short wait the stop is taken as done.
      await waitFor(
        async () => !(await listTargets()).some((t) => t.targetId === sw.targetId) || undefined,
        'the service worker to stop',
        2_000,
      ).catch(() => undefined);
    },
  };
  return scout;
}

type CdpMessage = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
};

/** Talks to a target through the browser session (Playwright surfaces neither the popup nor a restarted worker). */
async function attachTarget(session: CDPSession, targetId: string): Promise<CdpTarget> {
  const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, { resolve: (message: CdpMessage) => void; reject: (error: Error) => void }>();
  const listeners = new Set<{ event: string; listener: (params: Record<string, unknown>) => void }>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as CdpMessage;
    if (message.id !== undefined) {
      pending.get(message.id)?.resolve(message);
      pending.delete(message.id);
    } else if (message.method) {
      for (const l of listeners) if (l.event === message.method) l.listener(message.params ?? {});
    }
  };
  // A target that went away (a worker stopped, a popup closed) answers nothing more: fail what is waiting.
  const onDetached = (event: { sessionId: string }) => {
    if (event.sessionId !== sessionId) return;
    stopListening();
    for (const { reject } of pending.values()) reject(new Error(`CDP target ${targetId} went away`));
    pending.clear();
  };
  const stopListening = () => {
    session.off('Target.receivedMessageFromTarget', onMessage);
    session.off('Target.detachedFromTarget', onDetached);
  };
  session.on('Target.receivedMessageFromTarget', onMessage);
  session.on('Target.detachedFromTarget', onDetached);

  const send = (method: string, params: object) =>
    new Promise<CdpMessage>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      session
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error: Error) => {
          pending.delete(id);
          reject(error);
        });
    });
  const call = async <T>(method: string, params: object = {}): Promise<T> => {
    const reply = await send(method, params);
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result as T;
  };
  const on = (event: string, listener: (params: Record<string, unknown>) => void) => {
    const entry = { event, listener };
    listeners.add(entry);
    return () => void listeners.delete(entry);
  };
  return {
    call,
    on,
    async evaluate<T>(expression: string): Promise<T> {
      const result = await call<{
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (result.exceptionDetails) {
        throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      }
      return result.result.value;
    },
    async recordLogs() {
      const logs: string[] = [];
      on('Runtime.consoleAPICalled', (params) => {
        const args = (params.args as { value?: unknown; description?: string }[] | undefined) ?? [];
        logs.push(`${String(params.type)}: ${args.map((a) => String(a.value ?? a.description)).join(' ')}`);
      });
      on('Log.entryAdded', (params) => {
        const entry = params.entry as { level: string; source: string; text: string };
        logs.push(`${entry.level} (${entry.source}): ${entry.text}`);
      });
      on('Runtime.exceptionThrown', (params) => {
        logs.push(`exception: ${JSON.stringify(params.exceptionDetails).slice(0, 300)}`);
      });
      await call('Runtime.enable');
      await call('Log.enable');
      return logs;
    },
    async close() {
      stopListening();
      await session.send('Target.closeTarget', { targetId }).catch(() => undefined);
    },
  };
}

async function attachPopup(session: CDPSession, targetId: string): Promise<Popup> {
  const target = await attachTarget(session, targetId);
  const { evaluate, call } = target;
  return {
    ...target,
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
    async clickButton(label) {
      const clicked = await evaluate<boolean>(
        `(() => { const b = [...document.querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(label)}); b?.click(); return !!b; })()`,
      );
      if (!clicked) {
        throw new Error(`no "${label}" button in the popup:\n${await evaluate<string>('document.body.innerText')}`);
      }
    },
    async emulateColorScheme(scheme) {
      await call('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
    },
    async screenshot() {
      const { data } = await call<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      return Buffer.from(data, 'base64');
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A check that never answers (a page that stopped running scripts, a protocol call lost) fails the wait too, by
    // the same deadline, instead of holding the test until its own timeout says nothing about where it was.
    let timer: NodeJS.Timeout | undefined;
    const unanswered = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Timed out waiting for ${what}: the last check did not answer`)),
        Math.max(deadline - Date.now(), 0) + 1_000,
      );
    });
    const value = await Promise.race([probe(), unanswered]).finally(() => clearTimeout(timer));
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
