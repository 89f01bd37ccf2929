import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The stack floor's build: the same options as the floor's (scripts/bench/floor/vite.config.ts). */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  build: { sourcemap: false, modulePreload: { polyfill: false } },
});
