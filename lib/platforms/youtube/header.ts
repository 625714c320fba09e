/**
 * The @handle in a channel header, which both halves need: the page to tell whether the header shows the URL's
 * channel yet (isReady), the reader to attribute the counts beside it (text.ts classifyHeaderTexts).
 */
import { cleanText } from '../page-text';
import type { YouTubeHeader } from './capture';

/** A header's metadata texts split into their parts: one text may hold several joined by "•". */
export function headerParts(texts: readonly string[]): string[] {
  return texts.flatMap((t) => cleanText(t).split(/\s*[•‧·|]\s*/)).filter(Boolean);
}

/** The handle (without "@") a header part spells ("@MLB"), or undefined for any other part. */
export function handleOfPart(part: string): string | undefined {
  return /^@([^\s@/?#]{1,100})$/.exec(part)?.[1];
}

/** The handle a rendered header shows, in either layout. */
export function headerHandle(header: YouTubeHeader): string | undefined {
  return header.metadata ? headerParts(header.metadata).map(handleOfPart).find(Boolean) : header.handle;
}
