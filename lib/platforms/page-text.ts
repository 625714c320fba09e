/**
 * Text helpers the page side (collectors, in the content scripts) and the worker side (readers) share. Nothing
 * here parses counts, so a content script can import it without the count parser.
 */

/** Trims and folds white space; page text is kept short and plain. */
export function cleanText(text: string | null | undefined, max = 200): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Clean text, or undefined when nothing is left: what a capture records for a text the page may not show. */
export function shownText(text: string | null | undefined, max = 200): string | undefined {
  return cleanText(text, max) || undefined;
}

/** The page's language from `<html lang>`, defaulting to English as the sites do. */
export function pageLang(doc: Document): string {
  return cleanText(doc.documentElement.getAttribute('lang'), 35) || 'en';
}

/**
 * The page's address as a reading records it: origin and path, plus YouTube's `?v=` (what names a watch page, as
 * in samePage), without the fragment or any other query. Tracking parameters are neither kept nor able to push
 * the address past the schema's 2,000 characters, which would make the background drop the whole reading.
 */
export function readingUrl(url: URL): string {
  const out = new URL(url.pathname, url.origin);
  const v = url.searchParams.get('v');
  if (v !== null) out.searchParams.set('v', v);
  return out.href.slice(0, 2000);
}
