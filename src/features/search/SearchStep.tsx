import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorKindOf, waitAskedBy } from '../../api/errors';
import type { Institution } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { useTiming } from '../../config/timing';
import { useEmit, useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useChooseInstitution } from '../../flow/useChooseInstitution';
import { useChooseMicrodeposits } from '../../flow/useChooseMicrodeposits';
import { usePlural } from '../../i18n/plural';
import { useT } from '../../i18n/translate';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { useMoveFocus } from '../../ui/focus';
import { StepHeading } from '../../ui/StepHeading';
import { LazyRetryCountdown } from '../../ui/LazyRetryCountdown';
import { RetryAlert } from '../../ui/RetryAlert';
import { InstitutionOption } from './InstitutionOption';
import { SearchBox } from './SearchBox';
import { peekSearchDraft, restoreDraft, takeSearchDraft } from './searchDraft';
import { useDebouncedValue } from './useDebouncedValue';
import { useInstitutionSearch } from './useInstitutionSearch';

/**
 * Popular institutions shown before the user asks for more. The first screens keep about the
 * consent screen's height (a frame that jumps from ~500 to ~1,200 px moves the partner's page);
 * eight rows fit a phone screen under the search box and still list every sandbox bank.
 */
export const POPULAR_ROWS = 8;

export function SearchStep() {
  const t = useT();
  const plural = usePlural();
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  const { debounceMs } = useTiming();
  const send = useFlow((s) => s.send);
  const chooseInstitution = useChooseInstitution();
  // a manual account cannot verify anything: offered in aggregation mode only
  const verification = useConfig().mode === 'verification';
  const chooseMicrodeposits = useChooseMicrodeposits('search');
  // what the user typed into the first paint's box, if this step replaces it (SearchShell)
  const [text, setText] = useState(() => peekSearchDraft().text);
  // text handed over from the first paint is searched like typed text, once it has held still: so
  // the host hears mx/connect/loaded and the pageview before the search, as it would have
  const query = useDebouncedValue(text, debounceMs, '').trim();
  const search = useInstitutionSearch(query);
  const [allPopular, setAllPopular] = useState(false);
  const shown = search.searching || allPopular ? search.institutions : search.institutions.slice(0, POPULAR_ROWS);
  const morePopular = !search.searching && !allPopular && search.institutions.length > POPULAR_ROWS;
  // the highlighted option belongs to one query; a new query starts with none
  const [highlight, setHighlight] = useState({ query: '', index: -1 });
  const active = highlight.query === query ? highlight.index : -1;
  const setActive = (next: (index: number) => number) => setHighlight({ query, index: next(active) });
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionId = (i: number) => `${listId}-opt-${i}`;

  const moveFocus = useMoveFocus();
  // taken in the commit that replaces the shell, after the shell has recorded its focus and caret
  // on leaving, so no keystroke lands between the two boxes and no later search step finds it
  useLayoutEffect(() => {
    const draft = takeSearchDraft();
    if (inputRef.current) restoreDraft(inputRef.current, draft);
  }, []);
  // the box takes focus when the user arrives here from inside the widget, never on its own
  useEffect(() => void moveFocus(inputRef.current), [moveFocus]);
  useEffect(() => {
    if (!query) return;
    emit('mx/connect/institutionSearch', { query });
    analyticEvent('search_submitted', { query_length: query.length });
  }, [query, emit, analyticEvent]);

  const choose = (institution: Institution) =>
    chooseInstitution(
      institution,
      !search.searching ? 'popular' : search.byRoutingNumber ? 'routing_number' : 'results',
    );

  const count = shown.length;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (count === 0 ? -1 : Math.min(count - 1, i + 1)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Home' && active >= 0) {
      event.preventDefault();
      setActive(() => 0);
    } else if (event.key === 'End' && active >= 0) {
      event.preventDefault();
      setActive(() => count - 1);
    } else if (event.key === 'Enter') {
      const institution = shown[active] ?? (count === 1 ? shown[0] : undefined);
      if (institution) {
        event.preventDefault();
        choose(institution);
      }
    } else if (event.key === 'Escape') {
      setText('');
    }
  };

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
    // optionId is derived from listId, which never changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  // after "Show more": say how many rows came; focus stays on the button while it is there, and
  // goes to the first new row (through the box, which owns the list) when the button is gone
  const revealing = useRef<{ before: number; loading: boolean } | null>(null);
  const announce = useFlow((s) => s.announce);
  const revealed = (before: number, after: number, buttonStays: boolean) => {
    announce(plural('search.moreShown', after - before));
    if (buttonStays) return;
    moveFocus(inputRef.current);
    if (after > before) setHighlight({ query, index: before });
  };
  const showAllPopular = () => {
    setAllPopular(true);
    revealed(POPULAR_ROWS, search.institutions.length, false);
  };
  useEffect(() => {
    const asked = revealing.current;
    if (asked === null) return;
    if (search.isLoadingMore) {
      asked.loading = true;
      return;
    }
    // a fast answer may start and end the fetch within one render: new rows or a gone button say so too
    if (!asked.loading && count === asked.before && search.hasMore) return;
    revealing.current = null;
    revealed(asked.before, count, search.hasMore);
    // runs when a page has arrived; `revealed` is rebuilt each render from the same store and refs
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search.isLoadingMore, count, search.hasMore]);

  const pending = text.trim() !== query;
  const listLabel = !search.searching
    ? t('search.popular')
    : search.byRoutingNumber && !pending
      ? t('search.byRoutingNumber', { query })
      : t('search.results');

  return (
    <section>
      <StepHeading focusOnMount={false}>{t('search.heading')}</StepHeading>
      <SearchBox
        listId={listId}
        inputRef={inputRef}
        value={text}
        onChange={setText}
        onKeyDown={onKeyDown}
        expanded={count > 0}
        activeOption={active >= 0 ? optionId(active) : undefined}
      />
      {search.invalidRoutingNumber && !pending ? (
        <p className="text-sm mt-2">{t('search.invalidRoutingNumber', { query })}</p>
      ) : null}
      {search.routingNumberByName && !pending ? (
        <p className="text-sm mt-2">{t('search.routingNumberByName')}</p>
      ) : null}
      <h2 className="text-sm font-semibold text-muted mt-4 mb-1">{listLabel}</h2>
      {search.searching && !search.isLoading && !pending ? (
        <p className="sr-only" aria-live="polite">
          {plural('search.resultCount', search.total)}
        </p>
      ) : null}
      {search.isLoading ? <Spinner label={t('common.loading')} /> : null}
      {search.isError && errorKindOf(search.error) === 'rateLimited' ? (
        <Alert>
          <p className="mb-2">{t('search.error')}</p>
          <LazyRetryCountdown key={search.error?.message} waitMs={waitAskedBy(search.error)} onRetry={search.retry} />
        </Alert>
      ) : search.isError ? (
        <RetryAlert text={t('search.error')} onRetry={search.retry} />
      ) : null}
      {search.searching && !search.isLoading && !search.isError && count === 0 && !search.hasMore && !pending ? (
        <p className="py-3">{t('search.noResults', { query })}</p>
      ) : null}
      <ul id={listId} role="listbox" aria-label={listLabel} className="flex flex-col gap-1">
        {shown.map((institution, i) => (
          <InstitutionOption
            key={institution.code}
            id={optionId(i)}
            institution={institution}
            active={i === active}
            onSelect={() => choose(institution)}
          />
        ))}
      </ul>
      {morePopular ? (
        <Button variant="secondary" className="mt-2" onClick={showAllPopular}>
          {t('search.morePopular')}
        </Button>
      ) : null}
      {search.hasMore ? (
        // aria-disabled, not disabled: a disabled button drops the user's focus onto the page
        <Button
          variant="secondary"
          className="mt-2"
          aria-disabled={search.isLoadingMore}
          onClick={() => {
            if (search.isLoadingMore) return;
            revealing.current = { before: count, loading: false };
            search.loadMore();
          }}
        >
          {search.isLoadingMore ? t('common.loading') : t('search.loadMore')}
        </Button>
      ) : null}
      {chooseMicrodeposits && !search.isLoading && !pending ? (
        <p className="mt-3 text-sm">
          {search.searching ? `${t('search.notListed')} ` : null}
          <Button variant="link" onClick={chooseMicrodeposits}>
            {t('md.useNumbers')}
          </Button>
        </p>
      ) : null}
      {search.searching && !search.isLoading && !pending && !verification ? (
        <p className="mt-3 text-sm">
          {t('search.notListed')}{' '}
          <Button variant="link" onClick={() => send({ type: 'manualAccountChosen' })}>
            {t('manual.add')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
