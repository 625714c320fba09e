import { describe, expect, it } from 'vitest';
import { T0, DAY, campaign, freshDb, reading } from './helpers';
import {
  addProfiles,
  getCreator,
  history,
  listCreators,
  putCampaign,
  recordVisit,
  saveCreator,
} from '../../../lib/store/repo';
import { RecordNotFoundError, InvalidRecordError } from '../../../lib/store/errors';
import { exportBackup, importBackup, parseBackup, applyImport } from '../../../lib/store/backup';
import { exportCsv } from '../../../lib/store/csv';
import { parseProfileList } from '../../../lib/store/csv';

async function withCampaigns(...ids: string[]) {
  const { db } = await freshDb();
  for (const id of ids) await putCampaign(db, campaign(id));
  return db;
}

describe('addProfiles', () => {
  it('adds creators named only by a list as prospects, with no counts and marked unvisited', async () => {
    const db = await withCampaigns('c1');
    const list = parseProfileList('https://www.tiktok.com/@illojuan\n@pluto__travel', 'instagram');
    const result = await addProfiles(db, 'c1', list.profiles, T0);
    expect(result).toEqual({ added: 2, alreadyListed: 0, newCreators: 2 });
    const creator = await getCreator(db, 'tiktok:illojuan');
    expect(creator).toEqual({
      key: 'tiktok:illojuan',
      platform: 'tiktok',
      handle: 'illojuan',
      profileUrl: 'https://www.tiktok.com/@illojuan',
      firstSeen: T0,
      lastSeen: T0,
      summary: {},
      unvisited: true,
    });
    expect(await history(db, 'tiktok:illojuan')).toEqual([]);
    const rows = await listCreators(db, { campaignId: 'c1' });
    expect(rows.map((r) => [r.creator.key, r.entry.status, r.entry.addedAt])).toEqual([
      ['instagram:pluto__travel', 'prospect', T0],
      ['tiktok:illojuan', 'prospect', T0],
    ]);
  });

  it('leaves known creators and existing entries as they are, and counts repeats once', async () => {
    const db = await withCampaigns('c1', 'c2');
    await saveCreator(db, {
      reading: reading('ana', 5000),
      summary: { followers: { value: 5000, exact: true } },
      campaignId: 'c1',
      now: T0,
    });
    const before = await getCreator(db, 'instagram:ana');
    const profiles = [
      { platform: 'instagram' as const, handle: 'ana' },
      { platform: 'instagram' as const, handle: 'ANA' },
      { platform: 'x' as const, handle: 'bob' },
    ];
    expect(await addProfiles(db, 'c1', profiles, T0 + DAY)).toEqual({ added: 1, alreadyListed: 1, newCreators: 1 });
    expect(await addProfiles(db, 'c2', profiles, T0 + DAY)).toEqual({ added: 2, alreadyListed: 0, newCreators: 0 });
    expect(await getCreator(db, 'instagram:ana')).toEqual(before);
  });

  it('writes nothing for an unknown campaign or an invalid handle', async () => {
    const db = await withCampaigns('c1');
    await expect(addProfiles(db, 'nope', [{ platform: 'x', handle: 'bob' }], T0)).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
    await expect(
      addProfiles(
        db,
        'c1',
        [
          { platform: 'x', handle: 'ok' },
          { platform: 'x', handle: 'bad/handle' },
        ],
        T0,
      ),
    ).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.count('creators')).toBe(0);
    expect(await db.count('entries')).toBe(0);
  });

  it('is replaced by a full record on the first visit, which is then the last seen', async () => {
    const db = await withCampaigns('c1');
    await addProfiles(db, 'c1', [{ platform: 'instagram', handle: 'ana' }], T0 + 5 * DAY);
    // A visit whose reading is older than the list import still counts as the first real sighting.
    await recordVisit(db, reading('ana', 1234), undefined, { followers: { value: 1234, exact: true } }, T0 + DAY);
    const creator = await getCreator(db, 'instagram:ana');
    expect(creator?.unvisited).toBeUndefined();
    expect(creator?.summary.followers?.value).toBe(1234);
    expect(creator?.lastSeen).toBe(T0 + DAY);
    expect(creator?.firstSeen).toBe(T0 + DAY);
    expect(await history(db, 'instagram:ana')).toHaveLength(1);
  });

  it('leaves "Last seen" empty in the CSV until the profile is visited', async () => {
    const db = await withCampaigns('c1');
    await addProfiles(db, 'c1', [{ platform: 'x', handle: 'bob' }], T0);
    const csv = exportCsv(await listCreators(db));
    const [header, line] = csv.replace('\uFEFF', '').split('\r\n');
    const lastSeen = header!.split(',').indexOf('Last seen');
    expect(line!.split(',')[lastSeen]).toBe('');
    expect(line!.split(',')[header!.split(',').indexOf('First seen')]).toBe(new Date(T0).toISOString());
  });

  it('survives a backup round trip, and a merge never lets an unvisited copy replace a visited one', async () => {
    const a = await withCampaigns('c1');
    await addProfiles(a, 'c1', [{ platform: 'instagram', handle: 'ana' }], T0 + 10 * DAY);
    const text = await exportBackup(a, T0 + 10 * DAY);
    expect(text).toContain('"unvisited":true');

    const b = await withCampaigns('c1');
    await saveCreator(b, {
      reading: reading('ana', 777),
      summary: { followers: { value: 777, exact: true } },
      campaignId: 'c1',
      now: T0,
    });
    const result = await importBackup(b, text, 'merge');
    expect(result.ok).toBe(true);
    const merged = await getCreator(b, 'instagram:ana');
    expect(merged?.summary.followers?.value).toBe(777);
    expect(merged?.unvisited).toBeUndefined();

    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    const c = await withCampaigns();
    await applyImport(c, parsed.backup, 'replace');
    expect((await getCreator(c, 'instagram:ana'))?.unvisited).toBe(true);
    expect(await exportBackup(c, T0 + 10 * DAY)).toBe(text);
  });
});

describe('listCreators on a long shortlist', () => {
  it('joins every entry to its creator and campaign when it reads the creators all at once', async () => {
    const db = await withCampaigns('c1', 'c2');
    const profiles = Array.from({ length: 300 }, (_, i) => ({
      platform: i % 2 ? ('x' as const) : ('tiktok' as const),
      handle: `user_${i}`,
    }));
    await addProfiles(db, 'c1', profiles, T0);
    await addProfiles(db, 'c2', profiles.slice(0, 10), T0 + 1);
    const rows = await listCreators(db);
    expect(rows).toHaveLength(310);
    for (const r of rows) {
      expect(r.creator.key).toBe(r.entry.creatorKey);
      expect(r.campaign?.id).toBe(r.entry.campaignId);
    }
    expect(await listCreators(db, { platform: 'x' })).toHaveLength(155);
    expect(await listCreators(db, { campaignId: 'c2' })).toHaveLength(10);
  });
});
