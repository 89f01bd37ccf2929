export { ConnectWidget, SDK_VERSION } from './ConnectWidget';
export type { ConnectWidgetCallbacks, ConnectWidgetOptions } from './ConnectWidget';
export type {
  AnalyticEventMap,
  AnalyticEventName,
  AnalyticMetadata,
  AnalyticPath,
  WidgetEventMap,
  WidgetEventType,
} from './contract/events';
