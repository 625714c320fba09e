import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SORT,
  isFirstRowsView,
  tableRows,
  defaultDirection,
  filterRows,
  foldText,
  keepSelected,
  matchesFilter,
  nextSort,
  selectionState,
  sortKey,
  sortRows,
  tagsIn,
  viewRows,
  SORT_COLUMNS,
  type SortSpec,
} from '../../../lib/shortlist/view';
import { T0, manyRows, row } from './rows';

const handles = (rows: { creator: { handle: string } }[]) => rows.map((r) => r.creator.handle);

describe('filterRows', () => {
  const rows = [
    row({ handle: 'ana', platform: 'tiktok', status: 'contacted', tags: ['VIP', 'travel'], campaignId: 'c1' }),
    row({ handle: 'bob', platform: 'instagram', displayName: 'José Müller', notes: 'Asked for a media kit' }),
    row({ handle: 'cara', platform: 'youtube', status: 'booked', tags: ['food'], campaignId: 'c2' }),
  ];

  it('keeps every row with an empty filter', () => {
    expect(handles(filterRows(rows, {}))).toEqual(['ana', 'bob', 'cara']);
  });

  it('filters by platform, status, campaign and tag (tags ignore case)', () => {
    expect(handles(filterRows(rows, { platform: 'youtube' }))).toEqual(['cara']);
    expect(handles(filterRows(rows, { status: 'contacted' }))).toEqual(['ana']);
    expect(handles(filterRows(rows, { campaignId: 'c2' }))).toEqual(['cara']);
    expect(handles(filterRows(rows, { tag: 'vip' }))).toEqual(['ana']);
    expect(handles(filterRows(rows, { tag: 'vi' }))).toEqual([]);
    expect(handles(filterRows(rows, { platform: 'tiktok', status: 'booked' }))).toEqual([]);
  });

  it('searches handle, display name, notes and tags, ignoring case and accents, every word', () => {
    expect(handles(filterRows(rows, { search: 'jose' }))).toEqual(['bob']);
    expect(handles(filterRows(rows, { search: 'MULLER' }))).toEqual(['bob']);
    expect(handles(filterRows(rows, { search: 'media kit' }))).toEqual(['bob']);
    expect(handles(filterRows(rows, { search: 'media ana' }))).toEqual([]);
    expect(handles(filterRows(rows, { search: 'travel' }))).toEqual(['ana']);
    expect(handles(filterRows(rows, { search: '@car' }))).toEqual(['cara']);
    expect(handles(filterRows(rows, { search: '   ' }))).toEqual(['ana', 'bob', 'cara']);
  });

  it('does not search fields it should not (platform, campaign name)', () => {
    expect(filterRows(rows, { search: 'tiktok' })).toEqual([]);
    expect(filterRows(rows, { search: 'campaign' })).toEqual([]);
  });

  it('folds accents and case', () => {
    expect(foldText('ÉTÉ Ñandú')).toBe('ete nandu');
  });
});

describe('sortRows', () => {
  const rows = [
    row({ handle: 'b', summary: { followers: { value: 500, exact: true }, tier: 'micro' }, status: 'booked' }),
    row({ handle: 'a', summary: { followers: { value: 9000, exact: false }, tier: 'nano' }, status: 'prospect' }),
    row({ handle: 'c', summary: { tier: 'mega' }, status: 'contacted', lastSeen: T0 + 5 }),
    row({ handle: 'D', summary: { followers: { value: 500, exact: true } }, status: 'declined', lastSeen: T0 - 5 }),
  ];

  it('sorts numbers both ways, with unknown values last either way and ties by key', () => {
    expect(handles(sortRows(rows, { column: 'followers', direction: 'asc' }))).toEqual(['b', 'D', 'a', 'c']);
    expect(handles(sortRows(rows, { column: 'followers', direction: 'desc' }))).toEqual(['a', 'b', 'D', 'c']);
  });

  it('sorts handles ignoring case, tiers and statuses in their natural order', () => {
    expect(handles(sortRows(rows, { column: 'handle', direction: 'asc' }))).toEqual(['a', 'b', 'c', 'D']);
    expect(handles(sortRows(rows, { column: 'tier', direction: 'asc' }))).toEqual(['a', 'b', 'c', 'D']);
    expect(handles(sortRows(rows, { column: 'tier', direction: 'desc' }))).toEqual(['c', 'b', 'a', 'D']);
    expect(handles(sortRows(rows, { column: 'status', direction: 'asc' }))).toEqual(['a', 'c', 'b', 'D']);
  });

  it('sorts by last seen, with creators added from a list and never visited last', () => {
    const withUnvisited = [...rows, row({ handle: 'e', unvisited: true, lastSeen: T0 + 100 })];
    expect(handles(sortRows(withUnvisited, { column: 'lastSeen', direction: 'desc' }))).toEqual([
      'c',
      'a',
      'b',
      'D',
      'e',
    ]);
    expect(handles(sortRows(withUnvisited, { column: 'lastSeen', direction: 'asc' }))).toEqual([
      'D',
      'a',
      'b',
      'c',
      'e',
    ]);
  });

  it('sorts prices by the low end, then the high end', () => {
    const priced = [
      row({ handle: 'x', summary: { priceMin: 100, priceMax: 900 } }),
      row({ handle: 'y', summary: { priceMin: 100, priceMax: 200 } }),
      row({ handle: 'z', summary: { priceMax: 50 } }),
      row({ handle: 'w' }),
    ];
    expect(handles(sortRows(priced, { column: 'price', direction: 'asc' }))).toEqual(['z', 'y', 'x', 'w']);
    expect(handles(sortRows(priced, { column: 'price', direction: 'desc' }))).toEqual(['x', 'y', 'z', 'w']);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortRows(rows, { column: 'handle', direction: 'desc' });
    expect(rows).toEqual(copy);
  });

  it('is a permutation ordered by the column for any column and direction (property)', () => {
    const rows = manyRows(300, 7);
    fc.assert(
      fc.property(
        fc.constantFrom(...SORT_COLUMNS),
        fc.constantFrom('asc' as const, 'desc' as const),
        (column, direction) => {
          const sorted = sortRows(rows, { column, direction });
          expect(new Set(sorted.map((r) => r.entry.key))).toEqual(new Set(rows.map((r) => r.entry.key)));
          expect(sorted).toHaveLength(rows.length);
          let seenMissing = false;
          for (let i = 1; i < sorted.length; i++) {
            const a = sortKey(sorted[i - 1]!, column);
            const b = sortKey(sorted[i]!, column);
            if (a === undefined) seenMissing = true;
            if (seenMissing || a === undefined) {
              expect(b).toBeUndefined();
              continue;
            }
            if (b === undefined) continue;
            if (direction === 'asc') expect(a <= b).toBe(true);
            else expect(a >= b).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the view of 50,000 rows', () => {
  const rows = manyRows(50_000, 42);

  it('filters and sorts them all, with the same result as checking each row by hand', () => {
    const filter = { platform: 'tiktok' as const, status: 'contacted' as const, search: 'name' };
    const sort: SortSpec = { column: 'followers', direction: 'desc' };
    const shown = viewRows(rows, filter, sort);
    const expected = rows.filter(
      (r) =>
        r.creator.platform === 'tiktok' &&
        r.entry.status === 'contacted' &&
        (r.creator.displayName ?? '').toLowerCase().includes('name'),
    );
    expect(shown.length).toBe(expected.length);
    expect(shown.length).toBeGreaterThan(100);
    expect(new Set(shown.map((r) => r.entry.key))).toEqual(new Set(expected.map((r) => r.entry.key)));
    const followers = shown.map((r) => r.creator.summary.followers?.value ?? -1);
    const known = followers.filter((f) => f >= 0);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(followers.slice(known.length).every((f) => f === -1)).toBe(true);
  });

  it('sorts all 50,000 by every column', () => {
    for (const column of SORT_COLUMNS) {
      const sorted = sortRows(rows, { column, direction: defaultDirection(column) });
      expect(sorted).toHaveLength(50_000);
    }
    const byHandle = sortRows(rows, { column: 'handle', direction: 'asc' });
    expect(byHandle[0]!.creator.handle).toBe('creator_0');
    expect(byHandle[1]!.creator.handle).toBe('creator_1');
    expect(byHandle[2]!.creator.handle).toBe('creator_10');
  });

  it('searches all 50,000 for one handle', () => {
    expect(handles(filterRows(rows, { search: 'creator_49999' }))).toEqual(['creator_49999']);
  });
});

describe('sorting by clicking headers', () => {
  it('starts numbers and dates largest first, text A→Z, and flips on a second click', () => {
    expect(nextSort(undefined, 'followers')).toEqual({ column: 'followers', direction: 'desc' });
    expect(nextSort(undefined, 'handle')).toEqual({ column: 'handle', direction: 'asc' });
    expect(nextSort({ column: 'handle', direction: 'asc' }, 'handle')).toEqual({ column: 'handle', direction: 'desc' });
    expect(nextSort({ column: 'handle', direction: 'desc' }, 'lastSeen')).toEqual({
      column: 'lastSeen',
      direction: 'desc',
    });
  });
});

describe('tags and selection', () => {
  const rows = [
    row({ handle: 'a', tags: ['Travel', 'vip'] }),
    row({ handle: 'b', tags: ['travel', 'Food'] }),
    row({ handle: 'c' }),
  ];

  it('lists each tag once, alphabetically ignoring case', () => {
    expect(tagsIn(rows)).toEqual(['Food', 'Travel', 'vip']);
  });

  it('keeps only selected keys still present, and says whether all, some or none are selected', () => {
    const keys = rows.map((r) => r.entry.key);
    expect([...keepSelected(new Set([keys[0]!, 'gone']), rows)]).toEqual([keys[0]]);
    expect(selectionState(new Set(keys), rows)).toBe('all');
    expect(selectionState(new Set([keys[1]!]), rows)).toBe('some');
    expect(selectionState(new Set(), rows)).toBe('none');
    expect(selectionState(new Set(['other']), rows)).toBe('none');
  });

  it('matches a single row', () => {
    expect(matchesFilter(rows[0]!, { tag: 'TRAVEL', search: 'vip' })).toBe(true);
    expect(matchesFilter(rows[2]!, { tag: 'travel' })).toBe(false);
  });
});

describe('while the rows load', () => {
  const rows = manyRows(30, 7);
  const inC2 = rows.filter((r) => r.entry.campaignId === 'c2');
  const firstOf = (list: typeof rows, complete: boolean, campaignId?: string) => ({
    rows: sortRows(list, DEFAULT_SORT).slice(0, complete ? undefined : 5),
    complete,
    ...(campaignId ? { campaignId } : {}),
  });

  it('opens in the order an index gives: last seen, newest first', () => {
    expect(DEFAULT_SORT).toEqual({ column: 'lastSeen', direction: 'desc' });
    expect(defaultDirection(DEFAULT_SORT.column)).toBe(DEFAULT_SORT.direction);
  });

  it('knows which views first rows can show: the default order, of all campaigns or one, nothing narrowed', () => {
    expect(isFirstRowsView({}, DEFAULT_SORT)).toBe(true);
    expect(isFirstRowsView({ campaignId: 'c1', search: '  ', tag: ' ' }, DEFAULT_SORT)).toBe(true);
    expect(isFirstRowsView({ search: 'ana' }, DEFAULT_SORT)).toBe(false);
    expect(isFirstRowsView({ platform: 'x' }, DEFAULT_SORT)).toBe(false);
    expect(isFirstRowsView({ status: 'booked' }, DEFAULT_SORT)).toBe(false);
    expect(isFirstRowsView({ tag: 'vip' }, DEFAULT_SORT)).toBe(false);
    expect(isFirstRowsView({}, { column: 'lastSeen', direction: 'asc' })).toBe(false);
    expect(isFirstRowsView({}, { column: 'followers', direction: 'desc' })).toBe(false);
  });

  it('shows the first rows only for their own campaign and the default view, and waits otherwise', () => {
    const first = firstOf(rows, false);
    expect(tableRows({ first }, {}, DEFAULT_SORT)).toEqual({ kind: 'first', rows: first.rows });
    expect(tableRows({ first }, { campaignId: 'c2' }, DEFAULT_SORT)).toEqual({ kind: 'waiting' });
    expect(tableRows({ first }, { search: 'creator' }, DEFAULT_SORT)).toEqual({ kind: 'waiting' });
    expect(tableRows({ first }, {}, { column: 'handle', direction: 'asc' })).toEqual({ kind: 'waiting' });
    expect(tableRows({}, {}, DEFAULT_SORT)).toEqual({ kind: 'waiting' });
    const campaign = firstOf(inC2, false, 'c2');
    expect(tableRows({ first: campaign }, { campaignId: 'c2' }, DEFAULT_SORT)).toEqual({
      kind: 'first',
      rows: campaign.rows,
    });
  });

  it('filters and sorts when every row is there: all of them, or all of the one campaign shown', () => {
    const sort = { column: 'followers', direction: 'desc' } as const;
    expect(tableRows({ all: rows, first: firstOf(rows, false) }, { status: 'booked' }, sort)).toEqual({
      kind: 'view',
      rows: viewRows(rows, { status: 'booked' }, sort),
    });
    const campaign = firstOf(inC2, true, 'c2');
    const filter = { campaignId: 'c2', platform: 'tiktok' } as const;
    expect(tableRows({ first: campaign }, filter, sort)).toEqual({ kind: 'view', rows: viewRows(rows, filter, sort) });
  });
});
