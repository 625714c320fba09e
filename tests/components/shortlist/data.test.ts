import { describe, expect, it } from 'vitest';
import {
  errorMessage,
  reopeningDb,
  shortlistData,
  type ClosableBackupSession,
} from '../../../components/shortlist/data';
import type { ScoutDb } from '../../../lib/store/db';
import { RecordNotFoundError, StorageFullError } from '../../../lib/store/errors';

describe('reopeningDb', () => {
  it('shares one connection, and opens a new one after the old closed or a newer version took over', async () => {
    const listeners: Record<string, () => void>[] = [];
    let fail = false;
    const open = reopeningDb(async () => {
      if (fail) throw new Error('blocked');
      const on: Record<string, () => void> = {};
      listeners.push(on);
      return { addEventListener: (type: string, fn: () => void) => (on[type] = fn) } as unknown as ScoutDb;
    });
    const first = await open();
    expect(await open()).toBe(first);
    listeners[0]!.versionchange!();
    const second = await open();
    expect(second).not.toBe(first);
    listeners[1]!.close!();
    fail = true;
    await expect(open()).rejects.toThrow('blocked');
    fail = false;
    // A failed open is not remembered: the next call tries again.
    expect(await open()).not.toBe(second);
    expect(listeners).toHaveLength(3);
  });
});

describe('errorMessage', () => {
  it("prefers the store's words for the user", () => {
    expect(errorMessage(new StorageFullError())).toMatch(/no room left/);
    expect(errorMessage(new RecordNotFoundError('entries', 'k'))).toMatch(/no longer exists/);
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('text')).toBe('text');
  });
});

describe('exportBackup', () => {
  /** A backup session that makes `made` (or fails with it), recording what it was asked and whether it was ended. */
  function session(made: Blob | Error) {
    const calls = { exportedAt: [] as number[], closed: 0 };
    const unused = () => Promise.reject(new Error('not used by an export'));
    const started: ClosableBackupSession = {
      open: unused,
      preview: unused,
      apply: unused,
      export: async (now) => {
        calls.exportedAt.push(now);
        if (made instanceof Error) throw made;
        return made;
      },
      close: () => void calls.closed++,
    };
    return { calls, start: async () => started };
  }
  const noDb = () => Promise.reject(new Error('the page itself opens no database for an export'));

  it('is made by a backup session of its own (the worker, on the page), stamped now, which is then ended', async () => {
    const made = new Blob(['{"format":"creator-scout-backup"}'], { type: 'application/json' });
    const { calls, start } = session(made);
    const data = shortlistData(noDb, () => 1_700_000_000_000, start);
    expect(await data.exportBackup()).toBe(made);
    expect(calls).toEqual({ exportedAt: [1_700_000_000_000], closed: 1 });
  });

  it('ends its session when the backup could not be made, and says why', async () => {
    const { calls, start } = session(new Error('The backup worker stopped unexpectedly.'));
    const data = shortlistData(noDb, () => 0, start);
    await expect(data.exportBackup()).rejects.toThrow('The backup worker stopped unexpectedly.');
    expect(calls.closed).toBe(1);
  });
});
