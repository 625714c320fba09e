/** The saved real pages the bench reads: every page MANIFEST.json lists, with the URL it was saved from. */
import fs from 'node:fs';
import path from 'node:path';
import { READERS } from '../lib/platforms';
import type { PlatformReader } from '../lib/platforms/platform';
import type { Platform } from '../lib/reading';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../tests/fixtures');

export interface SavedPage {
  file: string;
  platform: Platform;
  kind: string;
  url: string;
  bytes: number;
  reader: PlatformReader;
}

/** Every saved page in MANIFEST.json (hand-written `synthetic-…` pages are not listed there and not timed). */
export function savedPages(): SavedPage[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'MANIFEST.json'), 'utf8')) as {
    fixtures: { file: string; platform: Platform; kind: string; url: string }[];
  };
  return manifest.fixtures.map(({ file, platform, kind, url }) => {
    const reader = READERS[platform];
    if (!reader) throw new Error(`no reader for ${platform} (${file})`);
    return { file, platform, kind, url, bytes: fs.statSync(path.join(FIXTURES_DIR, file)).size, reader };
  });
}

export function pageHtml(page: SavedPage): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, page.file), 'utf8');
}
