/**
 * Reading YouTube's count texts, in the worker (this needs the count parser): they come with words around the
 * number ("1.65M subscribers", "4,69 M de suscriptores", "127.696 visualizaciones", "like this video along with
 * 7,373 other people"), in the page's language, and a channel header or a video's metadata line mixes several of
 * them with no label saying which is which. These helpers find the count in such a text and tell subscriber,
 * video and view texts apart.
 */
import { readCount } from '../../count';
import type { CountField, CountSource } from '../../reading';
import { countFromText } from '../fields';
import { cleanText } from '../page-text';
import { handleOfPart, headerParts } from './header';

/**
 * A count field from a YouTube text that may carry words around the number. The whole text is tried first; when
 * the count parser does not read it, the longest run of words that starts at the number is tried ("4,69 M de
 * suscriptores" → "4,69 M de" → "4,69 M"), so the reading does not depend on the parser knowing every label
 * word. The field keeps the whole text as shown.
 */
export function countInText(
  text: string | null | undefined,
  lang: string,
  source: CountSource,
  what: string,
): CountField {
  const shown = cleanText(text);
  const whole = countFromText(shown, lang, source, what);
  if (whole.status !== 'unknown' || !shown) return whole;
  const words = shown.split(' ');
  const first = words.findIndex((w) => DIGIT.test(w));
  if (first < 0) return whole;
  // Numbers after the count's own words would be another count (a date, a duration): stop before them.
  const nextNumber = words.findIndex((w, i) => i > first && DIGIT.test(w));
  const last = nextNumber < 0 ? words.length : nextNumber;
  for (let end = last; end > first; end--) {
    const part = countFromText(words.slice(first, end).join(' '), lang, source, what);
    if (part.status === 'known') return { ...part, text: shown };
  }
  return whole;
}

// Any script's digits (Arabic pages write "١٢٬٣٤٥"), with the separators languages group them by.
const NUMBER_RUN = /\p{Nd}[\p{Nd}.,'’\u00a0\u202f\u066b\u066c ]*\p{Nd}|\p{Nd}/u;
const DIGIT = /\p{Nd}/u;

/**
 * The exact integer in a text that spells out a whole count ("127.696 visualizaciones", "68,828 views", "like
 * this video along with 7,373 other people"), or undefined when the text holds no such number. The first number
 * in the text is read in the page's language, so "1.077.715" is a count in Spanish and not in English; a number
 * followed by a unit ("7,3 K", "1 mil") is an abbreviation and gives undefined.
 */
export function exactInteger(text: string | null | undefined, lang: string): number | undefined {
  const clean = cleanText(text, 2000);
  const match = NUMBER_RUN.exec(clean);
  const run = match?.[0];
  if (!match || !run) return undefined;
  // "7,3 K" or "1 mil" is an abbreviation, not the integer before its unit.
  const unit = /^\s*([^\s\p{Nd}]+)/u.exec(clean.slice(match.index + run.length))?.[1];
  if (unit && [`${run}${unit}`, `${run} ${unit}`].some((t) => readCount(t, lang)?.exact === false)) return undefined;
  const parsed = readCount(run, lang);
  return parsed?.exact ? parsed.value : undefined;
}

// Label words in the languages YouTube is most used in; a text is classified by them first and by its position
// only when no word matched (see classifyHeaderTexts).
const SUBSCRIBER_WORDS =
  /subscri|suscript|abonn|assinant|iscritt|подписч|підписник|订阅|訂閱|登録者|구독자|abone|subskryb|abonent|pengikut|người đăng ký|ผู้ติดตาม|مشترك|מנוי|feliratkoz|prenumerant|συνδρομητ/i;
const VIDEO_WORDS = /v[ií]d[eé]?o|видео|відео|動画|视频|影片|동영상|wideo|فيديو|סרטונ|βίντεο/i;
const VIEW_WORDS =
  /\bviews?\b|visualiza|vistas|reproducciones|aufrufe|\bvues?\b|visualizzazion|weergaven|wyświetle|просмотр|переглян|görüntüleme|zhlédnutí|megtekintés|visningar|visninger|näyttökert|προβολ|צפיות|مشاهد|回視聴|次观看|次觀看|조회수|lượt xem|การดู|ditonton|tayangan/i;
/** Concurrent viewers of a live stream or people waiting for a premiere: not views. */
const WATCHING_WORDS =
  /watching|waiting|viendo|esperando|assistindo|aguardando|zuschauer|wartend|spectateurs|en attente|spettatori|смотрят|視聴中|待機|正在观看|시청 중|대기/i;
const TIME_WORDS =
  /\bago\b|hace\b|\bvor\b|il y a|\bhá\b|\bfa\b|geleden|\btemu\b|назад|önce|前|전$|trước|yang lalu|streamed|emitido|transmitido|premiered|estrenad|\b(?:19|20)\d{2}\b/i;

/** True for a concurrent-viewers text ("1.2K watching"), which is not a view count. */
export function isWatchingText(text: string): boolean {
  return WATCHING_WORDS.test(text);
}

/**
 * The view-count text among a video's metadata texts (views and date, in an order that varies by layout): the
 * one with a views word, else the first number that is neither a date nor a viewer count.
 */
export function pickViewText(texts: readonly string[]): string | undefined {
  const clean = texts.map((t) => cleanText(t)).filter(Boolean);
  return (
    clean.find((t) => VIEW_WORDS.test(t) && !WATCHING_WORDS.test(t)) ??
    clean.find((t) => /^\d/.test(t) && !TIME_WORDS.test(t) && !WATCHING_WORDS.test(t))
  );
}

/** A channel header's texts told apart: the @handle (without "@"), the subscriber text and the video-count text. */
export interface HeaderTexts {
  handle?: string;
  subscribers?: string;
  videos?: string;
}

/**
 * Sorts a channel header's metadata texts ("@MLB", "4.14M subscribers", "287K videos") by what they count. Texts
 * may hold several parts joined by "•"; label words decide first, and the order handle · subscribers · videos
 * only when both counts are unlabelled (a channel that hides its subscribers shows one count, which is then left
 * unclassified rather than guessed).
 */
export function classifyHeaderTexts(texts: readonly string[]): HeaderTexts {
  const out: HeaderTexts = {};
  const numeric: string[] = [];
  for (const part of headerParts(texts)) {
    const handle = handleOfPart(part);
    if (handle) {
      out.handle ??= handle;
    } else if (SUBSCRIBER_WORDS.test(part) && /\d/.test(part)) {
      out.subscribers ??= part;
    } else if (VIDEO_WORDS.test(part) && /\d/.test(part)) {
      out.videos ??= part;
    } else if (/^\d/.test(part)) {
      numeric.push(part);
    }
  }
  if (!out.subscribers && !out.videos && numeric.length === 2) {
    [out.subscribers, out.videos] = numeric;
  } else if (numeric.length === 1 && (out.subscribers ? !out.videos : out.videos)) {
    if (out.subscribers) out.videos = numeric[0];
    else out.subscribers = numeric[0];
  }
  return out;
}
