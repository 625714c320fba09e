/**
 * Side-by-side comparison of a few shortlisted creators: the figures the table holds, plus the authenticity
 * signals of each creator's latest saved assessment (latest-assessment.ts, which needs lib/assess and so is kept
 * out of this module: the shortlist page's first bundle imports this one).
 */
import type { ShortlistRow } from '../store/repo';

/** Most creators compared at once: four columns still fit a laptop screen side by side. */
export const MAX_COMPARE = 4;

/** How many authenticity signals the latest assessment raised, out of how many it could check. */
export interface SignalCount {
  raised: number;
  checked: number;
  /** Labels of the raised ones, as the assessment worded them. */
  labels: string[];
}

/**
 * Counts the signals of an assessment. Stored assessments (in records written before the settings were kept
 * instead) are JSON the store does not interpret (an older version's, or a hand-edited backup's), so anything not
 * shaped like `{ signals: [{ status, label }] }` gives undefined ("no assessment saved") instead of a wrong count.
 */
export function signalCount(assessment: unknown): SignalCount | undefined {
  if (typeof assessment !== 'object' || assessment === null) return undefined;
  const signals = (assessment as { signals?: unknown }).signals;
  if (!Array.isArray(signals)) return undefined;
  const result: SignalCount = { raised: 0, checked: 0, labels: [] };
  for (const signal of signals) {
    if (typeof signal !== 'object' || signal === null) continue;
    const { status, label } = signal as { status?: unknown; label?: unknown };
    if (status === 'raised') {
      result.raised++;
      result.checked++;
      if (typeof label === 'string') result.labels.push(label);
    } else if (status === 'clear') result.checked++;
  }
  return result;
}

/** The rows to compare: the selected ones in table order, at most {@link MAX_COMPARE}; undefined if too many. */
export function rowsToCompare(
  shown: readonly ShortlistRow[],
  all: readonly ShortlistRow[],
  selected: ReadonlySet<string>,
): ShortlistRow[] | undefined {
  if (selected.size > MAX_COMPARE) return undefined;
  const picked = shown.filter((r) => selected.has(r.entry.key));
  // Selected rows hidden by the current filter are still compared, after the shown ones.
  for (const row of all) if (selected.has(row.entry.key) && !picked.includes(row)) picked.push(row);
  return picked;
}
