/**
 * Version-1 backup files (one snapshot record per visit, each with its whole reading) are still imported, converted
 * to histories without losing a visit. `backups/v1.json` was exported by the version-1 code itself (before backup
 * format 2 existed) from a shortlist built through the repository: three visits of one creator, one with the
 * assessment the background computes, an abbreviated count, a count not shown, notes and tags in several scripts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import { V2_CAMPAIGN, V2_CREATORS, V2_ENTRIES, V2_SNAPSHOTS, V3_HISTORIES } from './recorded/v2';
import { BACKUP_VERSION, exportBackup, importBackup, parseBackup, type Backup } from '../../../lib/store/backup';
import { getCreatorStatus } from '../../../lib/store/repo';
import type { ScoutDb } from '../../../lib/store/db';

const V1_TEXT = fs.readFileSync(path.join(import.meta.dirname, 'backups/v1.json'), 'utf8');

interface SnapshotV1 {
  creatorKey: string;
  at: number;
  reading: { followers: { status: string; value?: number; exact?: boolean } };
  assessment?: unknown;
}
const V1 = JSON.parse(V1_TEXT) as Record<string, unknown[]> & { snapshots: SnapshotV1[] };

function parsed(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.problem);
  return result.backup;
}

const withoutTimestamp = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');
const dump = async (db: ScoutDb) => withoutTimestamp(await exportBackup(db, 0));

describe('a version-1 backup file', () => {
  it('is read as the current version with every snapshot a visit, and only the latest visit whole', () => {
    expect(V1_TEXT).toMatch(/^\{"format":"creator-scout-backup","version":1,/);
    const backup = parsed(V1_TEXT);
    expect(backup.version).toBe(BACKUP_VERSION);
    for (const list of ['campaigns', 'creators', 'entries'] as const) expect(backup[list]).toEqual(V1[list]);
    expect(backup.meta).toEqual(V1.meta);

    const visits = backup.histories.flatMap((h) => h.visits.map((visit) => ({ key: h.creatorKey, visit })));
    expect(visits).toHaveLength(V1.snapshots.length);
    for (const snapshot of V1.snapshots) {
      const found = visits.filter(({ key, visit }) => key === snapshot.creatorKey && visit.at === snapshot.at);
      expect(found).toHaveLength(1);
      const { followers } = snapshot.reading;
      expect(found[0]!.visit.followers).toEqual(
        followers.status === 'known'
          ? { status: 'known', value: followers.value, exact: followers.exact }
          : { status: followers.status },
      );
      const latest = Math.max(...V1.snapshots.filter((s) => s.creatorKey === snapshot.creatorKey).map((s) => s.at));
      if (snapshot.at === latest) {
        expect(found[0]!.visit.reading).toEqual(snapshot.reading);
        expect(found[0]!.visit.assessment).toEqual(snapshot.assessment);
      } else {
        expect(found[0]!.visit).not.toHaveProperty('reading');
        expect(found[0]!.visit).not.toHaveProperty('assessment');
      }
    }
    // The middle visit's assessment was the background's own: its tier and price stay with the visit.
    const ana = backup.histories.find((h) => h.creatorKey === 'instagram:ana')!;
    expect(ana.visits[1]).toMatchObject({ tier: 'micro', priceMin: 74, priceMax: 365 });
    expect(ana.visits[1]).not.toHaveProperty('engagementRate'); // the page showed no posts to work it out from
  });

  it('imports, and the store then exports a current file that restores the same store', async () => {
    const { db } = await freshDb();
    const result = await importBackup(db, V1_TEXT, 'replace');
    expect(result.ok && result.preview.visits).toEqual({
      added: V1.snapshots.length,
      updated: 0,
      removed: 0,
      unchanged: 0,
    });
    const status = await getCreatorStatus(db, 'instagram', 'ana');
    expect(status.saved && status.followersChange).toMatchObject({ from: 10_300, to: 10_400, exact: false });
    const current = await exportBackup(db, 0);
    expect(current).toMatch(/^\{"format":"creator-scout-backup","version":2,/);
    const { db: copy } = await freshDb();
    expect((await importBackup(copy, current, 'replace')).ok).toBe(true);
    expect(await exportBackup(copy, 0)).toBe(current);
    // Merging the old file into the store it made changes nothing.
    const again = await importBackup(copy, V1_TEXT, 'merge');
    expect(again.ok).toBe(true);
    if (again.ok) {
      for (const store of ['campaigns', 'creators', 'entries', 'visits', 'meta'] as const) {
        expect(again.preview[store]).toMatchObject({ added: 0, updated: 0, removed: 0 });
      }
    }
    expect(await exportBackup(copy, 0)).toBe(current);
  });

  it('is converted as the database upgrade converts the same snapshots', () => {
    const text = JSON.stringify({
      format: 'creator-scout-backup',
      version: 1,
      exportedAt: '2024-03-09T16:00:00.000Z',
      campaigns: [V2_CAMPAIGN],
      creators: V2_CREATORS,
      entries: V2_ENTRIES,
      snapshots: V2_SNAPSHOTS,
      meta: { activeCampaignId: 'c1' },
    });
    const byCreator = <T extends { creatorKey: string }>(list: T[]) =>
      [...list].sort((a, b) => (a.creatorKey < b.creatorKey ? -1 : 1));
    expect(byCreator(parsed(text).histories)).toEqual(byCreator(V3_HISTORIES));
  });

  it('is refused, changing nothing, when a snapshot is wrong, repeated or names a missing creator', async () => {
    const { db } = await freshDb();
    await importBackup(db, V1_TEXT, 'replace');
    const before = await dump(db);
    // The edits reach into arbitrary paths of parsed JSON, which is what `any` is for.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const edit = (change: (data: Record<string, any>) => void) => {
      const data = JSON.parse(V1_TEXT) as Record<string, unknown>;
      change(data);
      return JSON.stringify(data);
    };
    const cases: [string, string, RegExp][] = [
      [edit((d) => d.snapshots.push(d.snapshots[0])), 'duplicate', /snapshots record 6 repeats the creator and time/],
      [
        edit((d) => (d.snapshots[4].reading.followers.value = -1)),
        'invalid-record',
        /snapshots record 5 \("tiktok:illojuan"\) is invalid: reading\.followers/,
      ],
      [
        edit((d) => (d.snapshots[3].creatorKey = 'instagram:zed')),
        'invalid-record',
        /snapshots record 4 .*creatorKey must match/,
      ],
      [
        edit((d) => {
          d.snapshots[3].creatorKey = 'instagram:zed';
          d.snapshots[3].reading.handle = 'zed';
        }),
        'broken-reference',
        /snapshots record 4 names creator "instagram:zed", which the file lacks/,
      ],
      // A version-1 file holds snapshots, not histories.
      [
        edit((d) => {
          d.histories = [];
          delete d.snapshots;
        }),
        'invalid-record',
        /"snapshots" is missing, not a list/,
      ],
    ];
    for (const [text, code, message] of cases) {
      const result = await importBackup(db, text, 'merge');
      expect(result.ok ? 'ok' : [result.code, result.problem]).toEqual([code, expect.stringMatching(message)]);
      expect(await dump(db)).toBe(before);
    }
  });
});
