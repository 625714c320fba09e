// @vitest-environment jsdom
/**
 * The shortlist page while a long shortlist loads: the first rows come from their own query and show at once;
 * every row is read behind them, and until then the page says so instead of sorting, filtering, counting or
 * exporting only what it has.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_ROWS, ShortlistApp, openingReads } from '../../../components/shortlist/ShortlistApp';
import { reopeningDb, shortlistData, type ShortlistData } from '../../../components/shortlist/data';
import { openScoutDb } from '../../../lib/store/db';
import { T0 } from '../../lib/store/helpers';
import { seedRecords, type CreatorSpec } from '../../lib/store/seed-rows';
import { until as untilSettled } from '../until';

const N = 300;

/**
 * N creators seen a minute apart (creator 0 the latest), every fifth in campaign "b", the others in "a"; and a
 * `rows()` that reads them and then waits for `release()`, so the test sees the page before every row arrives.
 */
async function slowData(): Promise<{ data: ShortlistData; release: () => void; rowsCalls: () => number }> {
  const factory = new IDBFactory();
  const open = reopeningDb(() => openScoutDb(factory));
  const specs: CreatorSpec[] = [];
  for (let i = 0; i < N; i++)
    specs.push({ handle: `c${String(i).padStart(3, '0')}`, seen: i, campaigns: [i % 5 ? 'a' : 'b'] });
  await seedRecords(await open(), specs);
  const data = shortlistData(open, () => T0);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const rows = data.rows;
  // Reads at once, answers once released: as a long read would, it holds the rows as they were when it read them.
  data.rows = async (onProgress) => {
    calls++;
    const read = await rows();
    onProgress?.(120);
    await gate;
    return read;
  };
  return { data, release, rowsCalls: () => calls };
}

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

/** The loading tests wait through slower, sliced reads. */
const until = <T,>(probe: () => T | undefined | null | false, what: string) => untilSettled(probe, what, 300);

function mount(data: ShortlistData) {
  root = document.createElement('div');
  document.body.append(root);
  const download = vi.fn();
  render(<ShortlistApp data={data} now={() => T0} download={download} />, root);
  return { root, download };
}

const rowKeys = (el: HTMLElement) =>
  [...el.querySelectorAll('tbody tr[data-key]')].map((tr) => tr.getAttribute('data-key'));
const counts = (el: HTMLElement) => el.querySelector('.top .muted')!.textContent;
const button = (el: HTMLElement, label: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;
const notice = (el: HTMLElement) => el.querySelector('.table-scroll .empty')?.textContent ?? '';
const handleKey = (i: number) => `tiktok:c${String(i).padStart(3, '0')}`;
const entryOf = (i: number) => `${i % 5 ? 'a' : 'b'}|${handleKey(i)}`;

describe('the shortlist page while every row loads', () => {
  it('shows the most recently seen at once, says the rest are loading, then shows all without moving them', async () => {
    const { data, release } = await slowData();
    const { root } = mount(data);
    await until(() => rowKeys(root).length > 0, 'the first rows');
    const first = rowKeys(root);
    // Rendered rows are a window of the first rows, latest seen first.
    expect(first[0]).toBe(entryOf(0));
    expect(first).toEqual(Array.from({ length: first.length }, (_, i) => entryOf(i)));
    // The count comes after the first rows are painted (counting reads every key).
    await until(() => counts(root) === `${N} shortlisted · loading…`, 'the count');
    expect(root.querySelector('main')!.getAttribute('aria-busy')).toBe('true');
    expect(notice(root)).toContain(`The ${FIRST_ROWS} most recently seen are shown`);
    await until(() => notice(root).includes(`120 of ${N} rows read`), 'the progress');
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).toBe(String(N + 1));
    // The default order is said: last seen, newest first.
    expect(root.querySelector('th.col-seen')!.getAttribute('aria-sort')).toBe('descending');
    // Nothing that needs every row pretends to have them.
    expect(button(root, 'Export CSV').disabled).toBe(true);
    expect(root.querySelector<HTMLInputElement>('thead input[type="checkbox"]')!.disabled).toBe(true);
    expect(root.querySelector<HTMLSelectElement>('#filter-tag')!.disabled).toBe(true);

    release();
    await until(() => root.querySelector('main')!.getAttribute('aria-busy') === 'false', 'every row');
    expect(counts(root)).toBe(`${N} shortlisted · ${N} shown`);
    expect(rowKeys(root)).toEqual(first);
    expect(notice(root)).toBe('');
    expect(button(root, 'Export CSV').disabled).toBe(false);
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).toBe(String(N + 1));
  });

  it('waits, visibly, to sort or search until every row is read', async () => {
    const { data, release } = await slowData();
    const { root } = mount(data);
    await until(() => rowKeys(root).length > 0, 'the first rows');
    root.querySelector<HTMLButtonElement>('th.col-handle button')!.click();
    await until(() => rowKeys(root).length === 0, 'the rows to wait');
    expect(root.querySelector('th.col-handle')!.getAttribute('aria-sort')).toBe('ascending');
    await until(() => notice(root).includes('120 of 300 rows read'), 'the progress');
    expect(notice(root)).toMatch(/^Sorting and filtering look at every creator: waiting for them to load/);

    release();
    await until(() => rowKeys(root).length > 0, 'the sorted rows');
    // Handle A→Z: c000, c001, … (zero-padded), now over every row.
    expect(rowKeys(root)[0]).toBe(entryOf(0));
    expect(rowKeys(root)[1]).toBe(entryOf(1));
    expect(counts(root)).toBe(`${N} shortlisted · ${N} shown`);
  });

  it("shows one campaign's first rows from their own query before every row is read", async () => {
    const { data, release } = await slowData();
    const firstRows = vi.spyOn(data, 'firstRows');
    const { root } = mount(data);
    await until(() => rowKeys(root).length > 0, 'the first rows');
    const select = root.querySelector<HTMLSelectElement>('#filter-campaign')!;
    await until(() => select.options.length > 1, 'the campaigns');
    select.value = 'b';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => rowKeys(root)[0] === entryOf(0) && rowKeys(root)[1] === entryOf(5), 'the campaign rows');
    expect(firstRows).toHaveBeenLastCalledWith(FIRST_ROWS, 'b');
    expect(rowKeys(root).every((key) => key?.startsWith('b|'))).toBe(true);
    // Campaign "b" has 60 rows: all of them fit in the first rows, so they are all there, and counted.
    expect(counts(root)).toBe(`${N} shortlisted · ${N / 5} shown`);
    expect(root.querySelector('main')!.getAttribute('aria-busy')).toBe('true');
    release();
    await until(() => root.querySelector('main')!.getAttribute('aria-busy') === 'false', 'every row');
    expect(counts(root)).toBe(`${N} shortlisted · ${N / 5} shown`);
  });

  it('updates selected rows after a bulk change without reading every row again', async () => {
    const { data, release, rowsCalls } = await slowData();
    release();
    const { root } = mount(data);
    await until(() => root.querySelector('main')!.getAttribute('aria-busy') === 'false', 'every row');
    const row = root.querySelector(`tr[data-key="${entryOf(1)}"]`)!;
    row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await until(() => root.querySelector('section.bulk'), 'the bulk bar');
    const bulk = root.querySelector<HTMLElement>('section.bulk')!;
    const status = bulk.querySelector<HTMLSelectElement>('#bulk-status')!;
    status.value = 'booked';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0)); // the bar re-renders with the chosen status
    button(bulk, 'Set status').click();
    await until(() => root.querySelector('[role="status"]')?.textContent === 'Updated 1 creator.', 'the update');
    expect(root.querySelector(`tr[data-key="${entryOf(1)}"] .status`)!.textContent).toBe('Booked');
    expect(rowsCalls()).toBe(1);
  });

  it('keeps an edit made while every row loads, though the load read that row before the edit', async () => {
    const { data, release } = await slowData();
    const { root } = mount(data);
    const row = await until(() => root.querySelector<HTMLElement>(`tr[data-key="${entryOf(2)}"]`), 'the first rows');
    // The load has read every row (progress is reported after the read) before the edit below is saved.
    await until(() => notice(root).includes('120 of'), 'the read');
    row.querySelector<HTMLElement>('td.col-tier')!.click();
    const tags = await until(() => root.querySelector<HTMLInputElement>('#detail-tags'), 'the panel');
    tags.value = 'early';
    tags.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => !root.querySelector<HTMLButtonElement>('form.edit button[type="submit"]')!.disabled, 'dirty');
    root.querySelector<HTMLFormElement>('form.edit')!.requestSubmit();
    await until(() => root.querySelector('[role="status"]')?.textContent === 'Changes saved.', 'the save');
    release();
    await until(() => root.querySelector('main')!.getAttribute('aria-busy') === 'false', 'every row');
    expect(root.querySelector(`tr[data-key="${entryOf(2)}"] .col-tags`)!.textContent).toBe('early');
  });

  it('keeps the first rows and says so when the rest cannot be read', async () => {
    const { data } = await slowData();
    data.rows = () => Promise.reject(new Error('disk on fire'));
    const { root } = mount(data);
    await until(() => root.querySelector('[role="alert"]')?.textContent, 'the error');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('disk on fire');
    expect(rowKeys(root)[0]).toBe(entryOf(0));
    expect(root.querySelector('main')!.getAttribute('aria-busy')).toBe('false');
    expect(notice(root)).toMatch(/Only the 80 most recently seen could be read/);
    expect(button(root, 'Export CSV').disabled).toBe(true);
  });

  it('takes the first reads the entrypoint started before the first render, and does not read them again', async () => {
    const { data, release } = await slowData();
    const opening = openingReads(data);
    const firstRows = vi.spyOn(data, 'firstRows');
    root = document.createElement('div');
    document.body.append(root);
    render(<ShortlistApp data={data} opening={opening} now={() => T0} download={vi.fn()} />, root);
    const shown = root;
    await until(() => rowKeys(shown)[0] === entryOf(0), 'the first rows');
    release();
    await until(() => shown.querySelector('main')!.getAttribute('aria-busy') === 'false', 'every row');
    expect(firstRows).not.toHaveBeenCalled();
  });

  it('shows the rows in its first render when given what the first reads gave, and does not draw them again', async () => {
    const { data, release } = await slowData();
    const opening = openingReads(data);
    const opened = await opening;
    const firstRows = vi.spyOn(data, 'firstRows');
    root = document.createElement('div');
    document.body.append(root);
    const shown = root;
    // Every change to the table's rows and cells from here on: none is expected before the rest is read.
    const changes: MutationRecord[] = [];
    const watcher = new MutationObserver((records) => changes.push(...records));
    render(<ShortlistApp data={data} opening={opening} opened={opened} now={() => T0} download={vi.fn()} />, shown);
    // Rendered synchronously, before any promise could settle: the rows are in the first render.
    expect(rowKeys(shown)[0]).toBe(entryOf(0));
    const before = rowKeys(shown);
    watcher.observe(shown.querySelector('tbody')!, { childList: true, subtree: true, characterData: true });
    await until(() => notice(shown).includes(`120 of ${N} rows read`), 'the progress');
    expect(changes).toEqual([]);
    expect(rowKeys(shown)).toEqual(before);
    expect(firstRows).not.toHaveBeenCalled();
    release();
    await until(() => shown.querySelector('main')!.getAttribute('aria-busy') === 'false', 'every row');
    watcher.disconnect();
    expect(counts(shown)).toBe(`${N} shortlisted · ${N} shown`);
  });

  it('reads a short shortlist once, from the first query', async () => {
    const factory = new IDBFactory();
    const open = reopeningDb(() => openScoutDb(factory));
    await seedRecords(await open(), [{ handle: 'only', seen: 1, campaigns: ['a'] }]);
    const data = shortlistData(open, () => T0);
    const rows = vi.spyOn(data, 'rows');
    const { root } = mount(data);
    await until(() => root.querySelector('main')!.getAttribute('aria-busy') === 'false', 'the row');
    expect(rowKeys(root)).toEqual(['a|tiktok:only']);
    expect(rows).not.toHaveBeenCalled();
    // All there is, so counted too: the header does not say "Loading…" about a read that is not happening.
    expect(counts(root)).toBe('1 shortlisted · 1 shown');
  });

  it('counts a short shortlist in its first render, when given what the first reads gave', async () => {
    const factory = new IDBFactory();
    const open = reopeningDb(() => openScoutDb(factory));
    await seedRecords(await open(), [
      { handle: 'one', seen: 1, campaigns: ['a'] },
      { handle: 'two', seen: 2, campaigns: ['a', 'b'] },
    ]);
    const data = shortlistData(open, () => T0);
    const opening = openingReads(data);
    const opened = await opening;
    root = document.createElement('div');
    document.body.append(root);
    render(<ShortlistApp data={data} opening={opening} opened={opened} now={() => T0} download={vi.fn()} />, root);
    expect(counts(root)).toBe('3 shortlisted · 3 shown');
    expect(root.querySelector('main')!.getAttribute('aria-busy')).toBe('false');
  });

  it('says an empty shortlist has none, not that it is loading', async () => {
    const data = shortlistData(
      reopeningDb(() => openScoutDb(new IDBFactory())),
      () => T0,
    );
    const { root } = mount(data);
    await until(() => root.querySelector('main')!.getAttribute('aria-busy') === 'false', 'the empty list');
    expect(counts(root)).toBe('0 shortlisted · 0 shown');
    expect(root.textContent).toContain('No creators yet');
  });
});
