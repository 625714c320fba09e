import { describe, expect, it } from 'vitest';
import { latestSignals, rowsToCompare, signalCount } from '../../../lib/shortlist/compare';
import type { SnapshotRecord } from '../../../lib/store/schema';
import { reading } from '../store/helpers';
import { row } from './rows';

describe('signalCount', () => {
  it('counts raised and checked signals, leaving out those that could not be checked', () => {
    const count = signalCount({
      signals: [
        { id: 'low-engagement', status: 'raised', label: 'Low engagement' },
        { id: 'few-posts', status: 'clear', label: 'Few posts' },
        { id: 'inactive', status: 'not-checked', label: 'Inactive' },
        { id: 'uniform-likes', status: 'raised', label: 'Uniform likes' },
      ],
    });
    expect(count).toEqual({ raised: 2, checked: 3, labels: ['Low engagement', 'Uniform likes'] });
  });

  it('gives undefined for anything not shaped like an assessment', () => {
    expect(signalCount(undefined)).toBeUndefined();
    expect(signalCount('x')).toBeUndefined();
    expect(signalCount({ signals: 'many' })).toBeUndefined();
    expect(signalCount({ signals: [null, 3, { status: 'weird' }] })).toEqual({ raised: 0, checked: 0, labels: [] });
  });

  it('takes the latest snapshot that has an assessment', () => {
    const snap = (at: number, assessment?: unknown): SnapshotRecord => ({
      creatorKey: 'instagram:ana',
      at,
      reading: reading('ana', 10),
      ...(assessment === undefined ? {} : { assessment }),
    });
    const list = [snap(1, { signals: [{ status: 'raised', label: 'old' }] }), snap(2, { signals: [] }), snap(3)];
    expect(latestSignals(list)).toEqual({ raised: 0, checked: 0, labels: [] });
    expect(latestSignals([snap(1)])).toBeUndefined();
  });
});

describe('rowsToCompare', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'].map((handle) => row({ handle }));
  const key = (i: number) => rows[i]!.entry.key;

  it('takes the selected rows in table order, then selected rows the filter hides', () => {
    const shown = [rows[2]!, rows[0]!];
    const picked = rowsToCompare(shown, rows, new Set([key(0), key(2), key(4)]));
    expect(picked?.map((r) => r.creator.handle)).toEqual(['c', 'a', 'e']);
  });

  it('refuses more than four', () => {
    expect(rowsToCompare(rows, rows, new Set(rows.map((r) => r.entry.key)))).toBeUndefined();
  });
});
