import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The floor app's build: React's plugin and the widget's module-preload choice, nothing else. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  build: { sourcemap: false, modulePreload: { polyfill: false } },
});
