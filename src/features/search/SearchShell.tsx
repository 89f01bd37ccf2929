import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/translate';
import { Spinner } from '../../ui/Spinner';
import { STEP_HEADING_CLASS } from '../../ui/stepHeadingClass';
import { SearchBox } from './SearchBox';
import { draftOf, keepSearchDraft, peekSearchDraft, restoreDraft } from './searchDraft';

/**
 * The search step's first paint, before the widget's server cache, API client and flow have loaded
 * (issue #27: the box is usable with React alone; the rest follows in its own chunk). The user can
 * type at once; what they type, the box's focus and its caret pass to the search step that
 * replaces this (searchDraft.ts), which then searches for it. The popular list says it is loading.
 * Shown only where the search step is the first screen (src/main.tsx decides).
 */
export function SearchShell() {
  const t = useT();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => peekSearchDraft().text);
  // an IME composition in progress: the text before it and the caret where it began. Only committed
  // text passes on; the composition itself is the input method's to finish, in the next box (else
  // its letters would arrive twice: as text, then again as the commit)
  const composition = useRef<{ before: string; at: number } | null>(null);
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    restoreDraft(input, peekSearchDraft());
    // as the shell leaves (its layout cleanup runs before React removes its nodes): focus and caret
    return () => {
      const left = draftOf(input);
      const open = composition.current;
      keepSearchDraft(open ? { ...left, text: open.before, selection: [open.at, open.at] } : left);
    };
  }, []);
  const change = (next: string) => {
    setText(next);
    if (composition.current === null) keepSearchDraft({ ...peekSearchDraft(), text: next });
  };
  const compose = (composing: boolean) => {
    const input = inputRef.current;
    if (!input) return;
    composition.current = composing ? { before: input.value, at: input.selectionStart ?? input.value.length } : null;
    if (!composing) keepSearchDraft({ ...peekSearchDraft(), text: input.value });
  };
  return (
    <div className="mx-auto w-full max-w-xl p-4">
      <main>
        <section>
          <h1 tabIndex={-1} className={STEP_HEADING_CLASS}>
            {t('search.heading')}
          </h1>
          <SearchBox
            listId={listId}
            inputRef={inputRef}
            value={text}
            onChange={change}
            onKeyDown={(event) => {
              if (event.key === 'Escape') change('');
            }}
            expanded={false}
            onComposition={compose}
          />
          <h2 className="text-sm font-semibold text-muted mt-4 mb-1">{t('search.popular')}</h2>
          <div aria-busy="true">
            <Spinner label={t('common.loading')} />
          </div>
          <ul
            id={listId}
            role="listbox"
            aria-label={t('search.popular')}
            aria-busy="true"
            className="flex flex-col gap-1"
          />
        </section>
      </main>
    </div>
  );
}
