// @vitest-environment jsdom
/**
 * Restoring a large backup takes seconds: the import form says what it is doing while it reads the file and while
 * it writes it, and how far the write is. The backup session (in-thread here, a worker on the page) is the real one
 * on a fake-indexeddb store, held at gates so the test can see the form mid-read and mid-import.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../../components/shortlist/ImportPanel';
import { reopeningDb, shortlistData, type ShortlistData } from '../../../components/shortlist/data';
import { openScoutDb, type ScoutDb } from '../../../lib/store/db';
import { exportBackup, type ImportResult } from '../../../lib/store/backup';
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

/** A gate the test opens: what waits on it finishes only once released. */
function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

/**
 * The shortlist's data with its real in-thread backup sessions, each held at the gates given and recorded with
 * whether it was closed, and what progress its real write reported.
 */
function heldSessions(
  open: () => Promise<ScoutDb>,
  gates: { read?: Promise<void>; write?: Promise<void>; refuseWrite?: ImportResult } = {},
) {
  const data = shortlistData(open, () => T0);
  const start = data.importSession;
  const sessions: { closed: boolean; heard: [number, number][] }[] = [];
  data.importSession = async () => {
    const session = await start();
    const record = { closed: false, heard: [] as [number, number][] };
    sessions.push(record);
    return {
      open: async (file) => {
        await gates.read;
        return session.open(file);
      },
      preview: (mode) => session.preview(mode),
      apply: async (mode, onProgress) => {
        // Told of progress as a long write would be, then the real write once released.
        onProgress?.(3_000, 30_005);
        await gates.write;
        // A write the store refused (a full disk, say), as its session reports it.
        if (gates.refuseWrite) return gates.refuseWrite;
        return session.apply(mode, (written, total) => {
          record.heard.push([written, total]);
          onProgress?.(written, total);
        });
      },
      export: (now) => session.export(now),
      close: () => {
        record.closed = true;
        session.close();
      },
    };
  };
  return { data, sessions };
}

function renderPanel(data: ShortlistData, onImported = vi.fn(), onImportFailed = vi.fn()) {
  root = document.createElement('div');
  document.body.append(root);
  render(
    <ImportPanel
      data={data}
      campaigns={[]}
      defaultCampaignId={undefined}
      onImported={onImported}
      onImportFailed={onImportFailed}
    />,
    root,
  );
  return { form: root, onImported, onImportFailed };
}

describe('restoring a backup', () => {
  it('says it is reading the file, then that it is importing and how many records are written', async () => {
    const open = reopeningDb(() => openScoutDb(new IDBFactory()));
    const read = gate();
    const write = gate();
    const { data, sessions } = heldSessions(open, { read: read.opened, write: write.opened });
    const { form, onImported } = renderPanel(data);

    choose(form, 'scout-backup.json', await backupText());
    await until(() => statuses(form).includes('Reading and checking scout-backup.json…'), 'the reading message');
    expect(form.querySelector<HTMLInputElement>('#backup-file')!.disabled).toBe(true);
    read.release();
    await until(() => form.querySelector('.preview-table'), 'the preview');
    expect(statuses(form)).toEqual([]);
    expect(form.querySelector('.preview p')!.textContent).toBe(
      `Importing scout-backup.json (exported ${new Date(T0).toISOString()}) will change:`,
    );

    form.querySelector<HTMLButtonElement>('.preview .primary')!.click();
    await until(() => statuses(form).includes('Importing…'), 'the importing message');
    const bar = await until(() => form.querySelector('progress'), 'the progress bar');
    expect(bar.max).toBe(30_005);
    expect(bar.value).toBe(3_000);
    expect(bar.getAttribute('aria-label')).toBe('Records written');
    expect(bar.parentElement!.textContent).toBe(' 3,000 of 30,005 records written');
    expect(form.querySelector<HTMLButtonElement>('.preview .primary')!.disabled).toBe(true);

    write.release();
    await until(() => onImported.mock.calls.length > 0, 'the import');
    expect(onImported.mock.calls[0]![0]).toMatch(/^Imported "scout-backup\.json" \(merge\): /);
    expect(form.querySelector('progress')).toBeNull();
    expect(statuses(form)).toEqual([]);
    // The real write ran to the end and said so to the form, and the file's session was ended.
    const [written, total] = sessions[0]!.heard.at(-1)!;
    expect(written).toBe(total);
    expect(await (await open()).count('creators')).toBe(2);
    expect(sessions.map((s) => s.closed)).toEqual([true]);
  });

  it('refuses a file that is not a backup, says why, ends its session and writes nothing', async () => {
    const open = reopeningDb(() => openScoutDb(new IDBFactory()));
    const { data, sessions } = heldSessions(open);
    const { form } = renderPanel(data);

    choose(form, 'notes.json', '{"format":"something-else"}');
    const alert = await until(() => form.querySelector('[role="alert"]'), 'the refusal');
    expect(alert.textContent).toMatch(/^"notes\.json" cannot be imported: .+ Nothing was changed\.$/);
    expect(form.querySelector('.preview')).toBeNull();
    expect(sessions.map((s) => s.closed)).toEqual([true]);
    expect(await (await open()).count('creators')).toBe(0);
  });

  it('ends an idle session when the form is closed, but lets an import already writing finish', async () => {
    const open = reopeningDb(() => openScoutDb(new IDBFactory()));
    const write = gate();
    const { data, sessions } = heldSessions(open, { write: write.opened });
    const text = await backupText();

    const first = renderPanel(data);
    choose(first.form, 'a.json', text);
    await until(() => first.form.querySelector('.preview-table'), 'the preview');
    render(null, first.form);
    expect(sessions.map((s) => s.closed)).toEqual([true]);

    const second = renderPanel(data);
    choose(second.form, 'b.json', text);
    await until(() => second.form.querySelector('.preview-table'), 'the preview');
    second.form.querySelector<HTMLButtonElement>('.preview .primary')!.click();
    await until(() => second.form.querySelector('progress'), 'the progress bar');
    render(null, second.form);
    expect(sessions[1]!.closed).toBe(false);
    write.release();
    await until(() => sessions[1]!.closed, 'the session to end after its import');
    expect(await (await open()).count('creators')).toBe(2);
  });

  it('says so through the page when an import fails after its form was closed, and ends its session', async () => {
    const open = reopeningDb(() => openScoutDb(new IDBFactory()));
    const write = gate();
    const problem = 'The import failed and nothing was changed: no room left.';
    const { data, sessions } = heldSessions(open, {
      write: write.opened,
      refuseWrite: { ok: false, code: 'storage-full', problem },
    });
    const { form, onImported, onImportFailed } = renderPanel(data);
    choose(form, 'c.json', await backupText());
    await until(() => form.querySelector('.preview-table'), 'the preview');
    form.querySelector<HTMLButtonElement>('.preview .primary')!.click();
    await until(() => form.querySelector('progress'), 'the progress bar');
    render(null, form);

    write.release();
    await until(() => onImportFailed.mock.calls.length > 0, 'the failure to be told');
    expect(onImportFailed.mock.calls).toEqual([[`"c.json": ${problem}`]]);
    expect(onImported).not.toHaveBeenCalled();
    expect(sessions.map((s) => s.closed)).toEqual([true]);
    expect(await (await open()).count('creators')).toBe(0);
  });
});
