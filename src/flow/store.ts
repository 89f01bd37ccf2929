import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { backApplies, type Step } from './steps';
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
  send(event: FlowEvent): void;
  /** one step back, where the flow allows it; false when it does not */
  back(): boolean;
  announce(text: string): void;
}

export function createFlowStore(initial: Partial<FlowPosition> = {}): StoreApi<FlowState> {
  return createStore<FlowState>()((set, get) => ({
    ...FRESH,
    history: [],
    announcement: '',
    ...initial,

    send(event) {
      const state = get();
      const next = transition(state, event);
      const history =
        event.type === 'reset' ? [] : next.step === state.step ? state.history : [...state.history, state.step];
      set({ ...next, history });
    },
    back() {
      const { step, history } = get();
      // the step table says where back applies (never where it would orphan a member)
      if (!backApplies(get()) || history.length === 0) return false;
      const previous = history[history.length - 1];
      if (!previous) return false;
      // help is a detour: the screen it was asked from comes back as it was (error kind included)
      set({ step: previous, history: history.slice(0, -1), errorKind: step === 'help' ? get().errorKind : null });
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
