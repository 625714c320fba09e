import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshDb } from './helpers';
import { buildShortlist, shortlistArb } from './arbitraries';
import {
  exportBackup,
  importBackup,
  parseBackup,
  previewImport,
  serialiseBackup,
  type ImportMode,
} from '../../../lib/store/backup';
import { listCreators } from '../../../lib/store/repo';
import type { ScoutDb } from '../../../lib/store/db';

const withoutTimestamp = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');
const dump = async (db: ScoutDb) => withoutTimestamp(await exportBackup(db, 0));

describe('backup properties', () => {
  it('any shortlist survives export → import → export unchanged, in either mode', async () => {
    await fc.assert(
      fc.asyncProperty(shortlistArb, fc.constantFrom<ImportMode>('replace', 'merge'), async (plan, mode) => {
        const { db } = await freshDb();
        await buildShortlist(db, plan);
        const text = await exportBackup(db, 1_234);
        const parsed = parseBackup(text);
        expect(parsed.ok ? 'ok' : parsed.problem).toBe('ok');

        const { db: copy } = await freshDb();
        const result = await importBackup(copy, text, mode);
        expect(result.ok).toBe(true);
        expect(await exportBackup(copy, 1_234)).toBe(text);
        expect(await listCreators(copy)).toEqual(await listCreators(db));
        db.close();
        copy.close();
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('any file either imports fully or changes nothing', async () => {
    const mutation = fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('char' as const),
        at: fc.nat(),
        char: fc.constantFrom('"', '{', '}', ',', ':', '0', 'x', '\\', ']', ' '),
      }),
      // `shallow` picks among the lists' records and their own fields, where references and keys live.
      fc.record({
        kind: fc.constant('set' as const),
        path: fc.nat(),
        shallow: fc.boolean(),
        value: fc.jsonValue({ maxDepth: 2 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), path: fc.nat(), shallow: fc.boolean() }),
      fc.record({ kind: fc.constant('proto' as const), path: fc.nat(), shallow: fc.boolean() }),
      fc.record({ kind: fc.constant('duplicate' as const), path: fc.nat(), shallow: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(
        shortlistArb,
        shortlistArb,
        mutation,
        fc.constantFrom<ImportMode>('replace', 'merge'),
        async (source, target, change, mode) => {
          const { db: from } = await freshDb();
          await buildShortlist(from, source);
          const file = mutate(await exportBackup(from, 0), change);

          const { db } = await freshDb();
          await buildShortlist(db, target);
          const before = await dump(db);
          const result = await importBackup(db, file, mode);
          if (!result.ok) {
            expect(result.problem.length).toBeGreaterThan(10);
            expect(await dump(db)).toBe(before);
          } else {
            const parsed = parseBackup(file);
            if (!parsed.ok) throw new Error('imported a file parseBackup refuses');
            if (mode === 'replace') {
              expect(await dump(db)).toBe(withoutTimestamp(serialiseBackup(parsed.backup)));
            } else {
              // Everything the file holds is in: merging it again would change nothing.
              const again = await previewImport(db, parsed.backup, 'merge');
              for (const store of ['campaigns', 'creators', 'entries', 'visits', 'meta'] as const) {
                expect(again[store]).toMatchObject({ added: 0, updated: 0, removed: 0 });
              }
            }
            // Whatever was imported, the store still exports a file it accepts.
            const after = parseBackup(await exportBackup(db, 0));
            expect(after.ok ? 'ok' : after.problem).toBe('ok');
          }
          from.close();
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

type Mutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'char'; at: number; char: string }
  | { kind: 'set'; path: number; shallow: boolean; value: unknown }
  | { kind: 'delete'; path: number; shallow: boolean }
  | { kind: 'proto'; path: number; shallow: boolean }
  | { kind: 'duplicate'; path: number; shallow: boolean };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value (down to `maxDepth`): its container and the key or index within it. */
function places(root: Json, maxDepth: number): { parent: Json[] | { [key: string]: Json }; key: string | number }[] {
  const out: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const visit = (node: Json, depth: number) => {
    if (depth > maxDepth) return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ parent: node, key: i });
        visit(child, depth + 1);
      });
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        out.push({ parent: node, key });
        visit(child, depth + 1);
      }
    }
  };
  visit(root, 0);
  return out;
}

function mutate(text: string, change: Mutation): string {
  switch (change.kind) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, change.at % text.length);
    case 'char': {
      const i = change.at % text.length;
      return text.slice(0, i) + change.char + text.slice(i + 1);
    }
    default: {
      const data = JSON.parse(text) as Json;
      const all = places(data, change.shallow ? 2 : Infinity);
      const place = all[change.path % all.length];
      if (!place) return text;
      const { parent, key } = place;
      const target = parent as Record<string | number, unknown>;
      if (change.kind === 'set') target[key] = change.value;
      else if (change.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete target[key];
      } else if (change.kind === 'proto') {
        const node = target[key];
        const host = node && typeof node === 'object' && !Array.isArray(node) ? node : parent;
        if (!Array.isArray(host))
          Object.defineProperty(host, '__proto__', { value: { polluted: true }, enumerable: true });
      } else if (Array.isArray(parent)) parent.push(parent[key as number] as Json);
      return JSON.stringify(data);
    }
  }
}
