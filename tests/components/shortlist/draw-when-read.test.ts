import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawWhenRead } from '../../../components/shortlist/draw-when-read';

describe('drawWhenRead', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** drawWhenRead started (allowing 400 ms) on first reads that this test settles. */
  function drawing() {
    let resolve!: (rows: string[]) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<string[]>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const draw = vi.fn();
    drawWhenRead(promise, draw, 400);
    return { resolve, reject, draw };
  }

  it('draws as soon as the first rows are read, with them, and only once', async () => {
    const { draw, ...reads } = drawing();
    await vi.advanceTimersByTimeAsync(50);
    expect(draw).not.toHaveBeenCalled();
    reads.resolve(['@kiko']);
    await vi.advanceTimersByTimeAsync(0);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(draw).toHaveBeenCalledWith(['@kiko']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('draws when the reads fail, so the page can say so', async () => {
    const { draw, ...reads } = drawing();
    reads.reject(new Error('blocked'));
    await vi.advanceTimersByTimeAsync(0);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(draw).toHaveBeenCalledWith(undefined);
  });

  it('draws after the time allowed when the database is slow, and not again when the rows come', async () => {
    const { draw, ...reads } = drawing();
    await vi.advanceTimersByTimeAsync(399);
    expect(draw).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(draw).toHaveBeenCalledWith(undefined);
    reads.resolve(['@kiko']);
    await vi.advanceTimersByTimeAsync(0);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});
