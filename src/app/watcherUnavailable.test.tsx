import { screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { connectMxBank, renderWidget, untilSettled } from '../test/renderWidget';

// Only the status watcher's chunk is unreachable (the network dropped as the member was created);
// every other screen loads as it does in the product.
const network = vi.hoisted(() => ({ watcherLoads: false }));
vi.mock('virtual:screens', async (importOriginal) => {
  const real = await importOriginal<{ loadScreen: (screen: string) => Promise<ComponentType> }>();
  return {
    loadScreen: (screen: string) =>
      screen === 'connecting/MemberStatusWatcher' && !network.watcherLoads
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : real.loadScreen(screen),
  };
});

describe('the status watcher’s chunk cannot load', () => {
  it('says so with Try again, keeps the widget, and watches once it loads', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'password');
    expect(
      await screen.findByText('This step could not be loaded. Check your connection and try again.'),
    ).toBeVisible();
    // the widget is still there: the screen being watched stays under the message
    expect(screen.getByRole('heading', { name: /Connecting to MX Bank/ })).toBeInTheDocument();
    network.watcherLoads = true;
    await w.user.click(screen.getByRole('button', { name: 'Try again' }));
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    await waitFor(() =>
      expect(screen.queryByText('This step could not be loaded. Check your connection and try again.')).toBeNull(),
    );
  });
});
