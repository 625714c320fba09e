// @vitest-environment jsdom
/**
 * Restoring a large backup takes seconds: the import form says what it is doing while it reads the file and while
 * it writes it, and how far the write is. The write is held open here (it runs against a real fake-indexeddb store
 * once released) so the test can see the form mid-import.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../../components/shortlist/ImportPanel';
import { reopeningDb, shortlistData } from '../../../components/shortlist/data';
import { openScoutDb } from '../../../lib/store/db';
import { exportBackup } from '../../../lib/store/backup';
import { putCampaign, saveCreator } from '../../../lib/store/repo';
import { T0, campaign, reading } from '../../lib/store/helpers';
import { until } from '../until';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

/** A backup of one campaign with two creators, made by the store's own export. */
async function backupText(): Promise<string> {
  const db = await openScoutDb(new IDBFactory());
  await putCampaign(db, campaign('c1', { name: 'Spring' }));
  for (const handle of ['ana', 'bob']) {
    await saveCreator(db, { reading: reading(handle, 1200), summary: {}, campaignId: 'c1', now: T0 });
  }
  return exportBackup(db, T0);
}

/** Chooses `text` as the backup file, as the file picker does. */
function choose(form: HTMLElement, name: string, text: string) {
  const input = form.querySelector<HTMLInputElement>('#backup-file')!;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const statuses = (el: HTMLElement) => [...el.querySelectorAll('[role="status"]')].map((s) => s.textContent);

describe('restoring a backup', () => {
  it('says it is reading the file, then that it is importing and how many records are written', async () => {
    const open = reopeningDb(() => openScoutDb(new IDBFactory()));
    const data = shortlistData(open, () => T0);
    const write = data.applyImport;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The real write, told of progress as a long one would be, and finishing only once released.
    const heard: [number, number][] = [];
    data.applyImport = async (backup, mode, onProgress) => {
      onProgress?.(3_000, 30_005);
      await gate;
      return write(backup, mode, (written, total) => {
        heard.push([written, total]);
        onProgress?.(written, total);
      });
    };
    const onImported = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    const form = root;
    render(<ImportPanel data={data} campaigns={[]} defaultCampaignId={undefined} onImported={onImported} />, form);

    choose(form, 'scout-backup.json', await backupText());
    await until(() => statuses(form).includes('Reading and checking scout-backup.json…'), 'the reading message');
    expect(form.querySelector<HTMLInputElement>('#backup-file')!.disabled).toBe(true);
    await until(() => form.querySelector('.preview-table'), 'the preview');
    expect(statuses(form)).toEqual([]);

    form.querySelector<HTMLButtonElement>('.preview .primary')!.click();
    await until(() => statuses(form).includes('Importing…'), 'the importing message');
    const bar = await until(() => form.querySelector('progress'), 'the progress bar');
    expect(bar.max).toBe(30_005);
    expect(bar.value).toBe(3_000);
    expect(bar.getAttribute('aria-label')).toBe('Records written');
    expect(bar.parentElement!.textContent).toBe(' 3,000 of 30,005 records written');
    expect(form.querySelector<HTMLButtonElement>('.preview .primary')!.disabled).toBe(true);

    release();
    await until(() => onImported.mock.calls.length > 0, 'the import');
    expect(onImported.mock.calls[0]![0]).toMatch(/^Imported "scout-backup\.json" \(merge\): /);
    expect(form.querySelector('progress')).toBeNull();
    expect(statuses(form)).toEqual([]);
    // The real write ran to the end and said so to the form.
    const [written, total] = heard.at(-1)!;
    expect(written).toBe(total);
    expect(await (await open()).count('creators')).toBe(2);
  });
});
