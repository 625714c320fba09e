import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BulkPatch, CampaignRecord, EntryPatch, ShortlistEntry, ShortlistRow } from '../../lib/store';
import type { FirstRows } from '../../lib/store/first-rows';
import { rowsToCompare } from '../../lib/shortlist/compare';
import { exportFileName } from '../../lib/shortlist/time';
import {
  DEFAULT_SORT,
  keepSelected,
  nextSort,
  tableRows,
  tagsIn,
  type SortColumn,
  type SortSpec,
  type ViewFilter,
} from '../../lib/shortlist/view';
import { errorMessage, type Campaigns, type ShortlistData } from './data';
import { Filters } from './Filters';
import { formatCount } from '../format';
import { ShortlistTable } from './ShortlistTable';
import { afterPaint } from '../after-paint';
import { lazyComponent } from '../lazy';

// What appears only after a click is fetched after the first rows are shown (see `preloadTheRest`), so the page's
// first paint waits for the table's code alone.
const BulkBar = lazyComponent('bulk actions', () => import('./BulkBar').then((m) => m.BulkBar));
const ComparePanel = lazyComponent('comparison', () => import('./ComparePanel').then((m) => m.ComparePanel));
const DetailPanel = lazyComponent('creator panel', () => import('./DetailPanel').then((m) => m.DetailPanel));
const ImportPanel = lazyComponent('import form', () => import('./ImportPanel').then((m) => m.ImportPanel));
const CsvColumns = lazyComponent('column list', () => import('./CsvColumns').then((m) => m.CsvColumns));
const csvModule = () => import('../../lib/store/csv');

function preloadTheRest(): void {
  for (const component of [BulkBar, ComparePanel, DetailPanel, ImportPanel, CsvColumns]) component.preload();
  void csvModule().catch(() => undefined);
}

interface Props {
  data: ShortlistData;
  /**
   * The first reads ({@link openingReads}), started by the entrypoint before the page first renders: an effect
   * runs only after the first frame is painted, and this way the query does not wait for it.
   */
  opening?: OpeningReads;
  /**
   * What `opening` gave, when the entrypoint had it before rendering (see drawWhenRead): the first render shows the
   * rows, so the page is rendered and laid out once before its first paint, not empty first and again with them.
   */
  opened?: OpenedReads;
  now: () => number;
  /** Offers a file to save (the entrypoint uses a Blob and `<a download>`). */
  download: (name: string, contents: string | Blob, type: string) => void;
}

type Message = { kind: 'status' | 'error'; text: string };

/**
 * Rows read before everything else: a tall screenful (40 px rows) with room to scroll a little. Reading them
 * takes about the same time whether the shortlist holds 50 creators or 50,000.
 */
export const FIRST_ROWS = 80;

/** What the page reads before anything else: the first rows, the campaigns and the default campaign. */
export type OpenedReads = [FirstRows, Campaigns];
export type OpeningReads = Promise<OpenedReads>;

/** Starts the page's first reads. */
export function openingReads(data: ShortlistData): OpeningReads {
  return Promise.all([data.firstRows(FIRST_ROWS), data.campaigns()]);
}

/** The rows with these entries replaced (matched by key) or, for undefined, removed. */
function withEntries<T extends readonly ShortlistRow[]>(
  rows: T,
  changed: ReadonlyMap<string, ShortlistEntry | undefined>,
): ShortlistRow[] {
  const out: ShortlistRow[] = [];
  for (const row of rows) {
    if (!changed.has(row.entry.key)) out.push(row);
    else {
      const entry = changed.get(row.entry.key);
      if (entry) out.push({ ...row, entry });
    }
  }
  return out;
}

/** The shortlist page: filters, the table, the selected creator or a comparison beside it, export and import. */
export function ShortlistApp({ data, opening, opened, now, download }: Props) {
  // Every row once read; until then the first rows of one scope (all campaigns, or the one filtered to).
  const [all, setAll] = useState<ShortlistRow[] | undefined>(() => (opened?.[0].complete ? opened[0].rows : undefined));
  const [first, setFirst] = useState<FirstRows | undefined>(opened?.[0]);
  /** Entries in the whole shortlist, known from the first query long before every row is read. */
  const [total, setTotal] = useState<number | undefined>(() =>
    opened?.[0].complete ? opened[0].rows.length : undefined,
  );
  /** Rows read so far by the load of every row, while it runs. */
  const [progress, setProgress] = useState<number>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [campaigns, setCampaigns] = useState<CampaignRecord[]>(opened?.[1].list ?? []);
  const [defaultCampaignId, setDefaultCampaignId] = useState<string | undefined>(opened?.[1].defaultId);
  const [filter, setFilter] = useState<ViewFilter>({});
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [openKey, setOpenKey] = useState<string>();
  const [comparing, setComparing] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [csvDocOpen, setCsvDocOpen] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const [clock, setClock] = useState(now);

  const report = (error: unknown, what: string) =>
    setMessage({ kind: 'error', text: `${what}: ${errorMessage(error)}` });
  const say = (text: string) => setMessage({ kind: 'status', text });

  // Only the latest load may set rows: an older one finishing late would bring back what was changed since.
  const generation = useRef(0);
  const loading = useRef(false);
  // Edits made while every row is being read: the read may have passed those rows already, so they are applied
  // again to what it brings (each change is idempotent).
  const changesDuringLoad = useRef<((rows: readonly ShortlistRow[]) => ShortlistRow[])[]>([]);
  const hasAll = useRef(false);
  hasAll.current = all !== undefined;
  // Used once, by the first load; later loads read afresh. What the first render already shows is set again to the
  // very same values, which Preact takes as no change: no second render.
  const started = useRef(opened ? Promise.resolve(opened) : opening);

  /**
   * Reads every row (after the first screenful, when the page has none yet). `ifIdle` skips it while a load is
   * running: a tab shown again need not restart a load that is reading what it would read.
   */
  const load = useCallback(
    async ({ ifIdle = false }: { ifIdle?: boolean } = {}) => {
      if (ifIdle && loading.current) return;
      const run = ++generation.current;
      const current = () => run === generation.current;
      loading.current = true;
      try {
        if (started.current || !hasAll.current) {
          const reads = started.current ?? openingReads(data);
          started.current = undefined;
          const [firstRead, { list: nextCampaigns, defaultId: nextDefault }] = await reads;
          if (!current()) return;
          setFirst(firstRead);
          setCampaigns(nextCampaigns);
          setDefaultCampaignId(nextDefault);
          // A short shortlist is all there: nothing more to read.
          if (firstRead.complete) {
            setAll(firstRead.rows);
            setTotal(firstRead.rows.length);
            return;
          }
          // Let the first rows paint before the rest of the reading competes with them.
          await afterPaint();
          if (!current()) return;
          // How many there are, for the header, long before every row is read.
          data.count().then(
            (n) => current() && !hasAll.current && setTotal(n),
            () => undefined, // the header says "Loading…" until every row is read
          );
        }
        setProgress(0);
        changesDuringLoad.current = [];
        const [readRows, { list: nextCampaigns, defaultId: nextDefault }] = await Promise.all([
          data.rows((read) => current() && setProgress(read)),
          data.campaigns(),
        ]);
        if (!current()) return;
        const nextRows = changesDuringLoad.current.reduce((rows, change) => change(rows), readRows);
        setAll(nextRows);
        setTotal(nextRows.length);
        setCampaigns(nextCampaigns);
        setDefaultCampaignId(nextDefault);
        setSelected((s) => keepSelected(s, nextRows));
        setLoadFailed(false);
        setClock(now());
      } catch (error) {
        if (!current()) return;
        setLoadFailed(true);
        setMessage({ kind: 'error', text: `The shortlist could not be loaded: ${errorMessage(error)}` });
      } finally {
        if (current()) {
          loading.current = false;
          setProgress(undefined);
        }
      }
    },
    [data, now],
  );

  // A layout effect runs as soon as the page is rendered; an effect would wait for the next frame, and the first
  // rows (often already read, see `opening`) with it.
  useLayoutEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    // Creators saved from the popup while this tab was in the background show up when it is looked at again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load({ ifIdle: true });
    };
    document.addEventListener('visibilitychange', onVisible);
    const tick = setInterval(() => setClock(now()), 60_000);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(tick);
    };
  }, [load, now]);

  // Once rows are on screen, fetch the code of what a click may open next, so the click does not wait for it.
  const showsRows = first !== undefined || all !== undefined;
  useEffect(() => {
    if (showsRows) void afterPaint().then(preloadTheRest);
  }, [showsRows]);

  // Filtered to one campaign before every row is read: that campaign's first rows, by their own query.
  const scope = filter.campaignId;
  const firstScope = first?.campaignId;
  useEffect(() => {
    if (all || loadFailed || !first || firstScope === scope) return;
    let current = true;
    data.firstRows(FIRST_ROWS, scope).then(
      (read) => current && setFirst(read),
      () => undefined, // the load of every row reports problems; until it ends the table says it is waiting
    );
    return () => {
      current = false;
    };
  }, [all, loadFailed, first, firstScope, scope, data]);

  const table = useMemo(() => tableRows({ all, first }, filter, sort), [all, first, filter, sort]);
  const shown = table.kind === 'waiting' ? [] : table.rows;
  const complete = table.kind === 'view';
  // The rows the page holds: every row, or the first ones while the rest load.
  const known = all ?? first?.rows ?? [];
  const tags = useMemo(() => tagsIn(all ?? []), [all]);
  const openRow = openKey === undefined ? undefined : known.find((r) => r.entry.key === openKey);
  const selectedRows = known.filter((r) => selected.has(r.entry.key));
  // Selected rows the filters hide (none are hidden while the table waits for every row to filter them).
  const hiddenSelected =
    table.kind === 'waiting' ? 0 : selected.size - shown.filter((r) => selected.has(r.entry.key)).length;
  const compared = comparing ? rowsToCompare(shown, known, selected) : undefined;

  /** Applies a change to the rows held, whether every row or the first ones. */
  const changeRows = (change: (rows: readonly ShortlistRow[]) => ShortlistRow[]) => {
    if (loading.current) changesDuringLoad.current.push(change);
    setAll((current) => current && change(current));
    setFirst((current) => current && { ...current, rows: change(current.rows) });
  };

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
      changeRows((rows) => withEntries(rows, new Map([[key, entry]])));
      say('Changes saved.');
    } catch (error) {
      report(error, 'The changes were not saved');
    }
  };

  const bulk = async (patch: BulkPatch) => {
    setBusy(true);
    try {
      const keys = [...selected];
      const count = await data.bulkUpdate(keys, patch);
      // Only these entries changed: read them back rather than every row.
      const entries = await data.entries(keys);
      changeRows((rows) => withEntries(rows, new Map(keys.map((key, i) => [key, entries[i]]))));
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
      changeRows((rows) => rows.filter((r) => !gone.has(r.entry.key)));
      setTotal((n) => (n === undefined ? n : Math.max(0, n - removed.entries)));
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

  const downloadCsv = async (list: readonly ShortlistRow[]) => {
    try {
      const { exportCsv } = await csvModule();
      download(exportFileName('csv', now()), exportCsv(list), 'text/csv;charset=utf-8');
      say(`Exported ${list.length} ${list.length === 1 ? 'row' : 'rows'} as CSV.`);
    } catch (error) {
      report(error, 'The CSV could not be made');
    }
  };

  const downloadBackup = async () => {
    setBusy(true);
    // Seconds for a long shortlist, made off the page's thread: the page stays usable and says what it is doing.
    say('Making the backup…');
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

  const selectedText = selected.size ? ` · ${formatCount(selected.size)} selected` : '';
  const counts =
    total === undefined
      ? 'Loading…'
      : `${formatCount(all?.length ?? total)} shortlisted · ` +
        (complete ? `${formatCount(shown.length)} shown` : 'loading…') +
        selectedText;
  const read =
    total === undefined
      ? `${formatCount(progress ?? 0)} rows read`
      : `${formatCount(progress ?? 0)} of ${formatCount(total)} rows read`;
  // Below the rows while not every row is read: what is shown, and what is being waited for.
  const notice =
    table.kind === 'first' ? (
      loadFailed ? (
        `Only the ${formatCount(shown.length)} most recently seen could be read. Reload the page to try again.`
      ) : (
        <span aria-busy="true">
          The {formatCount(shown.length)} most recently seen{scope === undefined ? '' : ' in this campaign'} are shown;
          loading the rest ({read})…
        </span>
      )
    ) : !all && !first ? (
      // Only when the first rows took too long to read (the entrypoint draws the page once they are in).
      <span aria-busy="true">Loading the shortlist…</span>
    ) : table.kind === 'waiting' ? (
      loadFailed ? (
        'Not every creator could be read, so this sort or filter cannot be applied. Reload the page to try again.'
      ) : first?.campaignId !== scope ? (
        <span aria-busy="true">Loading…</span>
      ) : (
        <span aria-busy="true">Sorting and filtering look at every creator: waiting for them to load ({read})…</span>
      )
    ) : undefined;

  return (
    <>
      <header class="top">
        <div>
          <h1>Creator Scout shortlist</h1>
          <p class="muted" aria-live="polite">
            {counts}
          </p>
        </div>
        <div class="top-actions">
          <button
            type="button"
            disabled={busy || !complete || shown.length === 0}
            title={complete ? undefined : 'Available once every creator is loaded'}
            onClick={() => void downloadCsv(shown)}
          >
            Export CSV
          </button>
          <button type="button" disabled={busy || (!all && !first)} onClick={downloadBackup}>
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
      <main aria-busy={!all && !loadFailed}>
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
              onImportFailed={(text) => setMessage({ kind: 'error', text })}
            />
          </section>
        )}
        <Filters filter={filter} onChange={setFilter} tags={tags} tagsLoading={!all} campaigns={campaigns} />
        {selected.size > 0 && (
          <BulkBar
            count={selected.size}
            hidden={hiddenSelected}
            busy={busy}
            onUpdate={(patch) => void bulk(patch)}
            onRemove={() => void remove()}
            onExport={() =>
              void downloadCsv([
                ...shown.filter((r) => selected.has(r.entry.key)),
                ...selectedRows.filter((r) => !shown.includes(r)),
              ])
            }
            onCompare={() => setComparing(true)}
            onClear={() => setSelected(new Set())}
          />
        )}
        <div class={side ? 'workspace with-side' : 'workspace'}>
          {!all && !first && loadFailed ? (
            <p class="empty">Nothing could be read from the shortlist.</p>
          ) : all?.length === 0 ? (
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
              // Only the first rows are here: the table's size is the shortlist's, or unknown for one campaign.
              rowCount={table.kind === 'first' ? (scope === undefined ? (total ?? -1) : -1) : undefined}
              canSelectAll={complete}
              notice={notice}
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
        <details class="csv-doc" onToggle={(e) => setCsvDocOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>What the CSV columns mean</summary>
          <p>
            UTF-8 with a byte order mark, comma-separated, one creator per campaign per line. Cells that a spreadsheet
            would run as a formula start with an apostrophe.
          </p>
          {csvDocOpen && <CsvColumns />}
        </details>
      </main>
    </>
  );
}
