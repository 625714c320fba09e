/** Loads the saved pages in tests/fixtures as DOM documents at their real URLs, with the values MANIFEST.json lists. */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');

export interface ManifestEntry {
  file: string;
  platform: string;
  kind: string;
  state: string;
  url: string;
  lang: string;
  expect: Record<string, unknown>;
}

export const MANIFEST: ManifestEntry[] = (
  JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'MANIFEST.json'), 'utf8')) as { fixtures: ManifestEntry[] }
).fixtures;

export function manifestEntry(file: string): ManifestEntry {
  const entry = MANIFEST.find((e) => e.file === file);
  if (!entry) throw new Error(`${file} is not in MANIFEST.json`);
  return entry;
}

/** The saved page's HTML text. */
export function fixtureHtml(file: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
}

/** The saved page as a Document (scripts not run, as in the extension's view of a saved page). */
export function loadDocument(file: string, url: string): Document {
  return new JSDOM(fixtureHtml(file), { url }).window.document;
}

/** A document from inline HTML, for small hand-written cases. */
export function htmlDocument(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}
