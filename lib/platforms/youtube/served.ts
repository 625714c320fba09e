/**
 * The `ytInitialData` the server sent with the page, as the page side sees it: found cheaply, never parsed here.
 *
 * The script is 0.2–0.9 MB of JSON; parsing it took 18–75 ms in the page, so the collector sends its text and the
 * reader parses it in the worker (page-data.ts). Two page-side questions need only a few look-ups of the keys
 * that name the page the data is about (the same keys the reader matches on, see page-data.ts channelData):
 * - readiness: while a served page renders, is the data about the URL's channel or video?
 * - is the text worth sending? YouTube never replaces the script, so after in-app navigation it is about a page
 *   no longer shown, which the reader would ignore — and serialising 0.5 MB into a message costs the page
 *   ~10 ms. A text is left out only when it names another channel or video; one that names nothing the page
 *   recognises is sent, and the reader checks the parsed data fully either way.
 */
import { LIMITS } from './limits';
import { type ChannelRef, channelFromHref, sameChannel } from './urls';

const NAME = 'ytInitialData';

/**
 * True when a script assigns ytInitialData (`var ytInitialData = ` or `window["ytInitialData"] = `), judged
 * from the characters around each mention: the page's other scripts only read it.
 */
function assignsInitialData(text: string): boolean {
  for (let at = text.indexOf(NAME); at >= 0; at = text.indexOf(NAME, at + NAME.length)) {
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + NAME.length, at + NAME.length + 12);
    if (/\bvar\s+$/.test(before) ? /^\s*=/.test(after) : /window\[\s*["']$/.test(before) && /^["']\s*]\s*=/.test(after))
      return true;
  }
  return false;
}

// Readiness is checked on every burst of DOM changes while a page renders, and a script keeps its text after
// in-app navigation: each script's text is searched once.
const assigning = new WeakMap<Element, { text: string; assigns: boolean }>();

/** The texts of the page's inline scripts that assign ytInitialData, in page order. */
export function initialDataTexts(doc: Document): string[] {
  const out: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    let seen = assigning.get(script);
    if (seen?.text !== text) {
      seen = { text, assigns: text.length <= LIMITS.pageData && assignsInitialData(text) };
      assigning.set(script, seen);
    }
    if (seen.assigns) out.push(text);
    if (out.length >= LIMITS.scripts) break;
  }
  return out;
}

/** The JSON string after the first `opener` (`"key":"`) within 50,000 characters after `from` (an object's start). */
function stringAfter(text: string, opener: string, from: number): string | undefined {
  const at = from < 0 ? -1 : text.indexOf(opener, from);
  // A channel's description comes before its ids and can be long, but not this long.
  if (at < 0 || at - from > 50_000) return undefined;
  const start = at + opener.length;
  const end = text.indexOf('"', start);
  return end > start && end - start <= 200 ? text.slice(start, end) : undefined;
}

/** The ways a served text names its channel, and whether it holds the channel header. */
interface ServedChannel {
  refs: ChannelRef[];
  header: boolean;
}

function channelIn(text: string): ServedChannel {
  const meta = text.indexOf('"channelMetadataRenderer":{');
  const c4 = text.indexOf('"c4TabbedHeaderRenderer":{');
  const id = stringAfter(text, '"externalId":"', meta) ?? stringAfter(text, '"channelId":"', c4);
  const refs = [
    stringAfter(text, '"vanityChannelUrl":"', meta),
    stringAfter(text, '"ownerUrls":["', meta),
    stringAfter(text, '"canonicalBaseUrl":"', c4),
  ].flatMap((href) => channelFromHref(href) ?? []);
  const handle = stringAfter(text, '"channelHandleText":{"runs":[{"text":"@', c4);
  if (handle) refs.push({ by: 'handle', value: handle });
  if (id) refs.push({ by: 'id', value: id });
  return { refs, header: c4 >= 0 || text.includes('"pageHeaderRenderer":{') };
}

/** The video a served text is about (a watch page's or a Short's). */
function videoIn(text: string): string | undefined {
  for (const key of ['"currentVideoEndpoint":{', '"replacementEndpoint":{']) {
    const at = text.indexOf(key);
    const id = at < 0 ? undefined : /"videoId":"([\w-]{11})"/.exec(text.slice(at, at + 2000))?.[1];
    if (id) return id;
  }
  return undefined;
}

/**
 * `look` memoised on the last text: every readiness check and capture of a page looks at the same text, which
 * also stays the same after in-app navigation.
 */
function lastOf<T>(look: (text: string) => T): (text: string) => T {
  let last: { text: string; found: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, found: look(text) };
    return last.found;
  };
}

const servedChannelOf = lastOf(channelIn);
const servedVideoOf = lastOf(videoIn);

/**
 * What the served data says about the channel `ref` names: undefined when it is not about it; else the handle
 * it gives the channel and whether it holds the channel header.
 */
export function servedChannel(
  texts: readonly string[],
  ref: ChannelRef,
): { handle?: string; header: boolean } | undefined {
  for (const text of texts) {
    const { refs, header } = servedChannelOf(text);
    if (refs.some((r) => sameChannel(r, ref))) return { handle: refs.find((r) => r.by === 'handle')?.value, header };
  }
  return undefined;
}

/** True when the served data is about the video `id` (a watch page's or a Short's). */
export function servesVideo(texts: readonly string[], id: string): boolean {
  return texts.some((text) => servedVideoOf(text) === id);
}

/**
 * The texts worth sending for the channel `ref` names (or, without `ref`, for the video `id`): those about it, and
 * those that name no channel or video the look-ups recognise.
 */
export function textsFor(texts: readonly string[], ref: ChannelRef | undefined, id?: string): string[] {
  return texts.filter((text) => {
    if (ref) {
      const { refs } = servedChannelOf(text);
      return refs.some((r) => sameChannel(r, ref)) || (refs.length === 0 && servedVideoOf(text) === undefined);
    }
    const video = servedVideoOf(text);
    return video === id || (video === undefined && servedChannelOf(text).refs.length === 0);
  });
}
