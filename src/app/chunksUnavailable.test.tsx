import { act, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { serveRaw, startMockServer } from '../test/mockServer';
import { chooseInstitution, renderWidget } from '../test/renderWidget';

// The network that would load a lazy chunk is down: every screen outside the first bundle fails
// to load, as a browser's dynamic import fails offline.
const { loadScreen } = vi.hoisted(() => ({
  loadScreen: vi.fn((screen: string): Promise<ComponentType> =>
    Promise.reject(new TypeError(`Failed to fetch the module of ${screen}`)),
  ),
}));
vi.mock('virtual:screens', () => ({ loadScreen }));

const UNAVAILABLE = 'This step could not be loaded. Check your connection and try again.';

describe('with no lazy chunk loadable', () => {
  it('an error screen still shows, whole, with its way back (its help button, a lazy chunk, stays away)', async () => {
    const server = startMockServer();
    const userGuid = await server.createUser();
    await serveRaw(server, 'GET /institutions/*', '{"oops": ');
    await renderWidget({ server, userGuid, params: { current_institution_code: 'mxbank' } });
    expect(await screen.findByText('We received a response we did not understand. Please try again.')).toBeVisible();
    // the error screen offers help: its chunk was asked for, and failed
    await waitFor(() => expect(loadScreen).toHaveBeenCalledWith('help/GetHelpButton'));
    await act(() => Promise.resolve());
    expect(screen.getByText('We received a response we did not understand. Please try again.')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
    expect(screen.queryByText('This step stopped working. You can go back and try again.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /help/i })).not.toBeInTheDocument();
  });

  it('search, the first screen, works', async () => {
    const w = await renderWidget();
    await w.user.type(await screen.findByRole('combobox'), 'MX');
    expect(await screen.findByText(/institutions? found$/)).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'MX Bank' })).toBeInTheDocument();
  });

  it('a later screen that cannot load says so, with a way back to search', async () => {
    const w = await renderWidget();
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    expect(await screen.findByText(UNAVAILABLE)).toBeInTheDocument();
    expect(screen.queryByText('This step stopped working. You can go back and try again.')).not.toBeInTheDocument();
    await w.user.click(screen.getByRole('button', { name: 'Back to search' }));
    expect(await screen.findByRole('combobox')).toBeInTheDocument();
  });

  it('Try again asks for the screen again, and shows it once its chunk loads', async () => {
    const w = await renderWidget();
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    expect(await screen.findByText(UNAVAILABLE)).toBeInTheDocument();
    // still offline: asked again, and said again, with focus on the heading
    const asked = loadScreen.mock.calls.length;
    await w.user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(loadScreen.mock.calls.length).toBeGreaterThan(asked));
    expect(await screen.findByText(UNAVAILABLE)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toHaveFocus();
    // back online
    const actual = await vi.importActual<typeof import('virtual:screens')>('virtual:screens');
    loadScreen.mockImplementation(actual.loadScreen);
    await w.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Username')).toBeInTheDocument();
    expect(screen.queryByText(UNAVAILABLE)).not.toBeInTheDocument();
  });
});
