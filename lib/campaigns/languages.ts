/**
 * Audience languages as people type them — a code ("es", "pt-BR") or an English name ("Spanish") — stored as
 * canonical BCP 47 tags, which is what the fit score compares with.
 */

/** What a list of typed languages came to: canonical tags, or the first one that is not a language. */
export type LanguagesInput = { ok: true; value: string[] } | { ok: false; error: string };

let names: Map<string, string> | undefined;
const displayNames = () => new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** English language name (folded) → two-letter code, built once from the browser's own CLDR data. */
function codesByName(): Map<string, string> {
  if (names) return names;
  names = new Map();
  const display = displayNames();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) {
    for (const b of letters) {
      const name = display.of(a + b);
      if (name && name !== a + b && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), a + b);
    }
  }
  return names;
}

/** True when the browser knows the tag's base language by name (so "qq" or "xyz" are refused). */
function knownBase(tag: string): boolean {
  const base = tag.split('-')[0] ?? '';
  try {
    const name = displayNames().of(base);
    return name !== undefined && name.toLowerCase() !== base.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * The canonical tag for a typed language — "Spanish" → "es", "pt_br" → "pt-BR", "EN" → "en" — or undefined
 * when it is neither a language name nor a known language code.
 */
export function languageTag(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const byName = codesByName().get(t.toLowerCase());
  if (byName) return byName;
  try {
    const [tag] = Intl.getCanonicalLocales(t.replace(/_/g, '-'));
    return tag && tag.length <= 35 && knownBase(tag) ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** A tag as shown on a chip: "Spanish (es)"; the tag alone when the browser has no name for it. */
export function languageLabel(tag: string): string {
  try {
    const name = displayNames().of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** Typed languages as canonical tags, each once, or a message naming the first that is not a language. */
export function checkLanguages(items: readonly string[]): LanguagesInput {
  const out: string[] = [];
  for (const item of items) {
    const tag = languageTag(item);
    if (!tag) {
      return {
        ok: false,
        error: `"${item.slice(0, 40)}" is not a language Creator Scout knows. Use a code like es or pt-BR, or an English name like Spanish.`,
      };
    }
    if (!out.includes(tag)) out.push(tag);
  }
  if (out.length > 50) return { ok: false, error: `At most 50 languages (there are ${out.length}).` };
  return { ok: true, value: out };
}
