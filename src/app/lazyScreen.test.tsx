import { act, render, screen } from '@testing-library/react';
import { Suspense, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';
import { isScreenLoadError, lazyScreen, ScreenLoadError } from './lazyScreen';

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
    await expect(Screen.preload()).rejects.toThrow(ScreenLoadError);
    show(Screen);
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
  });

  it('loads again on the next mount after a mount whose load failed', async () => {
    const offline = new TypeError('Failed to fetch dynamically imported module');
    let calls = 0;
    const Screen = lazyScreen(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(offline) : arrives();
    });
    const first = showGuarded(Screen);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('could not load');
    first.unmount();
    showGuarded(Screen);
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('preloads again after a mount whose load failed, and then shows the screen at once', async () => {
    let calls = 0;
    const Screen = lazyScreen(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : arrives();
    });
    const failed = showGuarded(Screen);
    await screen.findByRole('alert');
    failed.unmount();
    await act(() => Screen.preload());
    expect(calls).toBe(2);
    show(Screen);
    expect(screen.getByRole('heading', { name: 'Hello' })).toBeInTheDocument();
  });

  it('asks once per mount while the load keeps failing', async () => {
    let calls = 0;
    const Screen = lazyScreen(() => {
      calls += 1;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    });
    const first = showGuarded(Screen);
    await screen.findByRole('alert');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(calls).toBe(1);
    first.unmount();
    showGuarded(Screen);
    await screen.findByRole('alert');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(calls).toBe(2);
  });

  it("rejects a failed load with a ScreenLoadError whose cause is the loader's error", async () => {
    const offline = new TypeError('Failed to fetch dynamically imported module');
    const Screen = lazyScreen(() => Promise.reject(offline));
    const error: unknown = await Screen.preload().catch((e: unknown) => e);
    expect(isScreenLoadError(error)).toBe(true);
    expect(error).toHaveProperty('cause', offline);
    expect(isScreenLoadError(offline)).toBe(false);
  });

  it('asks once for a screen that a preload and a mount want at the same time', async () => {
    let calls = 0;
    const Screen = lazyScreen(() => {
      calls += 1;
      return arrives();
    });
    const preloading = Screen.preload();
    show(Screen);
    await act(() => preloading);
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
    expect(calls).toBe(1);
  });
});

/** The screen inside a boundary that says a failed load, as the step router's does. */
function showGuarded(Screen: () => ReactNode) {
  return render(
    <ErrorBoundary
      fallback={(_reset, error) => <p role="alert">{isScreenLoadError(error) ? 'could not load' : 'crashed'}</p>}
    >
      <Suspense fallback={<p>Loading…</p>}>
        <Screen />
      </Suspense>
    </ErrorBoundary>,
  );
}
