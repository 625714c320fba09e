// @vitest-environment jsdom
/**
 * Components fetched on first use: a loading line until the code arrives, then the component with its props; a
 * fetch that fails says so and is tried again the next time; preload() fetches once, ahead of the first draw.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent } from '../../components/lazy';
import { until } from './until';

function Greeting({ name }: { name: string }) {
  return <p class="greeting">Hello {name}</p>;
}

let root: HTMLElement;
function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('lazyComponent', () => {
  it('shows a loading line, then the component with its props', async () => {
    let arrive!: (c: typeof Greeting) => void;
    const load = vi.fn(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    const Lazy = lazyComponent('greeting', load);
    const el = mount(<Lazy name="Ana" />);
    expect(el.querySelector('[aria-busy="true"]')?.textContent).toBe('Loading the greeting…');
    await until(() => load.mock.calls.length > 0, 'the fetch');
    arrive(Greeting);
    await until(() => el.querySelector('.greeting'), 'the component');
    expect(el.textContent).toBe('Hello Ana');
    // Drawn again (another panel, the same code): no second fetch, no loading line.
    render(<Lazy name="Bob" />, el);
    expect(el.textContent).toBe('Hello Bob');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says when the code could not be fetched, and tries again the next time it is drawn', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('file missing'))
      .mockResolvedValueOnce(Greeting);
    const Lazy = lazyComponent('greeting', load);
    const el = mount(<Lazy name="Ana" />);
    const alert = await until(() => el.querySelector('[role="alert"]'), 'the problem');
    expect(alert.textContent).toContain('The greeting could not be loaded (file missing)');
    render(null, el);
    render(<Lazy name="Ana" />, el);
    await until(() => el.querySelector('.greeting'), 'the second try');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('preload() fetches the code once, before it is first drawn', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Lazy = lazyComponent('greeting', load);
    Lazy.preload();
    Lazy.preload();
    await until(() => load.mock.results[0], 'the fetch');
    await Promise.resolve();
    const el = mount(<Lazy name="Ana" />);
    expect(el.textContent).toBe('Hello Ana');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
