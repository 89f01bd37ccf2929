/**
 * What the user did in the first paint's search box (SearchShell) before the rest of the widget
 * arrived: the text typed, whether the box had focus, and where the caret was. The search step
 * that replaces the shell takes it once, so nothing typed or focused is lost in the swap. Not flow
 * state: it lives from the first paint to the first search step's mount, and holds only what the
 * user typed into a search box (never credentials).
 */
export interface SearchDraft {
  text: string;
  focused: boolean;
  /** the caret (or selection) in `text`, UTF-16 code units, as the input reported it */
  selection: readonly [number, number] | null;
}

const EMPTY: SearchDraft = { text: '', focused: false, selection: null };
let draft: SearchDraft = EMPTY;

/** Records the shell box's state (each change, and as it leaves the page). */
export function keepSearchDraft(next: SearchDraft): void {
  draft = next;
}

/** The shell box's last state, once: later search steps start empty, as they always have. */
export function takeSearchDraft(): SearchDraft {
  const taken = draft;
  draft = EMPTY;
  return taken;
}

/** The shell's own view of the draft (it may be remounted before the search step takes it). */
export function peekSearchDraft(): SearchDraft {
  return draft;
}

/** Where `input`'s state goes when it leaves: the text, focus and caret, as a draft. */
export function draftOf(input: HTMLInputElement): SearchDraft {
  const start = input.selectionStart;
  const end = input.selectionEnd;
  return {
    text: input.value,
    focused: input.ownerDocument.activeElement === input,
    selection: start === null || end === null ? null : [start, end],
  };
}

/** Gives `input` the draft's focus and caret (without scrolling the partner's page). */
export function restoreDraft(input: HTMLInputElement, taken: SearchDraft): void {
  if (!taken.focused) return;
  input.focus({ preventScroll: true });
  if (taken.selection) input.setSelectionRange(taken.selection[0], taken.selection[1]);
}
