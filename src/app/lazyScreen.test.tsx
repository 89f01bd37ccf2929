import { act, render, screen } from '@testing-library/react';
import { Suspense, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyScreen } from './lazyScreen';

const module = { Greeting: () => <h1>Hello</h1> };

function show(Screen: () => ReactNode) {
  return render(
    <Suspense fallback={<p>Loading…</p>}>
      <Screen />
    </Suspense>,
  );
}

describe('lazyScreen', () => {
  it('shows the fallback while a screen that was never loaded loads, then the screen', async () => {
    const Greeting = lazyScreen(() => Promise.resolve(module), 'Greeting');
    show(Greeting);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
  });

  it('shows a preloaded screen in the first render, with no fallback', async () => {
    const Greeting = lazyScreen(() => Promise.resolve(module), 'Greeting');
    await act(() => Greeting.preload());
    show(Greeting);
    expect(screen.getByRole('heading', { name: 'Hello' })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('loads again on show after a failed preload', async () => {
    let calls = 0;
    const Greeting = lazyScreen(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(module);
    }, 'Greeting');
    await expect(Greeting.preload()).rejects.toThrow('offline');
    show(Greeting);
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
  });
});
