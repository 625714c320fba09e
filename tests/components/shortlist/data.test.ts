import { describe, expect, it } from 'vitest';
import { errorMessage, reopeningDb } from '../../../components/shortlist/data';
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
