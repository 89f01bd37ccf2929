import { createContext, useContext, type ReactNode } from 'react';
import type { WidgetConfig } from './config';

const ConfigContext = createContext<WidgetConfig | null>(null);

export function ConfigProvider({ config, children }: { config: WidgetConfig; children: ReactNode }) {
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

export function useConfig(): WidgetConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig needs a <ConfigProvider>');
  return config;
}
