import { describe, expect, it } from 'vitest';
import { latestSignals, rowsToCompare, signalCount } from '../../../lib/shortlist/compare';
import { SAME_VISIT_MS, visitOf, withVisit } from '../../../lib/store/visits';
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

  it("takes the latest visit's assessment, the only one a history keeps", () => {
    const signals = (label: string) => ({ signals: [{ status: 'raised', label }] });
    let visits = withVisit([], visitOf(1, reading('ana', 10), {}, signals('first')));
    expect(latestSignals(visits)).toEqual({ raised: 1, checked: 1, labels: ['first'] });
    visits = withVisit(visits, visitOf(1 + 2 * SAME_VISIT_MS, reading('ana', 11), {}, signals('second')));
    expect(latestSignals(visits)).toEqual({ raised: 1, checked: 1, labels: ['second'] });
    // A latest visit saved without an assessment has no signals to show, whatever an earlier one had.
    visits = withVisit(visits, visitOf(1 + 4 * SAME_VISIT_MS, reading('ana', 12), {}));
    expect(latestSignals(visits)).toBeUndefined();
    expect(latestSignals([])).toBeUndefined();
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
