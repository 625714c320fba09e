/**
 * Serves the saved pages in tests/fixtures over local HTTPS under their real URLs (from MANIFEST.json), so that
 * Chromium, with the real host names mapped to this server, runs the content scripts on their real match patterns.
 *
 * Pages are served with `script-src 'none'`: the saved DOM is what a person saw, and the site's own scripts
 * (which cannot reach their servers here) must not rewrite it. Content scripts are not subject to page CSP.
 */
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');

export interface ManifestEntry {
  file: string;
  platform: string;
  kind: string;
  url: string;
  lang: string;
  expect: Record<string, unknown>;
}

export function loadManifest(): ManifestEntry[] {
  return (
    JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'MANIFEST.json'), 'utf8')) as { fixtures: ManifestEntry[] }
  ).fixtures;
}

/** Page key: host + path without trailing slash (+ ?v= for YouTube watch pages). */
function pageKey(url: URL): string {
  const v = url.searchParams.get('v');
  return `${url.host}${url.pathname.replace(/\/+$/, '')}${v ? `?v=${v}` : ''}`;
}

export interface FixtureServer {
  port: number;
  /** Serve `file` (relative to tests/fixtures) at `url`, in addition to the manifest's pages. */
  route(url: string, file: string): void;
  /** Every request the server received, for asserting what was (not) fetched. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, string>();
  for (const entry of loadManifest()) routes.set(pageKey(new URL(entry.url)), entry.file);
  const requests: string[] = [];
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }]);
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    requests.push(url.href);
    const file = routes.get(pageKey(url));
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not a saved page');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'",
      'cache-control': 'no-store',
    });
    res.end(fs.readFileSync(path.join(FIXTURES_DIR, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    route: (url, file) => routes.set(pageKey(new URL(url)), file),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
