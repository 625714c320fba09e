import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  CSV_COLUMNS,
  exportCsv,
  type BulkPatch,
  type CampaignRecord,
  type EntryPatch,
  type ShortlistRow,
} from '../../lib/store';
import { rowsToCompare } from '../../lib/shortlist/compare';
import { exportFileName } from '../../lib/shortlist/time';
import {
  keepSelected,
  nextSort,
  tagsIn,
  viewRows,
  type SortColumn,
  type SortSpec,
  type ViewFilter,
} from '../../lib/shortlist/view';
import { BulkBar } from './BulkBar';
import { ComparePanel } from './ComparePanel';
import { errorMessage, type ShortlistData } from './data';
import { DetailPanel } from './DetailPanel';
import { Filters } from './Filters';
import { ImportPanel } from './ImportPanel';
import { ShortlistTable } from './ShortlistTable';

interface Props {
  data: ShortlistData;
  now: () => number;
  /** Offers a file to save (the entrypoint uses a Blob and `<a download>`). */
  download: (name: string, text: string, type: string) => void;
}

type Message = { kind: 'status' | 'error'; text: string };

/** The shortlist page: filters, the table, the selected creator or a comparison beside it, export and import. */
export function ShortlistApp({ data, now, download }: Props) {
  const [rows, setRows] = useState<ShortlistRow[]>();
  const [campaigns, setCampaigns] = useState<CampaignRecord[]>([]);
  const [defaultCampaignId, setDefaultCampaignId] = useState<string>();
  const [filter, setFilter] = useState<ViewFilter>({});
  const [sort, setSort] = useState<SortSpec>();
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [openKey, setOpenKey] = useState<string>();
  const [comparing, setComparing] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const [clock, setClock] = useState(now);

  const report = (error: unknown, what: string) =>
    setMessage({ kind: 'error', text: `${what}: ${errorMessage(error)}` });
  const say = (text: string) => setMessage({ kind: 'status', text });

  const load = useCallback(async () => {
    try {
      const [nextRows, nextCampaigns, nextDefault] = await Promise.all([
        data.rows(),
        data.campaigns(),
        data.defaultCampaignId(),
      ]);
      setRows(nextRows);
      setCampaigns(nextCampaigns);
      setDefaultCampaignId(nextDefault);
      setSelected((s) => keepSelected(s, nextRows));
      setClock(now());
    } catch (error) {
      setRows((r) => r ?? []);
      setMessage({ kind: 'error', text: `The shortlist could not be loaded: ${errorMessage(error)}` });
    }
  }, [data, now]);

  useEffect(() => {
    void load();
    // Creators saved from the popup while this tab was in the background show up when it is looked at again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    const tick = setInterval(() => setClock(now()), 60_000);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(tick);
    };
  }, [load, now]);

  const all = rows ?? [];
  const shown = useMemo(() => viewRows(all, filter, sort), [all, filter, sort]);
  const tags = useMemo(() => tagsIn(all), [all]);
  const openRow = openKey === undefined ? undefined : all.find((r) => r.entry.key === openKey);
  const selectedRows = all.filter((r) => selected.has(r.entry.key));
  const hiddenSelected = selected.size - shown.filter((r) => selected.has(r.entry.key)).length;
  const compared = comparing ? rowsToCompare(shown, all, selected) : undefined;

  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const toggleAll = () =>
    setSelected((s) =>
      shown.length > 0 && shown.every((r) => s.has(r.entry.key)) ? new Set() : new Set(shown.map((r) => r.entry.key)),
    );

  const saveEntry = async (key: string, patch: EntryPatch) => {
    try {
      const entry = await data.updateEntry(key, patch);
      setRows((current) => current?.map((r) => (r.entry.key === key ? { ...r, entry } : r)));
      say('Changes saved.');
    } catch (error) {
      report(error, 'The changes were not saved');
    }
  };

  const bulk = async (patch: BulkPatch) => {
    setBusy(true);
    try {
      const count = await data.bulkUpdate([...selected], patch);
      await load();
      say(`Updated ${count} ${count === 1 ? 'creator' : 'creators'}.`);
    } catch (error) {
      report(error, 'Nothing was changed');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      const keys = [...selected];
      const removed = await data.removeEntries(keys);
      const gone = new Set(keys);
      setRows((current) => current?.filter((r) => !gone.has(r.entry.key)));
      setSelected(new Set());
      if (openKey && gone.has(openKey)) setOpenKey(undefined);
      setComparing(false);
      say(
        `Removed ${removed.entries} from the shortlist` +
          (removed.creators > 0 ? `; ${removed.creators} no longer on any list were deleted with their history.` : '.'),
      );
    } catch (error) {
      report(error, 'Nothing was removed');
    } finally {
      setBusy(false);
    }
  };

  const downloadCsv = (list: readonly ShortlistRow[]) => {
    download(exportFileName('csv', now()), exportCsv(list), 'text/csv;charset=utf-8');
    say(`Exported ${list.length} ${list.length === 1 ? 'row' : 'rows'} as CSV.`);
  };

  const downloadBackup = async () => {
    setBusy(true);
    try {
      download(exportFileName('json', now(), 'backup'), await data.exportBackup(), 'application/json');
      say('Backup exported.');
    } catch (error) {
      report(error, 'The backup could not be made');
    } finally {
      setBusy(false);
    }
  };

  const onSort = (column: SortColumn) => setSort((s) => nextSort(s, column));
  const open = (key: string) => {
    setComparing(false);
    setOpenKey(key);
  };

  const side = compared ? (
    <ComparePanel rows={compared} now={clock} loadHistory={data.history} onClose={() => setComparing(false)} />
  ) : openRow ? (
    <DetailPanel
      row={openRow}
      now={clock}
      loadHistory={data.history}
      onSave={saveEntry}
      onClose={() => setOpenKey(undefined)}
    />
  ) : undefined;

  return (
    <>
      <header class="top">
        <div>
          <h1>Creator Scout shortlist</h1>
          <p class="muted" aria-live="polite">
            {rows === undefined
              ? 'Loading…'
              : `${all.length} shortlisted · ${shown.length} shown${selected.size ? ` · ${selected.size} selected` : ''}`}
          </p>
        </div>
        <div class="top-actions">
          <button type="button" disabled={busy || shown.length === 0} onClick={() => downloadCsv(shown)}>
            Export CSV
          </button>
          <button type="button" disabled={busy || rows === undefined} onClick={downloadBackup}>
            Export backup
          </button>
          <button
            type="button"
            aria-expanded={importOpen}
            aria-controls="import-section"
            onClick={() => setImportOpen(!importOpen)}
          >
            Import…
          </button>
        </div>
      </header>
      <main aria-busy={rows === undefined}>
        <div class="messages">
          <p role="status" class="status-text">
            {message?.kind === 'status' ? message.text : ''}
          </p>
          <p role="alert" class="error-text">
            {message?.kind === 'error' ? message.text : ''}
          </p>
        </div>
        {importOpen && (
          <section id="import-section" class="panel" aria-labelledby="import-title">
            <h2 id="import-title">Import</h2>
            <ImportPanel
              data={data}
              campaigns={campaigns}
              defaultCampaignId={defaultCampaignId}
              onImported={(text) => {
                say(text);
                void load();
              }}
            />
          </section>
        )}
        <Filters filter={filter} onChange={setFilter} tags={tags} campaigns={campaigns} />
        {selected.size > 0 && (
          <BulkBar
            count={selected.size}
            hidden={hiddenSelected}
            busy={busy}
            onUpdate={(patch) => void bulk(patch)}
            onRemove={() => void remove()}
            onExport={() =>
              downloadCsv([
                ...shown.filter((r) => selected.has(r.entry.key)),
                ...selectedRows.filter((r) => !shown.includes(r)),
              ])
            }
            onCompare={() => setComparing(true)}
            onClear={() => setSelected(new Set())}
          />
        )}
        <div class={side ? 'workspace with-side' : 'workspace'}>
          {rows === undefined ? (
            <p aria-busy="true">Loading the shortlist…</p>
          ) : all.length === 0 ? (
            <section class="empty-state" aria-labelledby="empty-title">
              <h2 id="empty-title">No creators yet</h2>
              <p>
                Open a creator’s profile, click the Creator Scout icon and choose “Save to shortlist”. Or use Import… to
                restore a backup or add profiles from a list.
              </p>
            </section>
          ) : (
            <ShortlistTable
              rows={shown}
              sort={sort}
              onSort={onSort}
              selected={selected}
              onToggle={toggle}
              onToggleAll={toggleAll}
              openKey={openRow ? openKey : undefined}
              onOpen={open}
              showCampaign={filter.campaignId === undefined && campaigns.length !== 1}
              now={clock}
            />
          )}
          {side}
        </div>
        <details class="csv-doc">
          <summary>What the CSV columns mean</summary>
          <p>
            UTF-8 with a byte order mark, comma-separated, one creator per campaign per line. Cells that a spreadsheet
            would run as a formula start with an apostrophe.
          </p>
          <dl>
            {CSV_COLUMNS.map((c) => (
              <div key={c.id}>
                <dt>{c.header}</dt>
                <dd>{c.description}</dd>
              </div>
            ))}
          </dl>
        </details>
      </main>
    </>
  );
}
