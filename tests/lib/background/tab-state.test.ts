/**
 * The worker's memory of the tabs' states, beside storage.session: a popup opened while the worker runs is answered
 * from it (no storage read, no schema check of a state the worker wrote itself), and it never answers with a state
 * storage no longer has. Storage's side (a restarted worker reads it back, old schemas dropped) is tested in
 * background-core.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/assess';
import { assessReading } from '../../../lib/background/tab-assessment';
import { tabStates, type KeyValueArea } from '../../../lib/background/tab-state';
import { reading } from '../store/helpers';

type Changes = Record<string, { newValue?: unknown }>;

/** An in-memory storage area that copies values as the browser's does, counts reads and tells its changes. */
function memoryArea() {
  const data = new Map<string, unknown>();
  const listeners: ((changes: Changes) => void)[] = [];
  const tell = (changes: Changes) => listeners.forEach((listener) => listener(changes));
  const area = {
    data,
    get: vi.fn(async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
      tell(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
    }),
    remove: vi.fn(async (key: string) => {
      data.delete(key);
      tell({ [key]: {} });
    }),
    onChanged: { addListener: (listener: (changes: Changes) => void) => void listeners.push(listener) },
    /** What `chrome.storage.session.clear()` does, from any context. */
    clear() {
      const keys = [...data.keys()];
      data.clear();
      tell(Object.fromEntries(keys.map((k) => [k, {}])));
    },
  };
  return area satisfies KeyValueArea;
}

const ana = assessReading(reading('ana', 12_000), DEFAULT_SETTINGS);
const later = assessReading(reading('ana', 12_500, { readAt: 1_700_000_060_000 }), DEFAULT_SETTINGS);

describe('tabStates in the running worker', () => {
  it('answers with the state it stored, without reading storage', async () => {
    const area = memoryArea();
    const states = tabStates(area);
    await states.set(7, ana);
    expect(await states.get(7)).toBe(ana);
    expect(area.get).not.toHaveBeenCalled();
    // Storage has it too, for a worker started later.
    expect(await tabStates(area).get(7)).toEqual(ana);
  });

  it('reads and checks a stored state once, then answers from memory', async () => {
    const area = memoryArea();
    await tabStates(area).set(7, ana);
    const restarted = tabStates(area);
    expect(await restarted.get(7)).toEqual(ana);
    expect(await restarted.get(7)).toEqual(ana);
    expect(area.get).toHaveBeenCalledTimes(1);
  });

  it('gives the latest state: one being written is waited for, a later one replaces it', async () => {
    const area = memoryArea();
    const states = tabStates(area);
    await states.set(7, ana);
    const writing = states.set(7, later);
    expect(await states.get(7)).toBe(later);
    await writing;
    expect(await tabStates(area).get(7)).toEqual(later);
  });

  it('falls back to what storage holds when a write fails', async () => {
    const area = memoryArea();
    const states = tabStates(area);
    await states.set(7, ana);
    area.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(states.set(7, later)).rejects.toThrow('quota');
    expect(await states.get(7)).toEqual(ana);
  });

  it('forgets a removed state, and every state when storage is cleared from elsewhere', async () => {
    const area = memoryArea();
    const states = tabStates(area);
    await states.set(7, ana);
    await states.set(8, later);
    await states.remove(7);
    expect(await states.get(7)).toBeUndefined();
    // As a test (or the browser) clearing storage.session while the worker runs: nothing stale is answered.
    area.clear();
    expect(await states.get(8)).toBeUndefined();
  });

  it('never keeps a state read before it was removed', async () => {
    const area = memoryArea();
    await tabStates(area).set(7, ana);
    const states = tabStates(area);
    const reading = states.get(7);
    await states.remove(7);
    expect(await reading).toEqual(ana);
    expect(await states.get(7)).toBeUndefined();
  });
});
