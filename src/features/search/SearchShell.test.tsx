import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/allLocales';
import { createTranslator, TranslateContext } from '../../i18n/translate';
import { renderWidget } from '../../test/renderWidget';
import { SearchShell } from './SearchShell';

/** The first paint as main.tsx draws it: words, no server cache, no flow. */
function FirstPaint() {
  return (
    <TranslateContext.Provider value={createTranslator(LOCALES.en)}>
      <SearchShell />
    </TranslateContext.Provider>
  );
}

const boxName = 'Search for your bank or credit union';

describe('the first paint of search', () => {
  it('is a usable search box while the popular list says it is loading', async () => {
    const user = userEvent.setup();
    render(<FirstPaint />);
    expect(screen.getByRole('heading', { level: 1, name: 'Select your institution' })).toBeInTheDocument();
    const box = screen.getByRole('combobox', { name: boxName });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('listbox', { name: 'Popular institutions' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await user.type(box, 'chase');
    expect(box).toHaveValue('chase');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
  });

  it('hands what the user typed, the focus and the caret to the search step, which searches for it', async () => {
    const user = userEvent.setup();
    const first = render(<FirstPaint />);
    const shellBox = screen.getByRole('combobox', { name: boxName });
    await user.type(shellBox, 'credit union');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    const w = await renderWidget({ waiting: <FirstPaint />, container: first.container });
    const list = await screen.findByRole('listbox', { name: 'Search results' });
    const box = screen.getByRole('combobox', { name: boxName });
    expect(box).not.toBe(shellBox);
    expect(box).toHaveValue('credit union');
    expect(box).toHaveFocus();
    expect([(box as HTMLInputElement).selectionStart, (box as HTMLInputElement).selectionEnd]).toEqual([10, 10]);
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(0));
    expect(w.events('mx/connect/institutionSearch').map((m) => m.metadata?.query)).toEqual(['credit union']);
    // the host hears the widget load and the search page's view before the search, as if typed after
    const searched = w.messages.findIndex((m) => m.type === 'mx/connect/institutionSearch');
    expect(w.messages.findIndex((m) => m.type === 'mx/connect/loaded')).toBeLessThan(searched);
    expect(w.messages.findIndex((m) => m.path === '/search')).toBeLessThan(searched);
    // typing on goes on in the same box
    await user.keyboard('s');
    expect(box).toHaveValue('credit unison');
  });

  it('never takes focus the user did not give it, and a later search starts empty', async () => {
    const first = render(<FirstPaint />);
    await renderWidget({ waiting: <FirstPaint />, container: first.container });
    await screen.findByRole('listbox', { name: 'Popular institutions' });
    await waitFor(() => expect(screen.queryByText('Loading…')).not.toBeInTheDocument());
    const box = screen.getByRole('combobox', { name: boxName });
    expect(box).not.toHaveFocus();
    expect(box).toHaveValue('');
  });
});
