/** What `npm run inspect` prints for a page: its reading and assessment, as the extension would make them. */
import { DEFAULT_SETTINGS, type AssessSettings } from './assess';
import { assessReading } from './background/tab-assessment';
import type { TabState } from './background/tab-state';
import { readerForUrl } from './platforms';

/** The reading and assessment of a document at a URL, or undefined when no reader handles the URL's host. */
export function inspectPage(
  doc: Document,
  url: URL,
  settings: AssessSettings = DEFAULT_SETTINGS,
  now = Date.now(),
): TabState | undefined {
  const reader = readerForUrl(url);
  if (!reader) return undefined;
  return assessReading(reader.read(doc, url, now), settings);
}
