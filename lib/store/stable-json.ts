/**
 * JSON text that depends only on a value's content: object keys sorted (by UTF-16 code unit, the same in every
 * browser), `undefined` properties left out as JSON.stringify leaves them out. Two equal records always give the
 * same text, which is what lets export → import → export reproduce a backup byte for byte.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify gives undefined for undefined, functions and symbols; the store never holds those.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : stableStringify(item))).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/**
 * A copy of plain data with every -0 made 0. JSON has no -0 (it writes "0"), so a stored -0 would come back from
 * a backup as 0: storing 0 in the first place keeps export → import lossless.
 */
export function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNegativeZero(item)) as T;
  if (value !== null && typeof value === 'object') {
    // Object.fromEntries defines keys as own data properties: a "__proto__" key could not set a prototype.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNegativeZero(item)])) as T;
  }
  return value;
}
