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
  // Built by appending, and keys sorted only when they are not in order already: a backup of 10,000 creators is
  // millions of values, and this is most of the time an export takes.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += `${i === 0 ? '' : ','}${item === undefined ? 'null' : stableStringify(item)}`;
    }
    return `${out}]`;
  }
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      break;
    }
  }
  let out = '{';
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${stableStringify(item)}`;
  }
  return `${out}}`;
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
