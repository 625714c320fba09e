/**
 * The shortlist as CSV, and lists of profiles (CSV or pasted lines) to seed a shortlist with.
 *
 * Export follows RFC 4180 (comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted and
 * inner quotes doubled) and starts with a UTF-8 byte order mark, without which Excel reads the file in the
 * system's legacy code page and garbles accents and CJK. Numbers are written as plain numbers (no thousands
 * separators, rates as percentages, dates as ISO 8601) so spreadsheets can sort and sum them.
 *
 * The export writes the text itself, byte for byte what papaparse's `unparse` wrote with the same rules (a test
 * checks this against papaparse): `unparse` runs half a dozen tests and a regex replace on every cell, and builds a
 * copy of every row, which made it most of the time of exporting 10,000 rows. Here a clean text cell costs one
 * regex test, and numbers none. Papa Parse still reads CSV (profile lists), where its parser earns its keep.
 */
import Papa from 'papaparse';
import { PLATFORMS, type Platform } from '../reading';
import { parseProfileInput, profileUrlFor, type ProfileRef } from './profile-url';
import { creatorKey } from './schema';
import type { ShortlistRow } from './repo';

/** The byte order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * Text cells that a spreadsheet would run as a formula (OWASP's CSV injection list: `=`, `+`, `-`, `@`, tab,
 * carriage return). papaparse's own default pattern, `/^[=+\-@\t\r].*$/`, misses a cell whose formula is
 * followed by a line break (`.` does not match one), so the export passes this pattern instead.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number | boolean | undefined;

/** One exported column: its id, the header text (part of the documented format) and how a row fills it. */
export interface CsvColumn {
  id: string;
  header: string;
  description: string;
  value: (row: ShortlistRow) => Cell;
}

const DAY = 86_400_000;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `new Date(ms).toISOString()` (UTC, "2024-06-06T07:08:09.000Z"), three times faster: two dates per row made a
 * quarter of the export's time. The day number becomes a date with Howard Hinnant's `civil_from_days`; anything
 * outside years 1970–9999, or not a whole number of milliseconds, goes to toISOString.
 */
export function isoTime(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 253_402_300_800_000) return new Date(ms).toISOString();
  const time = ms % DAY;
  // Days counted from 0000-03-01, so that each 400-year era starts just after a leap day.
  const z = (ms - time) / DAY + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const seconds = Math.floor(time / 1000);
  const millis = time - seconds * 1000;
  return (
    `${year}-${two(month)}-${two(day)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:` +
    `${two(seconds % 60)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`
  );
}

const iso = isoTime;
const round = (n: number | undefined, places: number): number | undefined =>
  n === undefined ? undefined : Math.round(n * 10 ** places) / 10 ** places;

/** The documented column set, in export order. */
export const CSV_COLUMNS = [
  {
    id: 'platform',
    header: 'Platform',
    description: 'instagram, tiktok, youtube or x',
    value: (r) => r.creator.platform,
  },
  { id: 'handle', header: 'Handle', description: 'without "@"', value: (r) => r.creator.handle },
  {
    id: 'displayName',
    header: 'Display name',
    description: 'as the profile shows it',
    value: (r) => r.creator.displayName,
  },
  {
    id: 'profileUrl',
    header: 'Profile URL',
    description: 'canonical profile address',
    // Made from the platform and handle, as the table's links are: a hand-edited backup cannot put another
    // address in a client's sheet.
    value: (r) => profileUrlFor(r.creator.platform, r.creator.handle),
  },
  {
    id: 'followers',
    header: 'Followers',
    description: 'number; what an abbreviation such as "12.3K" stands for when the exact count is not shown',
    value: (r) => r.creator.summary.followers?.value,
  },
  {
    id: 'followersExact',
    header: 'Followers exact',
    description: 'true when the follower count is exact, false when read from an abbreviation',
    value: (r) => r.creator.summary.followers?.exact,
  },
  {
    id: 'engagementRatePct',
    header: 'Engagement rate (%)',
    description: 'number, in percent (2.35 for 2.35%), 4 decimals',
    value: (r) =>
      round(r.creator.summary.engagementRate === undefined ? undefined : r.creator.summary.engagementRate * 100, 4),
  },
  { id: 'tier', header: 'Tier', description: 'nano, micro, mid, macro or mega', value: (r) => r.creator.summary.tier },
  {
    id: 'fitScore',
    header: 'Fit score',
    description: 'number, 2 decimals',
    value: (r) => round(r.creator.summary.fitScore, 2),
  },
  {
    id: 'priceMin',
    header: 'Price min (USD)',
    description: 'estimated price per post, US dollars',
    value: (r) => round(r.creator.summary.priceMin, 2),
  },
  {
    id: 'priceMax',
    header: 'Price max (USD)',
    description: 'estimated price per post, US dollars',
    value: (r) => round(r.creator.summary.priceMax, 2),
  },
  {
    id: 'status',
    header: 'Status',
    description: 'prospect, contacted, negotiating, booked or declined',
    value: (r) => r.entry.status,
  },
  { id: 'tags', header: 'Tags', description: 'separated by "; "', value: (r) => r.entry.tags.join('; ') },
  { id: 'notes', header: 'Notes', description: 'free text, line breaks kept', value: (r) => r.entry.notes },
  { id: 'campaign', header: 'Campaign', description: "the campaign's name", value: (r) => r.campaign?.name },
  { id: 'firstSeen', header: 'First seen', description: 'ISO 8601, UTC', value: (r) => iso(r.creator.firstSeen) },
  {
    id: 'lastSeen',
    header: 'Last seen',
    description: 'ISO 8601, UTC; empty for a creator added from a list whose profile has not been visited yet',
    value: (r) => (r.creator.unvisited ? undefined : iso(r.creator.lastSeen)),
  },
] as const satisfies readonly CsvColumn[];

/** A column id of the documented set. */
export type CsvColumnId = (typeof CSV_COLUMNS)[number]['id'];

/**
 * The rows as CSV text (with BOM), in the given columns (all by default). Text cells that would start a formula
 * get a leading `'` (and are quoted); numeric and boolean columns stay numbers and booleans, negative ones too.
 */
export function exportCsv(
  rows: readonly ShortlistRow[],
  columns: readonly CsvColumnId[] = CSV_COLUMNS.map((c) => c.id),
): string {
  const values = columns.map((id) => {
    const column = CSV_COLUMNS.find((c) => c.id === id);
    if (!column) throw new Error(`Unknown CSV column "${id}"`);
    return (column as CsvColumn).value;
  });
  const lines = new Array<string>(rows.length + 1);
  lines[0] = columns.map((id) => csvCell(CSV_COLUMNS.find((c) => c.id === id)!.header)).join(',');
  // One array of cells reused for every row, joined: quicker than growing each line with `+=` (the join writes
  // one flat string, where `+=` leaves a chain of pieces to be copied again later).
  const cells = new Array<string>(values.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let c = 0; c < values.length; c++) cells[c] = csvCell(values[c]!(row));
    lines[i + 1] = cells.join(',');
  }
  // RFC 4180 allows a final line break; ending with one keeps "one record per line" for tools that count lines.
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * A text cell that needs a closer look: a formula start, or something that must be quoted — a comma, a quote, a
 * line break (RFC 4180), a byte order mark or a space at either end (which some readers would drop).
 */
const NEEDS_CARE = /^[=+\-@\t\r ]|[",\r\n\uFEFF]| $/;

/** One cell as CSV text: empty for unknown values, numbers and booleans as they are, text quoted when needed. */
export function csvCell(value: Cell): string {
  if (typeof value === 'string') {
    if (!NEEDS_CARE.test(value)) return value;
    const doubled = value.replace(/"/g, '""');
    return FORMULA_START.test(value) ? `"'${doubled}"` : `"${doubled}"`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return '';
}

// ——— import of profile lists ———

/** A line that named no profile, and why. */
export interface ListProblem {
  /** 1-based line (or CSV record) number. */
  line: number;
  text: string;
  reason: string;
}

/** The profiles a list names (each once) and the lines it could not understand. */
export interface ProfileList {
  profiles: ProfileRef[];
  problems: ListProblem[];
  /** How many items named a profile already listed above them. */
  duplicates: number;
}

/** Most lines read from one list, against a hostile or mistaken paste. */
export const MAX_LIST_LINES = 10_000;

const URL_HEADER = /\b(url|link|profile|address)\b/i;
const HANDLE_HEADER = /\b(handle|user ?name|account|channel)\b|^@$/i;
const PLATFORM_HEADER = /\b(platform|network|site|social)\b/i;

/**
 * Reads a CSV (with a header naming a URL or handle column, like the shortlist's own export) or pasted lines of
 * profile URLs and @handles (several per line may be separated by commas, semicolons or spaces). Bare handles
 * need a platform: a "Platform" column's value, else `platform` (the one the user chose).
 */
export function parseProfileList(text: string, platform?: Platform): ProfileList {
  const clean = text.replace(/^\uFEFF/, '');
  const result: ProfileList = { profiles: [], problems: [], duplicates: 0 };
  const seen = new Set<string>();
  const add = (line: number, item: string, itemPlatform: Platform | undefined) => {
    const parsed = parseProfileInput(item, itemPlatform);
    if (!parsed.ok) {
      if (parsed.reason !== 'empty') result.problems.push({ line, text: clip(item), reason: parsed.reason });
      return;
    }
    const key = creatorKey(parsed.profile.platform, parsed.profile.handle);
    if (seen.has(key)) result.duplicates++;
    else {
      seen.add(key);
      result.profiles.push(parsed.profile);
    }
  };

  const table = readCsvTable(clean);
  if (table) {
    table.rows.slice(0, MAX_LIST_LINES).forEach((cells, i) => {
      const line = i + 2;
      const url = table.url === undefined ? '' : (cells[table.url] ?? '').trim();
      const handle = table.handle === undefined ? '' : (cells[table.handle] ?? '').trim();
      const named = table.platform === undefined ? undefined : platformNamed(cells[table.platform] ?? '');
      if (url) add(line, url, named ?? platform);
      else if (handle) add(line, handle, named ?? platform);
      else if (cells.some((c) => c.trim()))
        result.problems.push({ line, text: clip(cells.join(', ')), reason: 'no profile URL or handle in this row' });
    });
    if (table.rows.length > MAX_LIST_LINES) result.problems.push(tooMany());
    return result;
  }

  const lines = clean.split(/\r\n|\n|\r/);
  lines.slice(0, MAX_LIST_LINES).forEach((lineText, i) => {
    for (const item of lineText.split(/[\s,;]+/)) if (item) add(i + 1, item, platform);
  });
  if (lines.length > MAX_LIST_LINES) result.problems.push(tooMany());
  return result;
}

function tooMany(): ListProblem {
  return { line: MAX_LIST_LINES + 1, text: '', reason: `only the first ${MAX_LIST_LINES} lines were read` };
}

/** The CSV's columns for URL, handle and platform, if its first row is a header naming a URL or handle column. */
function readCsvTable(
  text: string,
): { rows: string[][]; url?: number; handle?: number; platform?: number } | undefined {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  // A pasted line of URLs has no header words; checking first avoids parsing a big paste twice.
  if (!URL_HEADER.test(firstLine) && !HANDLE_HEADER.test(firstLine)) return undefined;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: MAX_LIST_LINES + 1 });
  const [header, ...rows] = parsed.data;
  if (!header) return undefined;
  const find = (pattern: RegExp) => {
    // A header cell is a short label: a first row of data ("youtube.com/channel/…") has "/" or "." in it.
    const index = header.findIndex(
      (cell) => cell.trim().length <= 40 && !/[/.]/.test(cell) && pattern.test(cell.trim()),
    );
    return index === -1 ? undefined : index;
  };
  const url = find(URL_HEADER);
  const handle = find(HANDLE_HEADER);
  if (url === undefined && handle === undefined) return undefined;
  return { rows, url, handle, platform: find(PLATFORM_HEADER) };
}

function platformNamed(cell: string): Platform | undefined {
  const name = cell.trim().toLowerCase();
  if (name === 'twitter' || name === 'x (twitter)' || name === 'twitter/x') return 'x';
  return PLATFORMS.find((p) => p === name);
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
