import type { KeyboardEvent, Ref } from 'react';
import { useT } from '../../i18n/translate';
import { inputClass } from '../../ui/TextField';

/**
 * The institution search box, labelled: one element for the first paint (SearchShell) and the
 * search step, so the swap between them moves nothing on screen. A combobox owning the listbox
 * `listId` (WAI-ARIA APG's list-autocomplete pattern).
 */
export function SearchBox({
  listId,
  value,
  onChange,
  onKeyDown,
  expanded,
  activeOption,
  inputRef,
  onComposition,
}: {
  listId: string;
  value: string;
  onChange: (text: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  expanded: boolean;
  /** the highlighted option's id (aria-activedescendant) */
  activeOption?: string;
  inputRef: Ref<HTMLInputElement>;
  /** an IME composition starts (true) or ends (false) in the box */
  onComposition?: (composing: boolean) => void;
}) {
  const t = useT();
  return (
    <>
      <label htmlFor={`${listId}-input`} className="block text-sm font-medium mb-1">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        className={inputClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onCompositionStart={onComposition && (() => onComposition(true))}
        onCompositionEnd={onComposition && (() => onComposition(false))}
      />
    </>
  );
}
