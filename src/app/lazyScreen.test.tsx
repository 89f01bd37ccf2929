import { act, render, screen } from '@testing-library/react';
import { Suspense, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyScreen } from './lazyScreen';

const Greeting = () => <h1>Hello</h1>;
/** The screen's module arriving: what a chunk that loads resolves to. */
const arrives = () => Promise.resolve(Greeting);

function show(Screen: () => ReactNode) {
  return render(
    <Suspense fallback={<p>Loading…</p>}>
      <Screen />
    </Suspense>,
  );
}

describe('lazyScreen', () => {
  it('shows the fallback while a screen that was never loaded loads, then the screen', async () => {
    const Screen = lazyScreen(arrives);
    show(Screen);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
  });

  it('shows a preloaded screen in the first render, with no fallback', async () => {
    const Screen = lazyScreen(arrives);
    await act(() => Screen.preload());
    show(Screen);
    expect(screen.getByRole('heading', { name: 'Hello' })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('loads again on show after a failed preload', async () => {
    let calls = 0;
    const Screen = lazyScreen(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('offline')) : arrives();
    });
    await expect(Screen.preload()).rejects.toThrow('offline');
    show(Screen);
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
  });
});
