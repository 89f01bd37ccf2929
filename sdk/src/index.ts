export { ConnectWidget, SDK_VERSION } from './ConnectWidget';
export type { ConnectWidgetCallbacks, ConnectWidgetOptions } from './ConnectWidget';
export type { WidgetEventMap, WidgetEventType } from './contract/events';
