/** Written by screensPlugin (src/app/screensPlugin.ts) from the step table and src/app/screens.ts. */
declare module 'virtual:screens' {
  import type { ComponentType } from 'react';
  /** The screen at `screen` (a ScreenPath), loading its chunk; rejects when the chunk cannot load. */
  export function loadScreen(screen: string): Promise<ComponentType>;
}
