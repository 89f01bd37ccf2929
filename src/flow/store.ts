import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ErrorKind } from '../api/errors';
import type { Step } from './steps';

/**
 * The one client-state store: where the user is in the flow and which institution/member it is
 * about. Server data stays in TanStack Query; credentials and MFA answers never come here.
 */
export interface FlowState {
  step: Step;
  history: Step[];
  institutionCode: string | null;
  memberGuid: string | null;
  /** "update" fixes an existing member's credentials (PUT) instead of creating one */
  credentialsMode: 'create' | 'update';
  /** the member connects through OAuth rather than typed credentials */
  isOauth: boolean;
  /** a status name to show above the next screen, e.g. REJECTED above the fresh challenge */
  notice: string | null;
  /** why the error step is shown */
  errorKind: ErrorKind | null;
  announcement: string;

  goTo(
    step: Step,
    patch?: Partial<
      Pick<FlowState, 'memberGuid' | 'credentialsMode' | 'notice' | 'errorKind' | 'institutionCode' | 'isOauth'>
    >,
  ): void;
  selectInstitution(code: string, next: Step): void;
  back(): boolean;
  backToSearch(): void;
  announce(text: string): void;
}

/** Steps the user may go back from, and where back leads. */
const BACK_ALLOWED: Partial<Record<Step, true>> = { chooseMethod: true, enterCreds: true, oauth: true, error: true };

/** A flow at the start: on search, about no institution or member. */
const FRESH = {
  step: 'search',
  history: [],
  institutionCode: null,
  memberGuid: null,
  credentialsMode: 'create',
  isOauth: false,
  notice: null,
  errorKind: null,
} satisfies Partial<FlowState>;

export function createFlowStore(initial: Partial<FlowState> = {}): StoreApi<FlowState> {
  return createStore<FlowState>()((set, get) => ({
    ...FRESH,
    announcement: '',
    ...initial,

    goTo(step, patch = {}) {
      const { step: current, history } = get();
      if (current === step && Object.keys(patch).length === 0) return;
      set({ ...patch, step, history: current === step ? history : [...history, current] });
    },
    selectInstitution(code, next) {
      set({
        institutionCode: code,
        memberGuid: null,
        credentialsMode: 'create',
        isOauth: next === 'oauth',
        notice: null,
      });
      get().goTo(next);
    },
    back() {
      const { step, history, memberGuid, credentialsMode } = get();
      if (!BACK_ALLOWED[step] || history.length === 0) return false;
      // once a member exists (or we are fixing one), going back would orphan it; only the explicit actions leave
      if (step === 'oauth' && memberGuid) return false;
      if (step === 'enterCreds' && credentialsMode === 'update') return false;
      const previous = history[history.length - 1];
      if (!previous) return false;
      set({ step: previous, history: history.slice(0, -1), errorKind: null });
      return true;
    },
    backToSearch() {
      set(FRESH);
    },
    announce(text) {
      set({ announcement: text });
    },
  }));
}

export const FlowStoreContext = createContext<StoreApi<FlowState> | null>(null);

export function useFlowStoreApi(): StoreApi<FlowState> {
  const store = useContext(FlowStoreContext);
  if (!store) throw new Error('useFlow needs a FlowStoreContext provider');
  return store;
}

export function useFlow<T>(selector: (state: FlowState) => T): T {
  return useStore(useFlowStoreApi(), selector);
}
