import { createContext, useContext } from 'react';
import {
  ACCOUNT_SELECTED_MESSAGE_TYPE,
  ANALYTIC_EVENT_MESSAGE_TYPE,
  ANALYTIC_PAGEVIEW_MESSAGE_TYPE,
  CONSENT_DECLINED_MESSAGE_TYPE,
  CONSENT_GIVEN_MESSAGE_TYPE,
  type ConsentMetadata,
  type AnalyticEventMap,
  type AnalyticEventName,
  type AnalyticPath,
  RESIZE_MESSAGE_TYPE,
  SESSION_EXPIRED_MESSAGE_TYPE,
  type WidgetEventMap,
  type WidgetEventType,
} from '../../sdk/src/contract/events';

export type Post = (message: unknown) => void;

export interface Emitter {
  emit<T extends WidgetEventType>(type: T, metadata: WidgetEventMap[T]): void;
  resize(height: number): void;
  accountSelected(ids: { member_guid: string; account_guid: string }): void;
  sessionExpired(): void;
  /** the user's answer on the consent screen, for the partner's record */
  consent(given: boolean, record: Omit<ConsentMetadata, 'user_guid' | 'session_guid'>): void;
  /** one per screen the user sees (see AnalyticPath) */
  pageview(path: AnalyticPath): void;
  /** one per choice the user makes; metadata is typed per name and never carries a secret */
  analyticEvent<N extends AnalyticEventName>(name: N, metadata: AnalyticEventMap[N]): void;
}

/**
 * Builds the one path by which messages leave the widget. `post` is bound to the host window and
 * the configured host origin by the caller (never "*"); tests pass a collector instead.
 */
export function createEmitter(post: Post | null, ids: { user_guid: string; session_guid: string }): Emitter {
  return {
    emit(type, metadata) {
      if (!post) return;
      const withIds =
        type === 'mx/load' ? {} : { ...metadata, user_guid: ids.user_guid, session_guid: ids.session_guid };
      post({ mx: true, type, metadata: withIds });
    },
    resize(height) {
      post?.({ type: RESIZE_MESSAGE_TYPE, height });
    },
    sessionExpired() {
      post?.({
        type: SESSION_EXPIRED_MESSAGE_TYPE,
        metadata: { user_guid: ids.user_guid, session_guid: ids.session_guid },
      });
    },
    consent(given, record) {
      post?.({
        type: given ? CONSENT_GIVEN_MESSAGE_TYPE : CONSENT_DECLINED_MESSAGE_TYPE,
        metadata: { ...record, user_guid: ids.user_guid, session_guid: ids.session_guid },
      });
    },
    pageview(path) {
      post?.({
        type: ANALYTIC_PAGEVIEW_MESSAGE_TYPE,
        path,
        metadata: { user_guid: ids.user_guid, session_guid: ids.session_guid },
      });
    },
    analyticEvent(name, metadata) {
      post?.({
        type: ANALYTIC_EVENT_MESSAGE_TYPE,
        name,
        metadata: { ...metadata, user_guid: ids.user_guid, session_guid: ids.session_guid },
      });
    },
    accountSelected(selected) {
      post?.({
        type: ACCOUNT_SELECTED_MESSAGE_TYPE,
        metadata: { ...selected, user_guid: ids.user_guid, session_guid: ids.session_guid },
      });
    },
  };
}

/** Posts to the parent frame, to the given origin only. */
export function postToParent(targetOrigin: string): Post | null {
  if (window.parent === window) return null;
  return (message) => window.parent.postMessage(message, targetOrigin);
}

export const EmitterContext = createContext<Emitter>(createEmitter(null, { user_guid: '', session_guid: '' }));

export function useEmit(): Emitter['emit'] {
  return useContext(EmitterContext).emit;
}

export function useEmitter(): Emitter {
  return useContext(EmitterContext);
}
