import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { profileUrlFor } from '../../lib/store/profile-url';
import type { ShortlistRow } from '../../lib/store';
import { selectionState, type SortColumn, type SortSpec } from '../../lib/shortlist/view';
import { scrollToShow, visibleRows } from '../../lib/shortlist/window';
import { fullDate, relativeTime } from '../../lib/shortlist/time';
import { PLATFORM_LABELS } from '../format';
import { engagementText, fitText, followersText, priceText, statusLabel, tierLabel } from './format';

/** Every row is this tall (CSS holds it there), which is what lets the table render only the rows on screen. */
export const ROW_HEIGHT = 40;

interface Props {
  /** The rows matching the filters, in order (or the first of them, while the rest load). */
  rows: readonly ShortlistRow[];
  /** How many rows the table has in all when `rows` are only the first ones (for aria-rowcount; -1: not known). */
  rowCount?: number;
  /** Whether "select all" can select every matching row: not while only some of them are read. */
  canSelectAll?: boolean;
  /** Shown below the rows, instead of "No creators match": what is still loading. */
  notice?: ComponentChildren;
  sort: SortSpec | undefined;
  onSort: (column: SortColumn) => void;
  selected: ReadonlySet<string>;
  onToggle: (entryKey: string) => void;
  /** Selects every matching row, or clears the selection when all are selected. */
  onToggleAll: () => void;
  /** The row open in the side panel. */
  openKey: string | undefined;
  onOpen: (entryKey: string) => void;
  showCampaign: boolean;
  now: number;
}

interface Column {
  id: SortColumn;
  label: string;
  className: string;
  cell: (row: ShortlistRow, now: number) => ComponentChildren;
}

const YOUTUBE_CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

/** A blank cell, read out as "not known" rather than "dash". */
export function Missing({ label = 'not known' }: { label?: string }) {
  return (
    <span class="missing">
      <span aria-hidden="true">—</span>
      <span class="sr-only">{label}</span>
    </span>
  );
}

/** "@name", or a YouTube channel id as it is (it has no "@"). */
export function handleLabel(row: ShortlistRow): string {
  const { platform, handle } = row.creator;
  return platform === 'youtube' && YOUTUBE_CHANNEL_ID.test(handle) ? handle : `@${handle}`;
}

/** The creator's profile link. Built from platform and handle, never from the stored URL: a backup file is text. */
export function ProfileLink({ row, tabIndex }: { row: ShortlistRow; tabIndex?: number }) {
  return (
    <a
      href={profileUrlFor(row.creator.platform, row.creator.handle)}
      target="_blank"
      rel="noopener noreferrer"
      tabIndex={tabIndex}
    >
      {handleLabel(row)}
    </a>
  );
}

/** When the creator was last seen, as "3 days ago" with the date in a tooltip. */
export function LastSeen({ row, now }: { row: ShortlistRow; now: number }) {
  const { creator } = row;
  if (creator.unvisited) {
    return (
      <span class="missing" title={`Added from a list on ${fullDate(creator.firstSeen)}; no counts read yet`}>
        not visited yet
      </span>
    );
  }
  return (
    <time dateTime={new Date(creator.lastSeen).toISOString()} title={fullDate(creator.lastSeen)}>
      {relativeTime(creator.lastSeen, now)}
    </time>
  );
}

/** Followers, marked "≈" (and "about" for screen readers) when read from an abbreviation. */
export function Followers({ row }: { row: ShortlistRow }) {
  const f = followersText(row.creator.summary);
  if (!f) return <Missing label={row.creator.unvisited ? 'no counts yet' : 'not known'} />;
  return f.approximate ? (
    <span title="About: the page showed an abbreviated count">
      <span aria-hidden="true">≈</span>
      <span class="sr-only">about </span>
      {f.text}
    </span>
  ) : (
    <>{f.text}</>
  );
}

const orMissing = (text: string | undefined) => text ?? <Missing />;

const COLUMNS: Column[] = [
  { id: 'platform', label: 'Platform', className: 'col-platform', cell: (r) => PLATFORM_LABELS[r.creator.platform] },
  {
    id: 'handle',
    label: 'Creator',
    className: 'col-handle',
    cell: (r) => (
      <>
        {/* One tab stop per row: the keyboard reaches the link from the side panel (Enter on the row). */}
        <ProfileLink row={r} tabIndex={-1} />
        {r.creator.displayName && <span class="display-name"> {r.creator.displayName}</span>}
      </>
    ),
  },
  { id: 'followers', label: 'Followers', className: 'col-num col-followers', cell: (r) => <Followers row={r} /> },
  {
    id: 'engagement',
    label: 'Engagement',
    className: 'col-num col-engagement',
    cell: (r) => orMissing(engagementText(r.creator.summary.engagementRate)),
  },
  { id: 'tier', label: 'Tier', className: 'col-tier', cell: (r) => orMissing(tierLabel(r.creator.summary.tier)) },
  {
    id: 'fit',
    label: 'Fit',
    className: 'col-num col-fit',
    cell: (r) => orMissing(fitText(r.creator.summary.fitScore)),
  },
  {
    id: 'price',
    label: 'Price / post',
    className: 'col-num col-price',
    cell: (r) => {
      const exact = priceText(r.creator.summary);
      return exact === undefined ? (
        <Missing />
      ) : (
        <span title={exact}>{priceText(r.creator.summary, { short: true })}</span>
      );
    },
  },
  {
    id: 'status',
    label: 'Status',
    className: 'col-status',
    cell: (r) => <span class={`status status-${r.entry.status}`}>{statusLabel(r.entry.status)}</span>,
  },
  { id: 'lastSeen', label: 'Last seen', className: 'col-seen', cell: (r, now) => <LastSeen row={r} now={now} /> },
  {
    id: 'tags',
    label: 'Tags',
    className: 'col-tags',
    cell: (r) =>
      r.entry.tags.length === 0 ? (
        <Missing label="no tags" />
      ) : (
        <span title={r.entry.tags.join(', ')}>
          {r.entry.tags.map((tag, i) => (
            <span class="tag" key={i}>
              {tag}
            </span>
          ))}
        </span>
      ),
  },
  {
    id: 'campaign',
    label: 'Campaign',
    className: 'col-campaign',
    cell: (r) => r.campaign?.name ?? <span class="missing">{r.entry.campaignId}</span>,
  },
];

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The shortlist as a table that renders only the rows on screen (fixed row height, blank rows of the right height
 * above and below), so 50,000 creators scroll as smoothly as 50. Keyboard: Tab reaches the rows; ↑ ↓ Page Up/Down
 * Home End move between them, Enter opens one in the side panel, Space selects it.
 */
export function ShortlistTable(props: Props) {
  const { rows, rowCount = rows.length, canSelectAll = true, notice } = props;
  const { sort, onSort, selected, onToggle, onToggleAll, openKey, onOpen, showCampaign, now } = props;
  const columns = showCampaign ? COLUMNS : COLUMNS.filter((c) => c.id !== 'campaign');
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // The scroller as last measured, for paging from the keyboard.
  const viewport = useRef({ height: 0, header: 0 });
  // The height the rendered rows cover. At first the window's: the table is drawn with its rows before anything is
  // measured, and the scroller is no taller than the window unless the page itself scrolls. It only ever grows (to a
  // taller scroller): the few rows that reach below the fold cost less than trimming them on the first measure,
  // which would render the table again and lay it out twice before its first paint (~30 ms of the first rows).
  const [covered, setCovered] = useState(() => (typeof window === 'undefined' ? 0 : window.innerHeight));
  // Rows beyond those are rendered ahead of a scroll only once the table is first moved: in the first render each
  // costs the first paint ~2 ms on a 2-core machine, and the window's height already reaches past the scroller by the
  // height of what is above it.
  const [moved, setMoved] = useState(false);
  const [cursor, setCursor] = useState(0);
  const pendingFocus = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const height = el.clientHeight;
      viewport.current = { height, header: head.current?.offsetHeight ?? 0 };
      // Functional, so that an unchanged height is no new state and no second render.
      setCovered((before) => Math.max(before, height));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // After the rows change (a filter, a removal), keep the cursor on a row that exists.
  const last = rows.length - 1;
  const current = Math.max(0, Math.min(cursor, last));
  const win = visibleRows(scrollTop, covered, ROW_HEIGHT, rows.length, moved ? undefined : 0);
  const tabbable = current >= win.start && current < win.end ? current : win.start;

  // A layout effect, run as soon as the render is committed: an effect would wait for the next frame, and a second
  // arrow key pressed before then would go to the row that still has focus (held-down keys repeat that fast).
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === undefined) return;
    pendingFocus.current = undefined;
    scroller.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(index, last));
    const el = scroller.current;
    if (el) {
      const top = scrollToShow(target, el.scrollTop, el.clientHeight, ROW_HEIGHT, viewport.current.header);
      if (top !== el.scrollTop) el.scrollTop = top;
      setScrollTop(el.scrollTop);
      setMoved(true);
    }
    setCursor(target);
    pendingFocus.current = target;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const tr = event.target instanceof HTMLElement && event.target.tagName === 'TR' ? event.target : undefined;
    if (!tr?.dataset.index) return;
    const index = Number(tr.dataset.index);
    const key = rows[index]?.entry.key;
    const { height, header } = viewport.current;
    const page = Math.max(1, Math.floor((height - header) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' && key) {
      event.preventDefault();
      onOpen(key);
    } else if (event.key === ' ' && key) {
      event.preventDefault();
      onToggle(key);
    }
  };

  const allState = selectionState(selected, rows);
  return (
    <div
      class="table-scroll"
      ref={scroller}
      onScroll={(e) => {
        setScrollTop((e.currentTarget as HTMLDivElement).scrollTop);
        setMoved(true);
      }}
    >
      <table
        class={showCampaign ? 'shortlist-table with-campaign' : 'shortlist-table'}
        aria-rowcount={rowCount < 0 ? -1 : rowCount + 1}
      >
        <caption class="sr-only">
          Shortlisted creators. Use the arrow keys to move between rows, Enter to open one, Space to select it.
        </caption>
        <colgroup>
          <col class="col-select" />
          {columns.map((c) => (
            <col key={c.id} class={c.className} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            <th scope="col" class="col-select">
              <input
                type="checkbox"
                aria-label={
                  allState === 'all'
                    ? 'Clear the selection'
                    : canSelectAll
                      ? `Select all ${rows.length} matching creators`
                      : 'Select all (once every creator is loaded)'
                }
                checked={allState === 'all' && rows.length > 0}
                indeterminate={allState === 'some'}
                disabled={rows.length === 0 || (!canSelectAll && allState !== 'all')}
                onChange={onToggleAll}
              />
            </th>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                class={c.className}
                aria-sort={sort?.column === c.id ? ARIA_SORT[sort.direction] : undefined}
              >
                <button type="button" class="sort" onClick={() => onSort(c.id)}>
                  {c.label}
                  <span class="sort-mark" aria-hidden="true">
                    {sort?.column === c.id ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {win.before > 0 && (
            <tr class="spacer" aria-hidden="true">
              <td colSpan={columns.length + 1} style={{ height: `${win.before}px` }} />
            </tr>
          )}
          {rows.slice(win.start, win.end).map((row, i) => {
            const index = win.start + i;
            const key = row.entry.key;
            const isSelected = selected.has(key);
            return (
              <tr
                key={key}
                data-index={index}
                data-key={key}
                aria-rowindex={index + 2}
                aria-current={openKey === key ? 'true' : undefined}
                tabIndex={index === tabbable ? 0 : -1}
                class={`${isSelected ? 'selected' : ''} ${openKey === key ? 'open' : ''}`}
                onClick={(event) => {
                  const target = event.target as HTMLElement;
                  if (target.closest('a, input, button, label')) return;
                  setCursor(index);
                  onOpen(key);
                }}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) setCursor(index);
                }}
              >
                <td class="col-select">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={`Select ${handleLabel(row)} on ${PLATFORM_LABELS[row.creator.platform]}${
                      showCampaign && row.campaign ? ` in ${row.campaign.name}` : ''
                    }`}
                    checked={isSelected}
                    onChange={() => onToggle(key)}
                  />
                </td>
                {columns.map((c) => (
                  <td key={c.id} class={c.className}>
                    {c.cell(row, now)}
                  </td>
                ))}
              </tr>
            );
          })}
          {win.after > 0 && (
            <tr class="spacer" aria-hidden="true">
              <td colSpan={columns.length + 1} style={{ height: `${win.after}px` }} />
            </tr>
          )}
        </tbody>
      </table>
      {notice ? <p class="empty">{notice}</p> : rows.length === 0 && <p class="empty">No creators match.</p>}
    </div>
  );
}
