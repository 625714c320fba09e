/** Size experiment (not product code): lib/count.ts's exports as stubs, to measure what the parser costs. */
import type { CountReading } from '../../lib/count';

export function readCount(text: string): CountReading | null {
  const value = Number(text);
  return Number.isFinite(value) ? { value, exact: true, min: value, max: value } : null;
}

export function parseCount(text: string): number | null {
  return readCount(text)?.value ?? null;
}
