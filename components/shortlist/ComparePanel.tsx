import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ShortlistRow, Visit } from '../../lib/store';
import type { SignalCount } from '../../lib/shortlist/compare';
// Recomputes the latest assessment from the stored reading and settings, so it brings all of lib/assess: fine here,
// as the page loads this panel only when a comparison opens (or preloads it after the first rows).
import { latestSignals } from '../../lib/shortlist/latest-assessment';
import { PLATFORM_LABELS } from '../format';
import { Followers, LastSeen, Missing, ProfileLink } from './ShortlistTable';
import { engagementText, fitText, priceText, statusLabel, tierLabel } from './format';

interface Props {
  rows: readonly ShortlistRow[];
  now: number;
  loadHistory: (creatorKey: string) => Promise<Visit[]>;
  onClose: () => void;
}

type Signals = SignalCount | 'none' | 'loading' | 'error';

/** Up to four creators side by side: one column each, one row per figure. */
export function ComparePanel({ rows, now, loadHistory, onClose }: Props) {
  const [signals, setSignals] = useState<Record<string, Signals>>({});
  const keys = rows.map((r) => r.creator.key).join('\n');
  useEffect(() => {
    let current = true;
    const loading: Record<string, Signals> = {};
    for (const row of rows) loading[row.creator.key] = 'loading';
    setSignals(loading);
    for (const row of rows) {
      loadHistory(row.creator.key)
        .then(latestSignals)
        .then(
          (found) => current && setSignals((s) => ({ ...s, [row.creator.key]: found ?? 'none' })),
          () => current && setSignals((s) => ({ ...s, [row.creator.key]: 'error' })),
        );
    }
    return () => {
      current = false;
    };
  }, [keys, loadHistory]); // `rows` is a new array each render; `keys` says when it really changed.

  const line = (label: string, cell: (row: ShortlistRow) => ComponentChildren) => (
    <tr>
      <th scope="row">{label}</th>
      {rows.map((r) => (
        <td key={r.entry.key}>{cell(r)}</td>
      ))}
    </tr>
  );
  const or = (text: string | undefined) => text ?? <Missing />;
  const signalCell = (row: ShortlistRow) => {
    const s = signals[row.creator.key];
    if (s === undefined || s === 'loading') return '…';
    if (s === 'error') return 'could not load';
    if (s === 'none') return <Missing label="no assessment saved" />;
    return (
      <span title={s.labels.join('; ')}>
        {s.raised} raised of {s.checked} checked
        {s.labels.length > 0 && <span class="signal-labels">{s.labels.join('; ')}</span>}
      </span>
    );
  };
  return (
    <section class="side-panel compare" aria-labelledby="compare-title">
      <header class="panel-head">
        <h2 id="compare-title">Compare {rows.length} creators</h2>
        <button type="button" class="close" onClick={onClose} aria-label="Close the comparison">
          ×
        </button>
      </header>
      <div class="compare-scroll" tabIndex={0} role="region" aria-label="Comparison table">
        <table class="compare-table">
          <thead>
            <tr>
              <td />
              {rows.map((r) => (
                <th key={r.entry.key} scope="col">
                  <ProfileLink row={r} />
                  <span class="muted block">{PLATFORM_LABELS[r.creator.platform]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {line('Followers', (r) => (
              <Followers row={r} />
            ))}
            {line('Engagement', (r) => or(engagementText(r.creator.summary.engagementRate)))}
            {line('Tier', (r) => or(tierLabel(r.creator.summary.tier)))}
            {line('Fit', (r) => or(fitText(r.creator.summary.fitScore)))}
            {line('Price / post', (r) => or(priceText(r.creator.summary)))}
            {line('Signals', signalCell)}
            {line('Status', (r) => statusLabel(r.entry.status))}
            {line('Campaign', (r) => r.campaign?.name ?? r.entry.campaignId)}
            {line('Last seen', (r) => (
              <LastSeen row={r} now={now} />
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">Signals are checks on the public numbers, worth a closer look when raised — not a verdict.</p>
    </section>
  );
}
