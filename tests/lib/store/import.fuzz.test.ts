/**
 * Hostile files (issue 8), what backup.property.test.ts does not already cover: files that are not derived from a
 * real export at all (random text, random JSON, absurd nesting, absurd size) and the other import, profile lists
 * (pasted lines or a CSV such as the shortlist's own export, mutated). Each file is either imported in full or
 * changes nothing, and a refusal says why in words.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshDb } from './helpers';
import { buildShortlist, shortlistArb } from './arbitraries';
import { BACKUP_LIMITS, exportBackup, importBackup, type ImportMode } from '../../../lib/store/backup';
import { exportCsv, MAX_LIST_LINES, parseProfileList } from '../../../lib/store/csv';
import { addProfiles, listCreators } from '../../../lib/store/repo';
import { isValidHandle } from '../../../lib/store/profile-url';
import { creatorKey, entryKey } from '../../../lib/store/schema';
import type { ScoutDb } from '../../../lib/store/db';
import { PLATFORMS, type Platform } from '../../../lib/reading';

const dump = async (db: ScoutDb) => (await exportBackup(db, 0)).replace(/"exportedAt":"[^"]*"/, '');

/** Text that is anything but a backup: random strings and bytes, random JSON, JSON shaped almost like one. */
const notABackup: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record({
      format: fc.oneof(fc.constant('creator-scout-backup'), fc.string()),
      version: fc.oneof(fc.constant(1), fc.constant(2), fc.integer(), fc.string(), fc.constant(null)),
      exportedAt: fc.oneof(fc.constant('2026-01-01T00:00:00.000Z'), fc.string()),
      campaigns: fc.jsonValue({ maxDepth: 2 }),
      creators: fc.jsonValue({ maxDepth: 2 }),
      entries: fc.jsonValue({ maxDepth: 2 }),
      // Version 1 files hold snapshots, version 2 files histories.
      snapshots: fc.jsonValue({ maxDepth: 2 }),
      histories: fc.jsonValue({ maxDepth: 2 }),
      meta: fc.jsonValue({ maxDepth: 2 }),
    })
    .map((backup) => JSON.stringify(backup)),
);

describe('importing a file that is not a backup', () => {
  it('refuses random text and JSON with a message, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        shortlistArb,
        notABackup,
        fc.constantFrom<ImportMode>('replace', 'merge'),
        async (plan, file, mode) => {
          const { db } = await freshDb();
          await buildShortlist(db, plan);
          const before = await dump(db);
          const result = await importBackup(db, file, mode);
          // An empty shortlist of the right shape would be a backup: random JSON never is one here.
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.problem.length).toBeGreaterThan(10);
          expect(await dump(db)).toBe(before);
          db.close();
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it.each([
    ['nested 200,000 deep', '['.repeat(200_000) + ']'.repeat(200_000)],
    ['a "__proto__" key', '{"format":"creator-scout-backup","version":1,"__proto__":{"polluted":true}}'],
    ['over the size limit', ' '.repeat(BACKUP_LIMITS.maxChars + 1)],
    ['a byte-order mark only', '\uFEFF'],
    ['cut off', '{"format":"creator-scout-backup","version":1,"campaigns":['],
  ])('refuses a file %s, changing nothing', async (_what, file) => {
    const { db } = await freshDb();
    await buildShortlist(db, fc.sample(shortlistArb, { numRuns: 1, seed: 8 })[0]!);
    const before = await dump(db);
    const result = await importBackup(db, file, 'replace');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/\w{3,}.*\w{3,}/);
    expect(await dump(db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    db.close();
  });
});

type ListMutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'random'; text: string };

const listMutation: fc.Arbitrary<ListMutation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom('"', ',', '\r\n', '\n', ';', '@', '=cmd|/C calc!A0', '\u0000', '\uFEFF', 'https://', '://', ' '),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    ),
  }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('random' as const), text: fc.string({ unit: 'binary', maxLength: 300 }) }),
);

function mutateList(text: string, m: ListMutation): string {
  switch (m.kind) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'swap-lines': {
      const lines = text.split('\r\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\r\n');
    }
    case 'random':
      return m.text;
  }
}

describe('importing a profile list', () => {
  it('reads any list (mutated CSV exports, random text) without throwing, and adds all of it or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        shortlistArb,
        listMutation,
        fc.option(fc.constantFrom<Platform>(...PLATFORMS), { nil: undefined }),
        fc.boolean(),
        async (plan, change, platform, campaignExists) => {
          const { db } = await freshDb();
          await buildShortlist(db, plan);
          const file = mutateList(exportCsv(await listCreators(db)), change);

          const list = parseProfileList(file, platform);
          for (const profile of list.profiles) expect(isValidHandle(profile.platform, profile.handle)).toBe(true);
          expect(new Set(list.profiles.map((p) => creatorKey(p.platform, p.handle))).size).toBe(list.profiles.length);
          for (const problem of list.problems) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.line).toBeLessThanOrEqual(MAX_LIST_LINES + 1);
            expect(problem.reason.length).toBeGreaterThan(5);
            expect(problem.text.length).toBeLessThanOrEqual(80);
          }

          const campaignId = campaignExists ? 'c0' : 'no-such-campaign';
          const before = await dump(db);
          let added = true;
          try {
            await addProfiles(db, campaignId, list.profiles, 1_800_000_000_000);
          } catch (error) {
            added = false;
            expect(String(error).length).toBeGreaterThan(10);
          }
          if (added) {
            // All of it: every profile the list names is on the campaign's shortlist now.
            const entries = new Set((await listCreators(db, { campaignId })).map((row) => row.entry.key));
            for (const p of list.profiles) {
              expect(entries.has(entryKey(campaignId, creatorKey(p.platform, p.handle)))).toBe(true);
            }
          } else {
            expect(await dump(db)).toBe(before);
          }
          expect(added || !campaignExists || list.profiles.length === 0).toBe(true);
          db.close();
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('reads at most MAX_LIST_LINES lines of an absurd paste, and says so', () => {
    const paste = Array.from({ length: MAX_LIST_LINES + 5 }, (_, i) => `@creator_${i}`).join('\n');
    const list = parseProfileList(paste, 'tiktok');
    expect(list.profiles).toHaveLength(MAX_LIST_LINES);
    expect(list.problems.at(-1)?.reason).toMatch(/only the first/);
  });
});
