/** Taking a page's capture, as the content script does: never throws into the page. */
import type { PageCapture } from '../capture';
import type { PageCollector } from './platform';
import { cleanText, pageLang, readingUrl } from './page-text';

export function capturePage<Data>(
  collector: PageCollector<Data>,
  doc: Document,
  url: URL,
  now: number,
): PageCapture<Data | undefined> {
  const envelope = { platform: collector.platform, url: readingUrl(url), lang: pageLang(doc), readAt: now };
  try {
    return { ...envelope, data: collector.collect(doc, url) };
  } catch (error) {
    // A collector bug must never break the page: the reader reports it as the reason nothing was read.
    return { ...envelope, data: undefined, problem: cleanText(error instanceof Error ? error.message : 'error', 300) };
  }
}
