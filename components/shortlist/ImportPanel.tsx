import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { PLATFORMS, type Platform } from '../../lib/reading';
import {
  BACKUP_LIMITS,
  importFailed,
  parseProfileList,
  type CampaignRecord,
  type ImportMode,
  type ImportPreview,
  type ProfileList,
  type StoreChange,
} from '../../lib/store';
import { PLATFORM_LABELS, formatCount } from '../format';
import { errorMessage, type ClosableBackupSession, type ShortlistData } from './data';

interface Props {
  data: ShortlistData;
  campaigns: readonly CampaignRecord[];
  defaultCampaignId: string | undefined;
  /** Called after something was written, with what to tell the user; the page reloads its rows. */
  onImported: (message: string) => void;
  /** Called when an import fails after its form was closed, with what to tell the user (the form is not there to). */
  onImportFailed: (message: string) => void;
}

/** Largest profile list read, in bytes: far more than 10,000 lines of profile addresses. */
const MAX_LIST_BYTES = 5 * 1024 * 1024;

/** Restoring a JSON backup (merge or replace, previewed first) and adding profiles from a pasted list or a CSV. */
export function ImportPanel(props: Props) {
  return (
    <div class="import">
      <BackupImport {...props} />
      <ListImport {...props} />
    </div>
  );
}

const STORE_LABELS: [keyof Omit<ImportPreview, 'mode'>, string][] = [
  ['campaigns', 'Campaigns'],
  ['creators', 'Creators'],
  ['entries', 'Shortlist entries'],
  ['visits', 'Saved visits'],
  ['meta', 'Settings'],
];

/**
 * What a long step of the import is doing, said while it runs: reading and checking a large backup takes a second
 * or more, and writing it several (about 0.1 ms a record on a 2-core machine, 30,000 records for 10,000 creators).
 */
type Working = { step: 'reading'; name: string } | { step: 'writing'; written: number; total?: number };

function BackupImport({ data, onImported, onImportFailed }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [file, setFile] = useState<{ name: string; exportedAt: string }>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [working, setWorking] = useState<Working>();
  // The file being read or imported has a session (a worker, on the page), which previews and imports it and is
  // ended once the file is done with. Closing the form ends an idle one; an import already writing runs to its end,
  // and ends its session then.
  const session = useRef<ClosableBackupSession | undefined>(undefined);
  const importing = useRef(false);
  const closed = useRef(false);
  const endSession = () => {
    session.current?.close();
    session.current = undefined;
  };
  // A layout effect, so that its cleanup is in place even if the form is closed before the next frame.
  useLayoutEffect(
    () => () => {
      closed.current = true;
      if (!importing.current) endSession();
    },
    [],
  );

  const reset = () => {
    endSession();
    setFile(undefined);
    setPreview(undefined);
    if (input.current) input.current.value = '';
  };

  const showPreview = async (nextMode: ImportMode) => {
    if (!session.current) return;
    setPreview(undefined);
    try {
      setPreview(await session.current.preview(nextMode));
    } catch (error) {
      setProblem(`The import could not be previewed: ${errorMessage(error)}`);
    }
  };

  const choose = async (event: Event) => {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0];
    setProblem(undefined);
    reset();
    if (!chosen) return;
    // Each character is at least one byte: a file over four bytes per allowed character cannot be a backup.
    if (chosen.size > BACKUP_LIMITS.maxChars * 4) {
      setProblem(`"${chosen.name}" is too large to be a backup. Nothing was imported.`);
      return;
    }
    setBusy(true);
    setWorking({ step: 'reading', name: chosen.name });
    try {
      const started = await data.importSession();
      session.current = started;
      const opened = await started.open(chosen);
      setWorking(undefined);
      if (!opened.ok) {
        setProblem(`"${chosen.name}" cannot be imported: ${opened.problem} Nothing was changed.`);
        reset();
        return;
      }
      setFile({ name: chosen.name, exportedAt: opened.exportedAt });
      await showPreview(mode);
    } catch (error) {
      setProblem(`"${chosen.name}" could not be read: ${errorMessage(error)}. Nothing was changed.`);
      reset();
    } finally {
      setBusy(false);
      setWorking(undefined);
    }
  };

  const apply = async () => {
    const opened = session.current;
    if (!file || !opened) return;
    setBusy(true);
    setProblem(undefined);
    setWorking({ step: 'writing', written: 0 });
    importing.current = true;
    const failed = (text: string) => (closed.current ? onImportFailed(`"${file.name}": ${text}`) : setProblem(text));
    try {
      const done = await opened.apply(mode, (written, total) => setWorking({ step: 'writing', written, total }));
      if (!done.ok) {
        failed(done.problem);
      } else {
        reset();
        onImported(`Imported "${file.name}" (${mode}): ${describeChanges(done.preview)}.`);
      }
    } catch (error) {
      failed(importFailed(errorMessage(error)));
    } finally {
      importing.current = false;
      // Kept for another try while the form is open; a form closed meanwhile has nothing left to try it from.
      if (closed.current) endSession();
      setBusy(false);
      setWorking(undefined);
    }
  };

  return (
    <section class="import-part" aria-labelledby="backup-title">
      <h3 id="backup-title">Restore a backup</h3>
      <p class="hint">A JSON backup made with “Export backup”, from this browser or another.</p>
      <label for="backup-file">Backup file (.json)</label>
      <input
        id="backup-file"
        ref={input}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={choose}
      />
      <fieldset class="mode">
        <legend>How to import</legend>
        {(['merge', 'replace'] as const).map((m) => (
          <label key={m} class="inline">
            <input
              type="radio"
              name="import-mode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                if (file) void showPreview(m);
              }}
            />
            {m === 'merge'
              ? ' Merge: add what is new, keep the newer of each record'
              : ' Replace: make this browser’s shortlist exactly the backup'}
          </label>
        ))}
      </fieldset>
      {problem && (
        <p class="error-text" role="alert">
          {problem}
        </p>
      )}
      {working?.step === 'reading' && (
        <p class="working" role="status">
          Reading and checking <strong>{working.name}</strong>…
        </p>
      )}
      {file && !preview && !problem && <p aria-busy="true">Working out what would change…</p>}
      {file && preview && (
        <div class="preview" aria-live="polite">
          <p>
            Importing <strong>{file.name}</strong> (exported {file.exportedAt}) will change:
          </p>
          <table class="preview-table">
            <thead>
              <tr>
                <th scope="col">Records</th>
                <th scope="col">Added</th>
                <th scope="col">Updated</th>
                <th scope="col">Removed</th>
                <th scope="col">Unchanged</th>
              </tr>
            </thead>
            <tbody>
              {STORE_LABELS.map(([store, label]) => {
                const c: StoreChange = preview[store];
                return (
                  <tr key={store}>
                    <th scope="row">{label}</th>
                    <td class="num">{c.added}</td>
                    <td class="num">{c.updated}</td>
                    <td class={c.removed > 0 ? 'num warn' : 'num'}>{c.removed}</td>
                    <td class="num">{c.unchanged}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {mode === 'replace' && totalRemoved(preview) > 0 && (
            <p class="warn">Replace removes {totalRemoved(preview)} records that are not in the file.</p>
          )}
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={apply}>
              {mode === 'merge' ? 'Import and merge' : 'Replace with the backup'}
            </button>
            <button type="button" disabled={busy} onClick={reset}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {working?.step === 'writing' && (
        <div class="working">
          {/* Said once: the bar below moves without being read out at each step. */}
          <p role="status">Importing…</p>
          {working.total !== undefined && (
            <p>
              <progress max={working.total} value={working.written} aria-label="Records written" />{' '}
              {formatCount(working.written)} of {formatCount(working.total)} records written
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function totalRemoved(p: ImportPreview): number {
  return STORE_LABELS.reduce((sum, [store]) => sum + p[store].removed, 0);
}

/** "3 creators added, 1 entry updated" — only what changed. */
export function describeChanges(p: ImportPreview): string {
  const parts: string[] = [];
  for (const [store, label] of STORE_LABELS) {
    const c = p[store];
    const name = label.toLowerCase();
    if (c.added) parts.push(`${c.added} ${name} added`);
    if (c.updated) parts.push(`${c.updated} ${name} updated`);
    if (c.removed) parts.push(`${c.removed} ${name} removed`);
  }
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

function ListImport({ data, campaigns, defaultCampaignId, onImported }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [campaignId, setCampaignId] = useState<string>();
  const [list, setList] = useState<ProfileList>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const target = campaigns.find((c) => c.id === (campaignId ?? defaultCampaignId)) ?? campaigns[0];

  const check = (value = text, forPlatform = platform) => {
    setProblem(undefined);
    setList(parseProfileList(value, forPlatform || undefined));
  };

  const choose = async (event: Event) => {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0];
    setProblem(undefined);
    setList(undefined);
    if (!chosen) return;
    if (chosen.size > MAX_LIST_BYTES) {
      setProblem(`"${chosen.name}" is larger than ${MAX_LIST_BYTES / 1024 / 1024} MB: not a list of profiles.`);
      return;
    }
    try {
      const value = await chosen.text();
      setText(value);
      check(value);
    } catch (error) {
      setProblem(`"${chosen.name}" could not be read: ${errorMessage(error)}`);
    }
  };

  const add = async () => {
    if (!list || !target || list.profiles.length === 0) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await data.addProfiles(target.id, list.profiles);
      setList(undefined);
      setText('');
      if (input.current) input.current.value = '';
      const parts = [`Added ${result.added} to “${target.name}”`];
      if (result.newCreators > 0) {
        parts.push(`${result.newCreators} of them new to Creator Scout, with no counts until you visit their profiles`);
      }
      if (result.alreadyListed > 0) parts.push(`${result.alreadyListed} already on that list`);
      onImported(`${parts.join('; ')}.`);
    } catch (error) {
      setProblem(`Nothing was added: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="import-part" aria-labelledby="list-title">
      <h3 id="list-title">Add profiles from a list</h3>
      <p class="hint">
        Profile addresses or @handles, one or more per line, or a CSV with a URL or handle column (such as this page’s
        own CSV export). New creators are saved without counts until you visit their profiles.
      </p>
      {campaigns.length === 0 ? (
        <p class="warn">
          There is no campaign to add them to yet. <a href="/options.html">Create a campaign</a> first.
        </p>
      ) : (
        <>
          <label for="list-text">Profiles</label>
          <textarea
            id="list-text"
            rows={5}
            value={text}
            placeholder={'https://www.tiktok.com/@creator\n@another'}
            onInput={(e) => {
              setText((e.currentTarget as HTMLTextAreaElement).value);
              setList(undefined);
            }}
          />
          <label for="list-file">Or a file (.csv, .txt)</label>
          <input id="list-file" ref={input} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={choose} />
          <div class="row">
            <div class="field">
              <label for="list-platform">Platform of bare @handles</label>
              <select
                id="list-platform"
                value={platform}
                onChange={(e) => {
                  const value = (e.currentTarget as HTMLSelectElement).value as Platform | '';
                  setPlatform(value);
                  if (list) check(text, value);
                }}
              >
                <option value="">None (addresses only)</option>
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {PLATFORM_LABELS[p]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="list-campaign">Add to campaign</label>
              <select
                id="list-campaign"
                value={target?.id}
                onChange={(e) => setCampaignId((e.currentTarget as HTMLSelectElement).value)}
              >
                {campaigns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div class="actions">
            <button type="button" disabled={busy || !text.trim()} onClick={() => check()}>
              Check the list
            </button>
          </div>
        </>
      )}
      {problem && (
        <p class="error-text" role="alert">
          {problem}
        </p>
      )}
      {list && target && (
        <div class="preview" aria-live="polite">
          <p>
            {list.profiles.length} {list.profiles.length === 1 ? 'profile' : 'profiles'} found
            {list.duplicates > 0 && `, ${list.duplicates} repeated`}
            {list.problems.length > 0 && `, ${list.problems.length} not understood`}.
          </p>
          {list.problems.length > 0 && (
            <ul class="problems">
              {list.problems.slice(0, 20).map((p, i) => (
                <li key={i}>
                  Line {p.line}
                  {p.text && <> “{p.text}”</>}: {p.reason}
                </li>
              ))}
              {list.problems.length > 20 && <li>…and {list.problems.length - 20} more.</li>}
            </ul>
          )}
          <div class="actions">
            <button type="button" class="primary" disabled={busy || list.profiles.length === 0} onClick={add}>
              Add {list.profiles.length} to “{target.name}”
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
