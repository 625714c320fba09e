/**
 * Sizes of a built extension: each content script, and everything each extension page loads (its HTML, the
 * scripts and style sheets it names, and every chunk those scripts import statically), raw and gzip (level 9).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface PageSize {
  page: string;
  /** Everything the page loads before it can render, including the HTML. */
  files: FileSize[];
  raw: number;
  gzip: number;
  /** Chunks only imported with `import()`, loaded later if at all. */
  lazy: FileSize[];
}

export interface BuildSizes {
  contentScripts: FileSize[];
  pages: PageSize[];
  /** Absent from a build of the content scripts alone. */
  background?: FileSize;
}

export function fileSize(dir: string, file: string): FileSize {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/** Files a chunk imports: static `import … from "./x.js"` / `import "./x.js"`, and dynamic `import("./x.js")`. */
function importsOf(code: string): { statics: string[]; dynamics: string[] } {
  const statics = [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)].map((m) => m[1]!);
  const dynamics = [...code.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => m[1]!);
  return { statics, dynamics };
}

/** What an extension page (e.g. "popup.html") loads, following static imports from its scripts. */
export function pageSize(dir: string, page: string): PageSize {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = named.map((ref) => ref.replace(/^\//, ''));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !fs.existsSync(path.join(dir, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const { statics, dynamics } = importsOf(fs.readFileSync(path.join(dir, file), 'utf8'));
    const resolve = (ref: string) => path.posix.normalize(path.posix.join(path.posix.dirname(file), ref));
    queue.push(...statics.map(resolve));
    for (const ref of dynamics) lazy.add(resolve(ref));
  }
  const files = [page, ...[...seen].sort()].map((file) => fileSize(dir, file));
  return {
    page,
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    lazy: [...lazy]
      .filter((file) => !seen.has(file))
      .sort()
      .map((file) => fileSize(dir, file)),
  };
}

/** Every content script, the popup and shortlist pages, and the background worker of a built extension. */
export function buildSizes(dir: string, pages = ['popup.html', 'shortlist.html']): BuildSizes {
  const scripts = fs
    .readdirSync(path.join(dir, 'content-scripts'))
    .filter((file) => file.endsWith('.js'))
    .sort();
  return {
    contentScripts: scripts.map((file) => fileSize(dir, `content-scripts/${file}`)),
    pages: pages.filter((page) => fs.existsSync(path.join(dir, page))).map((page) => pageSize(dir, page)),
    ...(fs.existsSync(path.join(dir, 'background.js')) ? { background: fileSize(dir, 'background.js') } : {}),
  };
}
