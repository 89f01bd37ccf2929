export { ConnectWidget, SDK_VERSION } from './ConnectWidget';
export type { ConnectWidgetCallbacks, ConnectWidgetOptions } from './ConnectWidget';
export type {
  AnalyticEventMap,
  AnalyticEventName,
  AnalyticMetadata,
  AnalyticPath,
  ConsentMetadata,
  ConsentScope,
  WidgetEventMap,
  WidgetEventType,
} from './contract/events';
export type { SdkMessage, SdkMessageType } from './messageSchema';
