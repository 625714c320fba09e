/**
 * Word lists as people type them into the campaign form: niche keywords, words to avoid, languages, locations.
 * Items are separated by commas, semicolons or new lines, so "travel, food" and one word per line both work.
 */

/** Splits typed text into items: trimmed, inner white space folded, empty items dropped. Order is kept. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item !== '');
}

/**
 * `list` with the items in `text` appended, each once: an item already present (ignoring case) is skipped and the
 * first spelling kept, so adding "Travel" to ["travel"] changes nothing.
 */
export function addToList(list: readonly string[], text: string): string[] {
  const seen = new Set(list.map((item) => item.toLowerCase()));
  const out = [...list];
  for (const item of splitList(text)) {
    const folded = item.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push(item);
  }
  return out;
}

/** Typed text as a clean list: {@link splitList} without repeats (ignoring case). */
export function parseList(text: string): string[] {
  return addToList([], text);
}

/** A list as one line of text, the way {@link parseList} reads it back: "travel, food". */
export function listToText(items: readonly string[]): string {
  return items.join(', ');
}
