/** The bench's figures, their targets, and the one table `npm run bench` prints. */
import { summarise, type Summary } from './stats';

export type Unit = 'ms' | 'B' | 'MB' | 'count';

export interface Target {
  /** The figure (its median) must be at most this. */
  max: number;
  /** The target as the issue states it. */
  label: string;
}

export interface Figure {
  section: string;
  name: string;
  unit: Unit;
  samples: number[];
  summary: Summary;
  target?: Target;
  /** True when the median meets the target; undefined when there is no target. */
  met?: boolean;
  note?: string;
}

/** Makes a figure from its samples, judging the median against the target if there is one. */
export function figure(
  section: string,
  name: string,
  unit: Unit,
  samples: readonly number[],
  target?: Target,
  note?: string,
): Figure {
  const summary = summarise(samples);
  return {
    section,
    name,
    unit,
    samples: [...samples],
    summary,
    ...(target ? { target, met: summary.median <= target.max } : {}),
    ...(note ? { note } : {}),
  };
}

function format(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 'B':
      return value.toLocaleString('en-US');
    case 'MB':
      return value.toFixed(1);
    case 'count':
      return String(Math.round(value));
    case 'ms':
      return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
  }
}

/** One table: figure, median, spread (min–max), runs, target and whether it is met. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'min–max', 'n', 'unit', 'target', ''];
  const rows: string[][] = [];
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      rows.push([`— ${section}`, '', '', '', '', '', '']);
    }
    const { median, min, max, n } = f.summary;
    rows.push([
      `  ${f.name}`,
      format(median, f.unit),
      n > 1 ? `${format(min, f.unit)}–${format(max, f.unit)}` : '',
      String(n),
      f.unit,
      f.target?.label ?? '',
      f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
    ]);
  }
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((r) => (r[0]!.startsWith('— ') && c === 0 ? 0 : r[c]!.length))),
  );
  const line = (cells: string[]) =>
    cells[0]!.startsWith('— ')
      ? cells[0]!
      : cells
          .map((cell, c) => (c === 0 || c >= 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
          .join('  ')
          .trimEnd();
  return [line(header), '-'.repeat(widths.reduce((a, b) => a + b + 2, 0)), ...rows.map(line)].join('\n');
}
