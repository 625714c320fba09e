/**
 * Which language a creator writes in, guessed from the bio and captions — a deliberately small heuristic.
 *
 * Why not the page's `<html lang>`: on Instagram, TikTok, YouTube and X it is the site's interface language, which
 * follows the *viewer's* settings, so it says nothing about the creator or their audience.
 *
 * What it can tell: scripts that belong to one language (Japanese kana, Korean Hangul, Thai, Greek, Hebrew; Chinese
 * when Han characters come without kana), and, for Latin and Cyrillic text, eight languages told apart by how often
 * their most common short words appear. It says nothing when there is too little text or no clear signal, and
 * only names the script when a script is shared by several languages (Arabic, Devanagari, other Cyrillic).
 */
import { fold } from './text';

/** The base language of a BCP 47 tag, lower case ("pt-BR" → "pt", "zh-Hant-TW" → "zh"). */
export function baseLanguage(tag: string): string {
  return tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** True when two BCP 47 tags share a base language ("es" and "es-ES" do; "es" and "en" do not). */
export function sameBaseLanguage(a: string, b: string): boolean {
  const x = baseLanguage(a);
  return x !== '' && x === baseLanguage(b);
}

/** A language's English name ("es" → "Spanish"), or the tag itself when it has none. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag.trim());
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}

const words = (list: string) => list.split(' ');

/**
 * Very common short words, folded (lower case, no accents). Words shared by several languages count for each;
 * the words only one language uses decide. Kept short on purpose: a guess, shown as one.
 */
const COMMON_WORDS: Record<string, string[]> = {
  en: words(
    'the and is are of to my your you with for this that it on we our i me just at be was have from what so all love new here today',
  ),
  es: words(
    'el la los las y que en es por para con una del muy pero mas mi hoy esta este como todo gracias nuestro nuestra tu yo lo se al ya son',
  ),
  pt: words(
    'o os as e que nao com uma um para do da dos das no na em muito mais meu minha voce hoje obrigado obrigada isso esse essa tambem mas eu seu',
  ),
  fr: words(
    'le la les et est des une un pour avec dans sur pas je nous vous mon ma mes ce cette qui du au aux plus merci c j l d tout',
  ),
  de: words(
    'der die das und ist nicht mit ich du wir sie ein eine fur auf den dem von zu im auch heute mein meine sehr danke aus bei wie oder es sind',
  ),
  it: words(
    'il lo gli le e di che per con una un del della non sono mio mia molto anche oggi grazie questo questa nel alla tutto piu ho ma ci si dei',
  ),
  nl: words(
    'de het een en van is niet met ik je jij wij we voor op dat dit zijn ook maar naar bij vandaag mijn heel dank nog wat er te om jullie',
  ),
  ru: words(
    'и в не на я что с как это по но все так мы вы мой моя для от уже очень сегодня спасибо или еще он она был только если когда мне',
  ),
  uk: words('і в у на не я що з це як для та але ми ви мій моя від до так все ще або дуже вже сьогодні дякую про'),
};

const WORD_INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(COMMON_WORDS)) {
  for (const w of words) WORD_INDEX.set(w, [...(WORD_INDEX.get(w) ?? []), lang]);
}

/** What the bio and captions say about the creator's language. */
export interface TextLanguage {
  /** Base language codes the text is written in, most used first; empty when it could not be told. */
  languages: string[];
  /** A script shared by several languages, when that is all that could be told ("Arabic" → ar, fa, ur…). */
  script?: { name: string; languages: string[] };
  /** How the guess was made, in words. */
  evidence: string;
}

const SCRIPTS: Array<{ re: RegExp; name: string; lang?: string; shared?: string[] }> = [
  { re: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, name: 'Japanese kana', lang: 'ja' },
  { re: /\p{Script=Hangul}/u, name: 'Hangul', lang: 'ko' },
  { re: /\p{Script=Thai}/u, name: 'Thai', lang: 'th' },
  { re: /\p{Script=Greek}/u, name: 'Greek', lang: 'el' },
  { re: /\p{Script=Hebrew}/u, name: 'Hebrew', lang: 'he' },
  { re: /\p{Script=Arabic}/u, name: 'Arabic script', shared: ['ar', 'fa', 'ur', 'ps', 'ku'] },
  { re: /\p{Script=Devanagari}/u, name: 'Devanagari', shared: ['hi', 'mr', 'ne', 'sa'] },
  { re: /\p{Script=Cyrillic}/u, name: 'Cyrillic', shared: ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn'] },
  { re: /\p{Script=Han}/u, name: 'Chinese characters', lang: 'zh' },
  { re: /\p{Script=Latin}/u, name: 'Latin' },
];
/** A script counts once it makes up this share of the letters (and at least MIN_SCRIPT_LETTERS of them). */
const SCRIPT_SHARE = 0.2;
const MIN_SCRIPT_LETTERS = 10;
/** A language counts when its common words are this share of the words, and at least MIN_WORD_HITS of them. */
const WORD_SHARE = 0.1;
const MIN_WORD_HITS = 3;
/** A second language counts when it has at least this share of the first one's own words (bilingual captions). */
const SECOND_LANGUAGE_SHARE = 0.5;

// Hashtags, mentions and links are skipped: "#travel" in Spanish captions is not English writing.
const STRIP_RE = /https?:\/\/\S+|www\.\S+|[@#＃][\p{L}\p{M}\p{N}_.]+/gu;

interface WordHits {
  lang: string;
  /** Common words of this language, shared ones included. */
  hits: number;
  /** Common words only this language's list has — what tells Spanish from Portuguese, Russian from Ukrainian. */
  own: number;
  sample: string[];
}

function wordLanguages(words: string[]): WordHits[] {
  const hits = new Map<string, { hits: number; own: number; sample: Set<string> }>();
  for (const w of words) {
    const langs = WORD_INDEX.get(w) ?? [];
    for (const lang of langs) {
      const h = hits.get(lang) ?? { hits: 0, own: 0, sample: new Set<string>() };
      h.hits++;
      if (langs.length === 1) {
        h.own++;
        if (h.sample.size < 3 && w.length > 1) h.sample.add(w);
      }
      hits.set(lang, h);
    }
  }
  return [...hits.entries()]
    .map(([lang, h]) => ({ lang, hits: h.hits, own: h.own, sample: [...h.sample] }))
    .sort((a, b) => b.own - a.own || b.hits - a.hits);
}

/** Guesses the language(s) of the creator's own text (bio and captions); see the module comment for its limits. */
export function guessTextLanguage(texts: readonly string[]): TextLanguage {
  const text = texts.join('\n').replace(STRIP_RE, ' ');
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length < MIN_SCRIPT_LETTERS)
    return { languages: [], evidence: 'too little text in the bio and captions' };

  // Letters by script; Han is only Chinese when no kana is present (Japanese mixes both).
  const counts = new Map<string, number>();
  for (const c of letters) {
    const s = SCRIPTS.find((sc) => sc.re.test(c));
    if (s) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  }
  const present = SCRIPTS.filter((s) => {
    const n = counts.get(s.name) ?? 0;
    return n >= MIN_SCRIPT_LETTERS && n / letters.length >= SCRIPT_SHARE;
  });
  const hasKana = (counts.get('Japanese kana') ?? 0) > 0;

  const languages: string[] = [];
  const evidence: string[] = [];
  let shared: TextLanguage['script'];
  for (const s of present) {
    if (s.lang === 'zh' && hasKana) continue;
    if (s.lang) {
      languages.push(s.lang);
      evidence.push(`written in ${s.name}`);
    }
  }

  const words = text
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map(fold);
  const byWords = wordLanguages(words);
  const top = byWords[0];
  const latinOrCyrillic = present.some((s) => s.name === 'Latin' || s.name === 'Cyrillic');
  if (latinOrCyrillic && top && top.own > 0 && top.hits >= MIN_WORD_HITS && top.hits / words.length >= WORD_SHARE) {
    for (const w of byWords) {
      // A second language (bilingual captions) needs words of its own, not just words it shares with the first.
      if (w !== top && (w.own < MIN_WORD_HITS || w.own < top.own * SECOND_LANGUAGE_SHARE)) break;
      if (languages.includes(w.lang)) continue;
      languages.push(w.lang);
      const such = w.sample.length > 0 ? ` such as ${w.sample.map((x) => `"${x}"`).join(', ')}` : '';
      evidence.push(`${w.hits} common ${languageName(w.lang)} words${such}`);
    }
  }
  if (languages.length === 0) {
    const s = present.find((p) => p.shared);
    if (s?.shared) {
      shared = { name: s.name, languages: s.shared };
      evidence.push(`written in ${s.name}, which several languages use`);
    } else {
      evidence.push('no clear sign of a language in the bio and captions');
    }
  }
  return { languages, ...(shared ? { script: shared } : {}), evidence: evidence.join('; ') };
}
