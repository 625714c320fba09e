/**
 * `npx tsx bench/size-breakdown.ts`: where a content script's gzip bytes go, measured rather than estimated.
 *
 * Builds the extension several times (bench/wxt.config.ts variants), each removing one more part, and reports
 * each content script's gzip size after each step; the difference between two steps is what that part costs in
 * the real minified bundle. The last step (nothing but WXT's content-script runtime and a stub reader) is the
 * floor no reader can go below while WXT wraps the script.
 */
import { buildExtension } from './build';
import { buildSizes } from './sizes';

export const STEPS: { label: string; variants: string[] }[] = [
  { label: 'as shipped', variants: [] },
  { label: 'without webextension-polyfill', variants: ['no-polyfill'] },
  { label: '… and a 30-line messaging client', variants: ['no-polyfill', 'lean-messaging'] },
  { label: '… and no count parser (stub)', variants: ['no-polyfill', 'lean-messaging', 'no-count'] },
  { label: '… and no reader (stub)', variants: ['no-polyfill', 'lean-messaging', 'no-count', 'no-reader'] },
];

export interface BreakdownRow {
  label: string;
  variants: string[];
  gzip: Record<string, number>;
  raw: Record<string, number>;
}

/** Builds every step and returns each content script's sizes per step. */
export function sizeBreakdown(): BreakdownRow[] {
  return STEPS.map(({ label, variants }, i) => {
    const dir = buildExtension(`.output/bench-breakdown-${i}`, ['content-scripts-only', ...variants]);
    const { contentScripts } = buildSizes(dir);
    const name = (file: string) => file.replace(/^content-scripts\//, '').replace(/\.js$/, '');
    return {
      label,
      variants,
      gzip: Object.fromEntries(contentScripts.map((f) => [name(f.file), f.gzip])),
      raw: Object.fromEntries(contentScripts.map((f) => [name(f.file), f.raw])),
    };
  });
}

/** The breakdown as a text table: gzip bytes per step, and what each step removed. */
export function formatBreakdown(rows: readonly BreakdownRow[]): string {
  const scripts = Object.keys(rows[0]?.gzip ?? {});
  const header = ['step', ...scripts.flatMap((s) => [`${s} gzip`, 'Δ'])];
  const lines = rows.map((row, i) => [
    row.label,
    ...scripts.flatMap((s) => {
      const prev = rows[i - 1]?.gzip[s];
      const now = row.gzip[s] ?? 0;
      return [String(now), prev === undefined ? '' : String(now - prev)];
    }),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [fmt(header), ...lines.map(fmt)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatBreakdown(sizeBreakdown()));
}
