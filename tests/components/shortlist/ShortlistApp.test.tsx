// @vitest-environment jsdom
/**
 * The shortlist page's components against a real (fake-indexeddb) store: the table, search, editing, a full
 * disk reported in words, and a CSV offered for download. The built page is covered end to end in
 * tests/e2e/shortlist.e2e.test.ts; this checks the parts that are awkward to provoke in a browser.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortlistApp } from '../../../components/shortlist/ShortlistApp';
import { reopeningDb, shortlistData, type ShortlistData } from '../../../components/shortlist/data';
import { openScoutDb } from '../../../lib/store/db';
import { addProfiles, putCampaign, saveCreator } from '../../../lib/store/repo';
import { StorageFullError } from '../../../lib/store/errors';
import { IDBFactory } from 'fake-indexeddb';
import { T0, campaign, reading } from '../../lib/store/helpers';
import { until } from '../until';

const NOW = T0 + 3 * 86_400_000;

async function seeded(): Promise<ShortlistData> {
  const factory = new IDBFactory();
  const open = reopeningDb(() => openScoutDb(factory));
  const db = await open();
  await putCampaign(db, campaign('c1', { name: 'Spring' }));
  for (const [handle, followers] of [
    ['ana', 1200],
    ['bob', 98_000],
  ] as const) {
    await saveCreator(db, {
      reading: reading(handle, followers, { displayName: `${handle.toUpperCase()} Travels` }),
      summary: { followers: { value: followers, exact: true }, engagementRate: 0.02 },
      campaignId: 'c1',
      now: T0,
    });
  }
  await addProfiles(db, 'c1', [{ platform: 'x', handle: 'newbie' }], T0);
  return shortlistData(open, () => NOW);
}

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

function mount(data: ShortlistData, download = vi.fn()) {
  root = document.createElement('div');
  document.body.append(root);
  render(<ShortlistApp data={data} now={() => NOW} download={download} />, root);
  return { root, download };
}

const handles = (el: HTMLElement) =>
  [...el.querySelectorAll('tbody tr[data-key] td.col-handle a')].map((a) => a.textContent).sort();

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('ShortlistApp', () => {
  it('lists the rows, narrows them by search, and says which creator has no counts yet', async () => {
    const { root } = mount(await seeded());
    await until(() => root.querySelectorAll('tbody tr[data-key]').length === 3, 'the rows');
    expect(handles(root)).toEqual(['@ana', '@bob', '@newbie']);
    const newbie = root.querySelector('tr[data-key="c1|x:newbie"]')!;
    expect(newbie.querySelector('.col-seen')!.textContent).toBe('not visited yet');
    expect(newbie.querySelector('.col-followers')!.textContent).toContain('no counts yet');
    expect(root.querySelector('tr[data-key="c1|instagram:ana"] .col-seen time')!.textContent).toBe('3 days ago');

    type(root.querySelector<HTMLInputElement>('#filter-search')!, 'bob travels');
    await until(() => handles(root).length === 1, 'the search');
    expect(handles(root)).toEqual(['@bob']);
  });

  it('reports a full disk in words and keeps the edit on screen', async () => {
    const data = await seeded();
    data.updateEntry = () => Promise.reject(new StorageFullError());
    const { root } = mount(data);
    const row = await until(() => root.querySelector<HTMLElement>('tr[data-key="c1|instagram:ana"]'), 'the row');
    row.querySelector<HTMLElement>('td.col-tier')!.click();
    const notes = await until(() => root.querySelector<HTMLTextAreaElement>('#detail-notes'), 'the panel');
    type(notes, 'Call on Monday');
    await until(() => !root.querySelector<HTMLButtonElement>('form.edit button[type="submit"]')!.disabled, 'dirty');
    root.querySelector<HTMLFormElement>('form.edit')!.requestSubmit();
    const alert = await until(
      () => [...root.querySelectorAll('[role="alert"]')].find((el) => el.textContent?.includes('no room left')),
      'the error',
    );
    expect(alert.textContent).toContain('The changes were not saved');
    expect(notes.value).toBe('Call on Monday');
  });

  it('saves an edit and offers the shown rows as a CSV download', async () => {
    const { root, download } = mount(await seeded());
    const row = await until(() => root.querySelector<HTMLElement>('tr[data-key="c1|instagram:bob"]'), 'the row');
    row.querySelector<HTMLElement>('td.col-tier')!.click();
    const tags = await until(() => root.querySelector<HTMLInputElement>('#detail-tags'), 'the panel');
    type(tags, 'vip, vip , travel');
    await until(() => !root.querySelector<HTMLButtonElement>('form.edit button[type="submit"]')!.disabled, 'dirty');
    root.querySelector<HTMLFormElement>('form.edit')!.requestSubmit();
    await until(() => root.querySelector('[role="status"]')?.textContent === 'Changes saved.', 'the save');
    expect(root.querySelector('tr[data-key="c1|instagram:bob"] .col-tags')!.textContent).toBe('viptravel');

    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV')!.click();
    // The CSV code is fetched on the first export (or once the first rows are shown), so the file comes a moment later.
    await until(() => download.mock.calls.length > 0, 'the download');
    expect(download).toHaveBeenCalledTimes(1);
    const [name, text, type_] = download.mock.calls[0]!;
    expect(name).toMatch(/^creator-scout-shortlist-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(type_).toBe('text/csv;charset=utf-8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(4);
    expect(text).toContain('vip; travel');
  });

  it('says it is making the backup while the backup session makes it, then offers the file it made', async () => {
    const data = await seeded();
    const makeBackup = data.exportBackup;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The real backup, made through the (in-thread) backup session, held until the test lets it go.
    data.exportBackup = async () => {
      const made = await makeBackup();
      await released;
      return made;
    };
    const { root, download } = mount(data);
    await until(() => root.querySelectorAll('tbody tr[data-key]').length === 3, 'the rows');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Export backup')!;
    button.click();
    await until(() => root.querySelector('[role="status"]')?.textContent === 'Making the backup…', 'the message');
    expect(button.disabled).toBe(true);
    expect(download).not.toHaveBeenCalled();

    release();
    await until(() => root.querySelector('[role="status"]')?.textContent === 'Backup exported.', 'the backup');
    expect(button.disabled).toBe(false);
    const [name, file, type_] = download.mock.calls[0]!;
    expect(name).toMatch(/^creator-scout-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(type_).toBe('application/json');
    expect(file).toBeInstanceOf(Blob);
    const backup = JSON.parse(await (file as Blob).text());
    expect(backup).toMatchObject({ format: 'creator-scout-backup', exportedAt: new Date(NOW).toISOString() });
    expect(backup.creators).toHaveLength(3);
  });
});
