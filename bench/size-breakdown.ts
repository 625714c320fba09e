/**
 * `npx tsx bench/size-breakdown.ts`: where a content script's gzip bytes go, measured rather than estimated.
 *
 * Builds the content scripts as shipped and with a collector that collects nothing (bench/wxt.config.ts
 * variants), and reports each script's gzip size: the difference is what the platform's collector costs in the
 * real minified bundle, and the second step (WXT's content-script runtime, the read loop and the messaging client)
 * is the floor no collector can go below while WXT wraps the script.
 */
import { buildExtension } from './build';
import { buildSizes } from './sizes';

export const STEPS: { label: string; variants: string[] }[] = [
  { label: 'as shipped', variants: [] },
  { label: 'without the collector (stub): the floor', variants: ['no-collector'] },
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
