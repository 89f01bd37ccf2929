import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { backRuleOf, NEVER_RETURNED_TO, type Step } from './steps';
import { FRESH, transition, type FlowEvent, type FlowPosition } from './transitions';

export type { FlowEvent } from './transitions';

/**
 * The one client-state store: where the user is in the flow and which institution/member it is
 * about. Server data stays in TanStack Query; credentials and MFA answers never come here. It
 * moves only by named events (`send`, see transitions.ts) and by `back`.
 */
export interface FlowState extends FlowPosition {
  history: Step[];
  announcement: string;
  /**
   * counts screens: it moves whenever the step or the attempt changes, so a request that started
   * on one screen can tell, when it answers, whether the user is still there (useStepGuard)
   */
  visit: number;
  send(event: FlowEvent): void;
  /**
   * one step back to the step before, on the steps whose back rule is `previous` (the step table's back column); false
   * when there is none to return to (nothing before, or only the consent already given). Screens
   * and the host go back through useGoBack, which applies the whole rule around this.
   */
  back(): boolean;
  announce(text: string): void;
}

export function createFlowStore(initial: Partial<FlowPosition> = {}): StoreApi<FlowState> {
  return createStore<FlowState>()((set, get) => ({
    ...FRESH,
    history: [],
    announcement: '',
    visit: 0,
    ...initial,

    send(event) {
      const state = get();
      const next = transition(state, event);
      const history =
        event.type === 'reset' ? [] : next.step === state.step ? state.history : [...state.history, state.step];
      const moved = next.step !== state.step || next.attempt !== state.attempt;
      set({ ...next, history, visit: moved ? state.visit + 1 : state.visit });
    },
    back() {
      const { step, history, visit } = get();
      // the step before, where the step table's back rule says so (useGoBack handles the other rules)
      if (backRuleOf(get()).kind !== 'previous') return false;
      const previous = history[history.length - 1];
      if (!previous || NEVER_RETURNED_TO.has(previous)) return false;
      // help is a detour: the screen it was asked from comes back as it was (error kind included)
      set({
        step: previous,
        history: history.slice(0, -1),
        errorKind: step === 'help' ? get().errorKind : null,
        visit: visit + 1,
      });
      return true;
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

/** `send` of the flow store: what steps use to say what happened. */
export function useSend(): FlowState['send'] {
  return useFlow((s) => s.send);
}
