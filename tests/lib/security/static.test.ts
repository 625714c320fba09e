/**
 * Trust by construction (issue 8), checked on the code and on the built extension rather than promised:
 * - no page text can become HTML and no code is built from strings: the sources (entrypoints/, components/, lib/)
 *   use none of innerHTML, outerHTML, insertAdjacentHTML, document.write, dangerouslySetInnerHTML, eval,
 *   new Function or string timers;
 * - no network of its own: no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, importScripts or
 *   WebRTC, and no URL in code, markup or styles other than the supported sites' (so no remote fonts, scripts or
 *   analytics);
 * - the content scripts only read: lib/platforms, lib/content and the *.content.ts entrypoints call no method
 *   and set no property that changes the page's DOM;
 * - least privilege in the built manifests: `storage` and the supported hosts only, nothing optional, nothing
 *   exposed to web pages, no remote code, and a strict Content Security Policy on the extension's pages.
 *
 * The sources are parsed with TypeScript, so comments never trip a check and renamed or bracketed property
 * accesses (`el['innerHTML']`) still do.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS, PLATFORM_HOSTS } from '../../../lib/platforms/hosts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'lib'];
const SUPPORTED_HOSTS: readonly string[] = Object.values(PLATFORM_HOSTS).flat();

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => extensions.some((ext) => f.endsWith(ext)))
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
    .sort();
}

const CODE_FILES = SOURCE_DIRS.flatMap((dir) => filesUnder(dir, ['.ts', '.tsx']));

const parsed = new Map<string, ts.SourceFile>();

function parse(file: string): ts.SourceFile {
  const cached = parsed.get(file);
  if (cached) return cached;
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  parsed.set(file, source);
  return source;
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** "file:line: text" for a finding, so a failure names the place. */
function where(source: ts.SourceFile, node: ts.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${source.fileName}:${line + 1}: ${node.getText(source).replace(/\s+/g, ' ').slice(0, 100)}`;
}

/** The property name of `a.b` or `a['b']`, else undefined. */
function accessedName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  return undefined;
}

/** The name a call or `new` calls: `f(…)` → "f", `a.b.f(…)` → "f". */
function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  return accessedName(callee);
}

/** What a property access is on: `document.write` → "document". */
function receiverText(node: ts.Node, source: ts.SourceFile): string | undefined {
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    return node.expression.getText(source);
  }
  return undefined;
}

// ——— HTML sinks and code from strings ———

const HTML_SINKS = new Set(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc', 'createContextualFragment']);
const CODE_FROM_STRINGS = new Set(['eval', 'Function']);

/** Places where text could become HTML or code. */
function htmlAndCodeSinks(source: ts.SourceFile): string[] {
  const found: string[] = [];
  walk(source, (node) => {
    const name = accessedName(node);
    if (name && HTML_SINKS.has(name)) found.push(where(source, node));
    if (name && (name === 'write' || name === 'writeln') && /\bdocument$/.test(receiverText(node, source) ?? '')) {
      found.push(where(source, node));
    }
    if (ts.isJsxAttribute(node) && node.name.getText(source) === 'dangerouslySetInnerHTML') {
      found.push(where(source, node));
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = calleeName(node);
      if (callee && CODE_FROM_STRINGS.has(callee)) found.push(where(source, node));
      // setTimeout('code', …) evaluates its string.
      const first = node.arguments?.[0];
      if ((callee === 'setTimeout' || callee === 'setInterval') && first && ts.isStringLiteralLike(first)) {
        found.push(where(source, node));
      }
    }
  });
  return found;
}

// ——— Network ———

const NETWORK_NAMES = new Set([
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'sendBeacon',
  'importScripts',
  'RTCPeerConnection',
  'WebTransport',
]);

/** Uses of the browser's network APIs, and dynamic imports of anything but a relative module. */
function networkUses(source: ts.SourceFile): string[] {
  const found: string[] = [];
  walk(source, (node) => {
    if (ts.isIdentifier(node) && NETWORK_NAMES.has(node.text)) found.push(where(source, node));
    if (ts.isStringLiteralLike(node) && NETWORK_NAMES.has(node.text) && ts.isElementAccessExpression(node.parent)) {
      found.push(where(source, node.parent));
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const spec = node.arguments[0];
      if (!spec || !ts.isStringLiteralLike(spec) || !spec.text.startsWith('.')) found.push(where(source, node));
    }
  });
  return found;
}

/**
 * Template literals that build a URL whose host is an expression. Allowed only where the host is one of the
 * supported sites' by construction or the URL is parsed, never requested; a new one must be added here with why.
 */
const URL_WITH_VARIABLE_HOST: Readonly<Record<string, string>> = {
  'lib/platforms/hosts.ts': 'match patterns for the hosts in PLATFORM_HOSTS',
  'lib/store/profile-url.ts': 'parses a profile address a person typed, adding the scheme they left out',
};

const URL_IN_TEXT = /\b(?:https?|wss?|ftp):\/\/([^/\s'"`?#:]*)/gi;

/** URLs in a text (code literal, markup or style) whose host is not a supported site. */
function foreignUrls(text: string): string[] {
  return Array.from(text.matchAll(URL_IN_TEXT))
    .filter((m) => !SUPPORTED_HOSTS.includes((m[1] ?? '').toLowerCase()))
    .map((m) => m[0]);
}

function urlsInCode(source: ts.SourceFile): string[] {
  const found: string[] = [];
  walk(source, (node) => {
    const isText =
      ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (!isText && !ts.isJsxText(node)) return;
    for (const url of foreignUrls(node.text)) {
      // `https://${host}`: an expression host is allowed only in the files listed above.
      if (/:\/\/$/.test(url) && ts.isTemplateHead(node) && URL_WITH_VARIABLE_HOST[source.fileName]) continue;
      found.push(`${where(source, node)} (${url})`);
    }
  });
  return found;
}

// ——— Content scripts never write to the page ———

/** Methods that change the DOM, events that act on it, and focus or scroll changes a person would notice. */
const DOM_WRITING_METHODS = new Set([
  'appendChild',
  'append',
  'prepend',
  'insertBefore',
  'replaceChild',
  'replaceChildren',
  'replaceWith',
  'removeChild',
  'remove',
  'after',
  'before',
  'insertAdjacentElement',
  'insertAdjacentText',
  'insertAdjacentHTML',
  'setAttribute',
  'setAttributeNS',
  'setAttributeNode',
  'removeAttribute',
  'removeAttributeNS',
  'toggleAttribute',
  'attachShadow',
  'normalize',
  'splitText',
  'appendData',
  'insertData',
  'deleteData',
  'replaceData',
  'dispatchEvent',
  'click',
  'focus',
  'blur',
  'submit',
  'requestSubmit',
  'scrollIntoView',
  'scrollTo',
  'scrollBy',
  'showModal',
  'showPopover',
  'setProperty',
  'removeProperty',
  'execCommand',
  'write',
  'writeln',
  'postMessage',
]);
/** Methods that change the DOM only on a class list or a dataset. */
const CLASS_LIST_METHODS = new Set(['add', 'remove', 'toggle', 'replace']);
/** Properties whose assignment changes the DOM. */
const DOM_WRITING_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'outerText',
  'innerHTML',
  'outerHTML',
  'nodeValue',
  'data',
  'value',
  'className',
  'classList',
  'id',
  'src',
  'href',
  'title',
  'hidden',
  'style',
  'cssText',
  'checked',
  'selected',
  'disabled',
  'scrollTop',
  'scrollLeft',
  'location',
  'cookie',
  'dataset',
]);
const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** Calls and assignments in content-script code that could change the page. */
function domWrites(source: ts.SourceFile): string[] {
  const found: string[] = [];
  walk(source, (node) => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const receiver = receiverText(node.expression, source) ?? '';
      if (name && DOM_WRITING_METHODS.has(name)) found.push(where(source, node));
      else if (name && CLASS_LIST_METHODS.has(name) && /\.(classList|dataset|relList|part)$/.test(receiver)) {
        found.push(where(source, node));
      }
    }
    if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
      const target = node.left;
      const name = accessedName(target);
      // Assigning a property of the page's objects: `el.textContent = …`, `el.style.color = …`, `document.x = …`.
      const receiver = receiverText(target, source) ?? '';
      if (
        (name && DOM_WRITING_PROPERTIES.has(name)) ||
        /(^|\.)(style|dataset|document)$/.test(receiver) ||
        /^(document|window|location)$/.test(receiver)
      ) {
        found.push(where(source, node));
      }
    }
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && accessedName(node.operand)) {
      const name = accessedName(node.operand);
      if (name && DOM_WRITING_PROPERTIES.has(name)) found.push(where(source, node));
    }
  });
  return found;
}

const CONTENT_SCRIPT_FILES = [
  ...filesUnder('lib/platforms', ['.ts']),
  ...filesUnder('lib/content', ['.ts']),
  ...filesUnder('entrypoints', ['.content.ts', '.content.tsx']),
  ...filesUnder('entrypoints', ['/content.ts', '/index.content.ts']),
];

describe('the sources', () => {
  it('are all found (the scan is not scanning nothing)', () => {
    expect(CODE_FILES.length).toBeGreaterThan(50);
    expect(CODE_FILES).toContain('entrypoints/background.ts');
    expect(CONTENT_SCRIPT_FILES).toEqual(
      expect.arrayContaining(['lib/platforms/tiktok/page.ts', 'lib/content/run-reader.ts']),
    );
    expect(CONTENT_SCRIPT_FILES.filter((f) => f.startsWith('entrypoints/')).length).toBe(4);
  });

  it('never turn text into HTML or code', () => {
    expect(CODE_FILES.flatMap((f) => htmlAndCodeSinks(parse(f)))).toEqual([]);
  });

  it('make no network request of their own', () => {
    expect(CODE_FILES.flatMap((f) => networkUses(parse(f)))).toEqual([]);
  });

  it('name no web address other than the supported sites', () => {
    expect(CODE_FILES.flatMap((f) => urlsInCode(parse(f)))).toEqual([]);
  });

  it('load no remote script, style or font from their pages and style sheets', () => {
    const found: string[] = [];
    for (const file of SOURCE_DIRS.flatMap((dir) => filesUnder(dir, ['.html', '.css']))) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const url of foreignUrls(text)) found.push(`${file}: ${url}`);
      // Protocol-relative addresses ("//fonts.example/…") in attributes, url() and @import.
      for (const m of text.matchAll(/(?:src|href)\s*=\s*["']\s*\/\/|url\(\s*["']?\s*\/\/|@import\s+["']\s*\/\//gi)) {
        found.push(`${file}: ${m[0]}`);
      }
      if (file.endsWith('.html')) {
        // Every script is a module file of the extension: an inline script would need 'unsafe-inline'.
        for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
          if (!/\bsrc\s*=/.test(m[1] ?? '') || (m[2] ?? '').trim()) found.push(`${file}: inline <script>`);
        }
        if (/\son[a-z]+\s*=/i.test(text)) found.push(`${file}: inline event handler`);
      }
    }
    expect(found).toEqual([]);
  });

  it('of the content scripts only read the page', () => {
    expect(CONTENT_SCRIPT_FILES.flatMap((f) => domWrites(parse(f)))).toEqual([]);
  });

  it('of the content scripts ask WXT not to post its start message to the page', () => {
    // WXT's runtime otherwise posts {type: "<extension id>:<script>:wxt:content-script-started"} to every page a
    // content script starts on: any script of the site could tell the extension is installed, and its id.
    // tests/e2e/no-network.e2e.test.ts checks the built extension for the same.
    const entrypoints = CONTENT_SCRIPT_FILES.filter((f) => f.startsWith('entrypoints/'));
    const missing = entrypoints.filter((f) => !/\bnoScriptStartedPostMessage:\s*true\b/.test(parse(f).text));
    expect(missing).toEqual([]);
  });
});

describe('the checks themselves', () => {
  // Each check must be able to fail: run it on code that does what it forbids.
  const check = (code: string, fn: (source: ts.SourceFile) => string[], name = 'probe.tsx') =>
    fn(ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX));

  it('find HTML sinks and code built from strings', () => {
    expect(check(`el.innerHTML = page;`, htmlAndCodeSinks)).toHaveLength(1);
    expect(check(`el['outerHTML'] = page;`, htmlAndCodeSinks)).toHaveLength(1);
    expect(check(`el.insertAdjacentHTML('beforeend', t);`, htmlAndCodeSinks)).toHaveLength(1);
    expect(check(`document.write(t);`, htmlAndCodeSinks)).toHaveLength(1);
    expect(check(`const v = <div dangerouslySetInnerHTML={{ __html: t }} />;`, htmlAndCodeSinks)).toHaveLength(1);
    expect(check(`eval(t); new Function(t); setTimeout('go()', 1);`, htmlAndCodeSinks)).toHaveLength(3);
    expect(check(`// el.innerHTML = t\nel.textContent = t; setTimeout(go, 1);`, htmlAndCodeSinks)).toEqual([]);
  });

  it('find network APIs, remote imports and foreign URLs', () => {
    expect(check(`fetch('/x'); new XMLHttpRequest(); navigator.sendBeacon(u, d);`, networkUses)).toHaveLength(3);
    expect(
      check(`new WebSocket(u); window['fetch'](u); import('https://cdn.example/x.js');`, networkUses),
    ).toHaveLength(3);
    expect(check(`import('./local');`, networkUses)).toEqual([]);
    expect(check(`const a = 'https://www.tiktok.com/@x'; const b = 'https://evil.example/t.js';`, urlsInCode)).toEqual([
      expect.stringContaining('https://evil.example'),
    ]);
    expect(check('const c = `https://${host}/x`;', urlsInCode)).toHaveLength(1);
    expect(check('const c = `https://${host}/*`;', urlsInCode, 'lib/platforms/hosts.ts')).toEqual([]);
  });

  it('find writes to the DOM', () => {
    const writes = [
      `el.appendChild(x);`,
      `el.append(x);`,
      `el.remove();`,
      `el.setAttribute('a', 'b');`,
      `el.textContent = 'x';`,
      `el.classList.add('x');`,
      `el.style.color = 'red';`,
      `document.title = 'x';`,
      `el.dispatchEvent(new Event('x'));`,
      `window.postMessage('x', '*');`,
    ];
    for (const code of writes) expect(check(code, domWrites), code).not.toEqual([]);
    expect(
      check(`seen.add(id); map.set(k, v); out.push(p); el.getAttribute('title'); x.value === 1;`, domWrites),
    ).toEqual([]);
  });
});

// ——— The built manifests ———

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  [key: string]: unknown;
}

const BUILDS = [
  { name: 'chrome-mv3', version: 3 },
  { name: 'firefox-mv2', version: 2 },
] as const;
const FORBIDDEN_PERMISSIONS = [
  'tabs',
  'history',
  'cookies',
  'webRequest',
  'webRequestBlocking',
  'webNavigation',
  'scripting',
  'activeTab',
  'downloads',
  'clipboardRead',
  'management',
  'debugger',
  'nativeMessaging',
  'declarativeNetRequest',
  'proxy',
  'bookmarks',
  'topSites',
  '<all_urls>',
];
const BROAD_PATTERN = /^(\*|https?|wss?):\/\/\*(\/|$)|^\*:\/\//;

/** The CSP directives of a policy string: directive → its sources. */
export function cspDirectives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/**
 * Problems with an extension-pages policy: scripts only from the extension itself, no plugins, no inline or
 * evaluated code, no remote source anywhere, no network connections at all.
 */
export function cspProblems(policy: string | undefined): string[] {
  if (!policy) return ['no content_security_policy for the extension pages'];
  const d = cspDirectives(policy);
  const problems: string[] = [];
  const effective = (name: string, ...fallbacks: string[]) =>
    d.get(name) ?? fallbacks.map((f) => d.get(f)).find((s) => s !== undefined);
  const script = effective('script-src', 'default-src');
  if (!script || script.join(' ') !== "'self'") problems.push(`script-src is ${script?.join(' ')}, not 'self' alone`);
  const object = effective('object-src', 'default-src');
  if (!object || !(object.join(' ') === "'none'" || object.join(' ') === "'self'")) {
    problems.push(`object-src is ${object?.join(' ')}`);
  }
  const connect = effective('connect-src', 'default-src');
  if (!connect || connect.join(' ') !== "'none'") problems.push(`connect-src is ${connect?.join(' ')}, not 'none'`);
  for (const [name, sources] of d) {
    for (const s of sources) {
      if (/unsafe|^\*$|^https?:|^wss?:|^data:$|^blob:$|\*\./i.test(s) && !(name === 'img-src' && s === 'data:')) {
        problems.push(`${name} allows ${s}`);
      }
    }
  }
  return problems;
}

describe.each(BUILDS)('the built $name manifest', ({ name, version }) => {
  const file = path.join(ROOT, '.output', name, 'manifest.json');
  const built = fs.existsSync(file);
  // Skipped only when that browser's build is missing: `npm test` builds both before the unit tests' second run.
  const manifest = built ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest) : undefined;
  const when = it.skipIf(!built);
  if (!built) it.skip(`(no build at .output/${name}: run \`npx wxt build${version === 2 ? ' -b firefox' : ''}\`)`);

  when('is the expected manifest version', () => {
    expect(manifest!.manifest_version).toBe(version);
  });

  when('asks for storage and the supported sites only, nothing optional', () => {
    const m = manifest!;
    const permissions = [...(m.permissions ?? [])];
    // MV2 lists host access among the permissions.
    const hosts = version === 3 ? (m.host_permissions ?? []) : permissions.filter((p) => p.includes('://'));
    const apis = permissions.filter((p) => !p.includes('://'));
    expect(apis).toEqual(['storage']);
    expect([...hosts].sort()).toEqual([...HOST_PERMISSIONS].sort());
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    const everything = JSON.stringify(m);
    for (const forbidden of FORBIDDEN_PERMISSIONS) {
      expect([...permissions, ...(m.optional_permissions ?? [])]).not.toContain(forbidden);
    }
    expect(everything).not.toContain('<all_urls>');
  });

  when('runs content scripts only on the supported sites, with the extension’s own files', () => {
    const m = manifest!;
    expect(m.content_scripts?.length).toBeGreaterThan(0);
    for (const script of m.content_scripts ?? []) {
      for (const match of script.matches) {
        expect(HOST_PERMISSIONS).toContain(match);
        expect(match).not.toMatch(BROAD_PATTERN);
      }
      for (const js of [...(script.js ?? []), ...(script.css ?? [])]) {
        expect(js).not.toMatch(/^(https?:)?\/\//);
        expect(fs.existsSync(path.join(ROOT, '.output', name, js)), js).toBe(true);
      }
    }
  });

  when('exposes nothing to web pages and loads no remote code', () => {
    const m = manifest!;
    // web_accessible_resources would let any page probe for the extension; externally_connectable would let sites
    // message it.
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.update_url).toBeUndefined();
    const background = m.background ?? {};
    for (const script of [background.service_worker, background.page, ...(background.scripts ?? [])]) {
      if (script) expect(script).not.toMatch(/^(https?:)?\/\//);
    }
  });

  when('sets a strict Content Security Policy on the extension pages', () => {
    const m = manifest!;
    const policy =
      version === 3
        ? typeof m.content_security_policy === 'object'
          ? m.content_security_policy.extension_pages
          : undefined
        : typeof m.content_security_policy === 'string'
          ? m.content_security_policy
          : undefined;
    expect(cspProblems(policy)).toEqual([]);
  });

  when('holds no URL but the supported sites’ in the code it ships', () => {
    // The bundles include libraries; their only other URLs are XML namespaces (never fetched) and links inside
    // WXT's developer error messages. Anything else — a font, a CDN, an analytics host — fails here.
    const allowed = new Set([
      ...SUPPORTED_HOSTS,
      'www.w3.org', // SVG, XHTML and MathML namespaces in Preact's renderer
      'wxt.dev', // WXT's error message pointing to its testing guide
      'github.com', // WXT's error message pointing to wxt-dev/wxt issue 371
    ]);
    const dir = path.join(ROOT, '.output', name);
    const found: string[] = [];
    for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(js|html|css|json)$/.test(f)) continue;
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(URL_IN_TEXT)) {
        const host = (m[1] ?? '').toLowerCase();
        // `https://${e}`: a host from a variable, which the source check allows only in the files it lists.
        if (host && !host.startsWith('${') && !allowed.has(host)) found.push(`${f}: ${m[0]}`);
        if (host === 'github.com' && !text.includes('github.com/wxt-dev/wxt/issues/')) found.push(`${f}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('the Content Security Policy check', () => {
  it('accepts a strict policy and names what is wrong with a loose one', () => {
    expect(cspProblems("script-src 'self'; object-src 'none'; connect-src 'none'")).toEqual([]);
    expect(cspProblems("default-src 'none'; script-src 'self'; img-src 'self'")).toEqual([]);
    expect(cspProblems(undefined)).toHaveLength(1);
    expect(cspProblems("script-src 'self' 'unsafe-eval'; object-src 'self'; connect-src 'none'")).toEqual([
      "script-src is 'self' 'unsafe-eval', not 'self' alone",
      "script-src allows 'unsafe-eval'",
    ]);
    expect(cspProblems("script-src 'self'; object-src 'self'")).toEqual(["connect-src is undefined, not 'none'"]);
    expect(cspProblems("script-src 'self'; object-src 'self'; connect-src 'none'; style-src https://fonts.x")).toEqual([
      'style-src allows https://fonts.x',
    ]);
  });
});
