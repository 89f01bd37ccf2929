import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveRaw } from '../../test/mockServer';
import { POPULAR_ROWS } from './SearchStep';
import {
  chooseInstitution,
  type Rendered,
  renderWidget,
  submitCredentials,
  untilNextStep,
} from '../../test/renderWidget';

/** The results are a search by name for `query`, and no request asked for a routing number. */
async function expectSearchedByName(w: Rendered, query: string) {
  await screen.findByRole('listbox', { name: 'Search results' });
  const searched = (await w.server.log()).filter((e) => e.path === '/institutions').map((e) => e.query);
  expect(searched.at(-1)).toContain(`name=${query}`);
  expect(searched.join(' ')).not.toContain('routing_number');
}

describe('search', () => {
  it('lists eight popular institutions, sandbox ones first, and takes no focus on its own', async () => {
    const w = await renderWidget();
    const box = await screen.findByRole('combobox', { name: 'Search for your bank or credit union' });
    const list = await screen.findByRole('listbox', { name: 'Popular institutions' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(POPULAR_ROWS));
    expect(within(list).getAllByRole('option')[0]).toHaveAccessibleName('MX Bank');
    // the user has not acted in the widget: the partner's page keeps its focus
    expect(box).not.toHaveFocus();
    expect(w.events('mx/connect/loaded')[0]?.metadata).toMatchObject({
      initial_step: 'search',
      user_guid: w.userGuid,
      session_guid: 'SES-test',
    });
  });

  it('searches on the server once the typing settles, not per keystroke', async () => {
    const w = await renderWidget();
    await w.user.type(await screen.findByRole('combobox'), 'credit union');
    await screen.findByRole('listbox', { name: 'Search results' });
    await screen.findByText(/institutions? found$/);
    expect(w.events('mx/connect/institutionSearch').map((m) => m.metadata?.query)).toEqual(['credit union']);
    const searches = (await w.server.log()).filter((e) => e.path === '/institutions');
    expect(searches.length).toBeLessThanOrEqual(2);
  });

  it('nine digits that pass the ABA checksum search by routing number', async () => {
    const w = await renderWidget();
    await w.user.type(await screen.findByRole('combobox'), '123456780');
    const list = await screen.findByRole('listbox', { name: 'Institutions with routing number 123456780' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(1));
    expect(within(list).getByRole('option')).toHaveAccessibleName('MX Bank');
    const searched = (await w.server.log()).filter((e) => e.path === '/institutions').map((e) => e.query);
    expect(searched.at(-1)).toContain('routing_number=123456780');
    await w.user.click(within(list).getByRole('option', { name: 'MX Bank' }));
    await screen.findByRole('heading', { name: 'Enter your credentials' });
  });

  it('a routing number is searched by name, and says so, where the server cannot search by one', async () => {
    const w = await renderWidget();
    await serveRaw(w.server, 'GET /capabilities', '{"capabilities":{"institution_search":{"routing_number":false}}}');
    const box = await screen.findByRole('combobox');
    await w.user.type(box, 'bank');
    await screen.findByRole('listbox', { name: 'Search results' });
    // the capabilities are read only once a query looks like a routing number
    expect((await w.server.log()).some((e) => e.path === '/capabilities')).toBe(false);
    await w.user.clear(box);
    await w.user.type(box, '123456780');
    expect(
      await screen.findByText('Searching by name: this service cannot search by routing number.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('listbox', { name: /routing number/ })).toBeNull();
    await expectSearchedByName(w, '123456780');
  });

  it('a capabilities read that fails searches by name rather than offer what may not work', async () => {
    const w = await renderWidget();
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /capabilities', kind: 'status', status: 500 }],
    });
    await w.user.type(await screen.findByRole('combobox'), '123456780');
    await screen.findByText('Searching by name: this service cannot search by routing number.');
    await expectSearchedByName(w, '123456780');
  });

  it('a search refused with 429 counts down, then Try again searches again', async () => {
    const w = await renderWidget();
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /institutions', kind: 'status', status: 429, retry_after_s: 1, count: 3 }],
    });
    await w.user.type(await screen.findByRole('combobox'), 'MX Bank');
    // the read waits out two refusals by itself (1 s, then 2 s), then the third shows its wait
    expect(
      await screen.findByText(
        /^Too many attempts: try again in \d seconds?\.$/,
        { selector: 'p' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const again = screen.getByRole('button', { name: 'Try again' });
    // enabled once the one-second wait is over
    await waitFor(() => expect(again).toBeEnabled(), { timeout: 5_000 });
    await w.user.click(again);
    expect(await screen.findByRole('option', { name: 'MX Bank' })).toBeInTheDocument();
  });

  it('nine digits that fail the checksum say so, and are searched by name', async () => {
    const w = await renderWidget();
    await w.user.type(await screen.findByRole('combobox'), '123456789');
    expect(
      await screen.findByText('123456789 is not a valid routing number, so we searched for it by name.'),
    ).toBeInTheDocument();
    await expectSearchedByName(w, '123456789');
  });

  it('an institution that is not fully working says so; an unavailable one explains itself and leads back', async () => {
    const w = await renderWidget();
    await w.user.type(await screen.findByRole('combobox'), 'MX Bank (');
    const list = await screen.findByRole('listbox', { name: 'Search results' });
    expect(await within(list).findByRole('option', { name: 'MX Bank (maintenance)' })).toHaveAccessibleDescription(
      /Under maintenance: connecting may not work/,
    );
    expect(within(list).getByRole('option', { name: 'MX Bank (degraded)' })).toHaveAccessibleDescription(
      /Connections are slow right now/,
    );
    expect(within(list).getByRole('option', { name: 'MX Bank' })).toHaveAccessibleDescription('www.mx.com');
    await w.user.click(within(list).getByRole('option', { name: 'MX Bank (unavailable)' }));
    await screen.findByRole('heading', { name: 'MX Bank (unavailable) is unavailable' });
    expect(screen.queryByLabelText('Password')).toBeNull();
    await w.user.click(screen.getByRole('button', { name: 'Back to search' }));
    await screen.findByRole('heading', { name: 'Select your institution' });
    expect(w.events('mx/connect/stepChange').map((m) => m.metadata?.current)).toEqual([
      'institutionUnavailable',
      'search',
    ]);
  });

  it('arrow keys move through the results and Enter picks one', async () => {
    const w = await renderWidget();
    const box = await screen.findByRole('combobox');
    await w.user.type(box, 'MX Bank');
    await screen.findByText(/institutions? found$/);
    await w.user.keyboard('{ArrowDown}{ArrowDown}');
    const options = screen.getAllByRole('option');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await w.user.keyboard('{ArrowUp}{Enter}');
    await screen.findByRole('heading', { name: 'Enter your credentials' });
    expect(w.events('mx/connect/selectedInstitution')[0]?.metadata).toMatchObject({
      code: 'mxbank',
      name: 'MX Bank',
      url: 'https://www.mx.com',
    });
  });

  it('says so when nothing matches', async () => {
    const w = await renderWidget();
    await w.user.type(await screen.findByRole('combobox'), 'qqqzzz');
    await screen.findByText(/No institutions match "qqqzzz"/);
  });

  it('pages through a large result set; focus stays on "Show more" and the new rows are counted', async () => {
    const w = await renderWidget();
    await w.user.type(await screen.findByRole('combobox'), 'bank');
    await screen.findByText(/institutions? found$/);
    expect(screen.getAllByRole('option')).toHaveLength(25);
    const more = screen.getByRole('button', { name: 'Show more results' });
    await w.user.click(more);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(50));
    expect(await screen.findByText('25 more institutions shown')).toBeInTheDocument();
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.getByRole('button', { name: 'Show more results' })).toHaveFocus();
  });

  it('"Show all popular institutions" reveals the rest and puts the user on the first new one', async () => {
    const w = await renderWidget();
    const box = await screen.findByRole('combobox');
    await w.user.click(box);
    const list = await screen.findByRole('listbox', { name: 'Popular institutions' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(POPULAR_ROWS));
    await w.user.click(screen.getByRole('button', { name: 'Show all popular institutions' }));
    const options = within(list).getAllByRole('option');
    expect(options.length).toBeGreaterThan(POPULAR_ROWS);
    expect(document.activeElement).not.toBe(document.body);
    expect(box).toHaveFocus();
    expect(box).toHaveAttribute('aria-activedescendant', options[POPULAR_ROWS]?.id);
    expect(screen.getByRole('status')).toHaveTextContent(`${options.length - POPULAR_ROWS} more institutions shown`);
    await w.user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: /Enter your credentials|Sign in at|How do you want/ });
  });

  it('an institution with both methods asks how to connect, OAuth first; Back returns to search', async () => {
    const w = await renderWidget();
    await chooseInstitution(w, 'MX Bank (OAuth or', 'MX Bank (OAuth or credentials)');
    await screen.findByRole('heading', { name: 'How do you want to connect to MX Bank (OAuth or credentials)?' });
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons.slice(0, 2)).toEqual([
      'Sign in at MX Bank (OAuth or credentials) (recommended)',
      'Enter your credentials here',
    ]);
    await w.user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { name: 'Select your institution' });
    // the user came back from inside the widget: the box takes focus, as on every arrival by their hand
    await waitFor(() => expect(screen.getByRole('combobox')).toHaveFocus());
  });

  it('an OAuth-only institution skips the choice; a credentials-only one goes straight to its fields', async () => {
    const w = await renderWidget();
    await chooseInstitution(w, 'MX Bank (OAuth)', 'MX Bank (OAuth)');
    await screen.findByRole('heading', { name: 'Sign in at MX Bank (OAuth)' });
  });
});

describe('disable_institution_search', () => {
  it('never shows search: "back" starts over at the partner’s institution', async () => {
    const w = await renderWidget({
      params: { current_institution_code: 'mxbank', disable_institution_search: 'true' },
    });
    await screen.findByRole('heading', { name: 'Enter your credentials' });
    await submitCredentials(w, 'closed');
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'Connection unavailable' }));
    await w.user.click(screen.getByRole('button', { name: 'Back to search' }));
    await screen.findByRole('heading', { name: 'Enter your credentials' });
    expect(screen.queryByRole('combobox', { name: 'Search for your bank or credit union' })).toBeNull();
    expect(w.events('mx/connect/backToSearch')).toHaveLength(0);
  });
});

describe('search answers that break the contract', () => {
  /** MX Bank's own record, renamed: a valid institution to fill a response with. */
  async function institutionLike(w: Rendered, overrides: Record<string, unknown>) {
    const res = await w.server.request('GET', '/api/institutions/mxbank');
    return { ...(res.json as { institution: Record<string, unknown> }).institution, ...overrides };
  }

  it('renders at most the page size asked for, whatever the server sends', async () => {
    const w = await renderWidget();
    const one = await institutionLike(w, {});
    // (60 rows keep the planted fault under the control API's own 64 KiB body limit)
    const institutions = Array.from({ length: 60 }, (_, i) => ({
      ...one,
      code: `bank${i}`,
      name: `Big Bank ${i}`,
      small_logo_url: null,
      medium_logo_url: null,
    }));
    await serveRaw(
      w.server,
      'GET /institutions',
      JSON.stringify({
        institutions,
        pagination: { current_page: 1, per_page: 25, total_entries: 60, total_pages: 3 },
      }),
    );
    await w.user.type(await screen.findByRole('combobox'), 'Big Bank');
    const list = await screen.findByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(25));
  });

  it('hands the host no javascript: URL for the chosen institution', async () => {
    const w = await renderWidget();
    const evil = await institutionLike(w, { name: 'Evil Bank', url: 'javascript:alert(document.domain)' });
    await serveRaw(
      w.server,
      'GET /institutions',
      JSON.stringify({
        institutions: [evil],
        pagination: { current_page: 1, per_page: 25, total_entries: 1, total_pages: 1 },
      }),
    );
    await w.user.type(await screen.findByRole('combobox'), 'Evil');
    await w.user.click(await screen.findByRole('option', { name: 'Evil Bank' }));
    await waitFor(() => expect(w.events('mx/connect/selectedInstitution')).toHaveLength(1));
    expect(w.events('mx/connect/selectedInstitution')[0]?.metadata).toMatchObject({ url: '' });
  });

  /** Search answers in turn, one per request: `rows` institutions and this (spec-valid) pagination. */
  async function servePages(w: Rendered, pages: { rows: number; pagination: Record<string, number> }[]) {
    const one = await institutionLike(w, { small_logo_url: null, medium_logo_url: null });
    const rules = pages.map(({ rows, pagination }, page) => ({
      route: 'GET /institutions',
      kind: 'malformed',
      count: 1,
      body: JSON.stringify({
        institutions: Array.from({ length: rows }, (_, i) => ({
          ...one,
          code: `odd${page}_${i}`,
          name: `Odd Bank ${page}-${i}`,
        })),
        pagination,
      }),
    }));
    await w.server.request('POST', '/mock/faults', { rules });
  }

  async function search(w: Rendered, query = 'Odd Bank') {
    await w.user.click(await screen.findByRole('combobox'));
    await w.user.paste(query);
    await screen.findByRole('listbox', { name: 'Search results' });
  }

  it('a negative total counts what is shown, in the singular for one', async () => {
    const w = await renderWidget();
    await servePages(w, [
      { rows: 1, pagination: { current_page: 1, per_page: 25, total_entries: -86363903, total_pages: 1 } },
    ]);
    await search(w);
    expect(await screen.findByText('1 institution found')).toBeInTheDocument();
    expect(screen.queryByText(/86363903/)).toBeNull();
  });

  it('an empty page that claims more pages says no match, and offers no "Show more"', async () => {
    const w = await renderWidget();
    await servePages(w, [
      { rows: 0, pagination: { current_page: 1, per_page: 25, total_entries: 120, total_pages: 5 } },
    ]);
    await search(w);
    expect(await screen.findByText(/^No institutions match "Odd Bank"/)).toBeInTheDocument();
    expect(screen.getByText('0 institutions found')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more results' })).toBeNull();
  });

  it('huge totals are clamped; "Show more" goes until a page comes back empty, never beside "no match"', async () => {
    const w = await renderWidget();
    await servePages(w, [
      { rows: 25, pagination: { current_page: -3, per_page: 25, total_entries: 9e15, total_pages: 1e12 } },
      { rows: 0, pagination: { current_page: 99999, per_page: 25, total_entries: 9e15, total_pages: 1e12 } },
    ]);
    await search(w);
    expect(await screen.findByText('100,000 institutions found')).toBeInTheDocument();
    await w.user.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Show more results|Loading/ })).toBeNull());
    expect(screen.getAllByRole('option')).toHaveLength(25);
    // the button went away with nothing new: focus is back in the box, not on the page
    expect(screen.getByRole('combobox')).toHaveFocus();
    expect(screen.queryByText(/No institutions match/)).toBeNull();
    expect(screen.getByText('25 institutions found')).toBeInTheDocument();
    const pages = (await w.server.log()).filter((e) => e.path === '/institutions').map((e) => e.query);
    expect(pages.at(-1)).toContain('page=2');
  });

  it('counts in the user’s language and its plural rules', async () => {
    for (const [locale, rows, text] of [
      ['fr-CA', 0, '0 institution trouvée'],
      ['fr-CA', 2, '2 institutions trouvées'],
      ['es', 1, '1 institución encontrada'],
      ['es', 3, '3 instituciones encontradas'],
    ] as const) {
      const w = await renderWidget({ params: { locale } });
      await servePages(w, [
        { rows, pagination: { current_page: 1, per_page: 25, total_entries: rows, total_pages: 1 } },
      ]);
      await w.user.click(await screen.findByRole('combobox'));
      await w.user.paste('Odd Bank');
      expect(await screen.findByText(text)).toBeInTheDocument();
      w.view.unmount();
    }
  });
});
