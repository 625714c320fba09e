/**
 * Debian's Chromium driven for measurement, with or without the extension built into the bench's own directory.
 *
 * This is the E2E harness's way of working (tests/e2e/harness.ts: saved pages served under their real host names,
 * the popup opened with chrome.action.openPopup() from the worker, targets Playwright does not surface reached over
 * raw CDP), with two differences the bench needs: the extension directory is a parameter (the bench measures its
 * own build, never `.output/chrome-mv3`, which other builds rewrite), and the extension can be left out (the
 * baseline for the time the content script adds to page load).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { HOST_PERMISSIONS } from '../lib/platforms/hosts';
import type { FixtureServer } from '../tests/e2e/fixture-server';
import { waitFor } from '../tests/e2e/harness';

const HOSTS = HOST_PERMISSIONS.map((pattern) => new URL(pattern.replace('/*', '/')).host);

export interface Chromium {
  context: BrowserContext;
  browserSession: CDPSession;
  /** Set when the extension is loaded. */
  extensionId?: string;
  /** Evaluates an expression in the extension's service worker. */
  inWorker<T>(expression: string): Promise<T>;
  /** Opens the real popup for `page` (closing any open one) and returns the popup's target. */
  openPopup(page: Page): Promise<CdpTarget>;
  close(): Promise<void>;
}

export interface CdpTarget {
  evaluate<T>(expression: string): Promise<T>;
  /** Sends any CDP command to the target; rejects with the protocol's error. */
  call<T = unknown>(method: string, params?: object): Promise<T>;
  close(): Promise<void>;
}

export async function launchChromium({
  server,
  extensionDir,
}: {
  server: FixtureServer;
  extensionDir?: string;
}): Promise<Chromium> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creator-scout-bench-'));
  const rules = [...HOSTS.map((host) => `MAP ${host} 127.0.0.1:${server.port}`), 'MAP * ~NOTFOUND'].join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
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
      // performance.memory without the coarse bucketing it has by default.
      '--enable-precise-memory-info',
    ],
  });
  const browserSession = await context.browser()!.newBrowserCDPSession();
  const listTargets = async () => (await browserSession.send('Target.getTargets')).targetInfos;
  let extensionId: string | undefined;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  const inWorker = async <T>(expression: string): Promise<T> => {
    const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId ?? '-'));
    if (!worker) throw new Error('the extension has no running service worker');
    return (await worker.evaluate(expression)) as T;
  };
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  return {
    context,
    browserSession,
    extensionId,
    inWorker,
    async openPopup(page) {
      for (const open of (await listTargets()).filter((t) => t.url === popupUrl && t.type === 'page')) {
        await browserSession.send('Target.closeTarget', { targetId: open.targetId }).catch(() => undefined);
      }
      await page.bringToFront();
      await inWorker('chrome.action.openPopup()');
      const target = await waitFor(
        async () => (await listTargets()).find((t) => t.url === popupUrl && t.type === 'page'),
        'the popup to open',
      );
      return attachTarget(browserSession, target.targetId);
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A target reached through the browser session (Playwright does not surface the popup). */
async function attachTarget(session: CDPSession, targetId: string): Promise<CdpTarget> {
  const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) pending.get(message.id)?.(message);
  };
  session.on('Target.receivedMessageFromTarget', onMessage);
  const call = (method: string, params: object) =>
    new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return {
    async call<T>(method: string, params: object = {}): Promise<T> {
      const reply = await call(method, params);
      if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
      return reply.result as T;
    },
    async evaluate<T>(expression: string): Promise<T> {
      const reply = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (reply.error) throw new Error(reply.error.message);
      const result = reply.result as { result: { value: T }; exceptionDetails?: { text: string } };
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
      return result.result.value;
    },
    async close() {
      session.off('Target.receivedMessageFromTarget', onMessage);
      await session.send('Target.closeTarget', { targetId }).catch(() => undefined);
    },
  };
}
