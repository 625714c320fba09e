/**
 * A backup session, as the shortlist page's backup worker runs it: one file read and checked once, previewed in
 * either mode and imported, or made from the whole store, with every answer plain data.
 */
import { describe, expect, it } from 'vitest';
import { backupSession } from '../../../lib/store/backup-session';
import { exportBackup } from '../../../lib/store/backup';
import { putCampaign, saveCreator } from '../../../lib/store/repo';
import { T0, campaign, freshDb, reading } from './helpers';

async function backupOfTwo(): Promise<string> {
  const { db } = await freshDb();
  await putCampaign(db, campaign('c1'));
  for (const handle of ['ana', 'bob']) {
    await saveCreator(db, { reading: reading(handle, 1200), summary: {}, campaignId: 'c1', now: T0 });
  }
  return exportBackup(db, T0);
}

const file = (text: string) => new Blob([text], { type: 'application/json' });

describe('a backup session', () => {
  it('reads a file once, previews it in either mode, and imports it', async () => {
    const { db } = await freshDb();
    await putCampaign(db, campaign('other'));
    const session = backupSession(async () => db);

    expect(await session.open(file(await backupOfTwo()))).toEqual({
      ok: true,
      exportedAt: new Date(T0).toISOString(),
    });
    expect((await session.preview('merge')).creators).toMatchObject({ added: 2, removed: 0 });
    expect((await session.preview('replace')).campaigns).toMatchObject({ added: 1, removed: 1 });
    expect(await db.count('creators')).toBe(0);

    const done = await session.apply('merge');
    expect(done).toMatchObject({ ok: true, preview: { creators: { added: 2 } } });
    expect(await db.count('creators')).toBe(2);
    // Plain data throughout: what a worker's message can carry.
    expect(structuredClone(done)).toEqual(done);
  });

  it('refuses a file that is not a backup, and then has nothing to preview or import', async () => {
    const { db } = await freshDb();
    const session = backupSession(async () => db);
    await session.open(file(await backupOfTwo()));

    const refused = await session.open(file('{"format":"something-else"}'));
    expect(refused).toMatchObject({ ok: false, problem: expect.any(String) });
    await expect(session.preview('merge')).rejects.toThrow('No backup file has been read.');
    await expect(session.apply('merge')).rejects.toThrow('No backup file has been read.');
    expect(await db.count('creators')).toBe(0);
  });

  it('makes a backup of the whole store that another browser imports whole', async () => {
    const { db } = await freshDb();
    await putCampaign(db, campaign('c1'));
    for (const handle of ['ana', 'bob', 'cy']) {
      await saveCreator(db, { reading: reading(handle, 1500), summary: {}, campaignId: 'c1', now: T0 });
    }
    const made = await backupSession(async () => db).export(T0 + 1);
    expect(made.type).toBe('application/json');
    const text = await made.text();
    expect(text).toBe(await exportBackup(db, T0 + 1));
    expect(JSON.parse(text)).toMatchObject({ exportedAt: new Date(T0 + 1).toISOString() });

    const other = await freshDb();
    const into = backupSession(async () => other.db);
    expect(await into.open(made)).toMatchObject({ ok: true });
    expect(await into.apply('merge')).toMatchObject({ ok: true, preview: { creators: { added: 3 } } });
    // And once there, the same file changes nothing more.
    expect((await into.preview('merge')).creators).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });
});
