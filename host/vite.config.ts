import { defineConfig } from 'vite';

/** The demo host page: its own build, served on another origin than the widget. */
export default defineConfig({
  root: import.meta.dirname,
  define: {
    __DEFAULT_WIDGET_ORIGIN__: JSON.stringify(process.env.CONNECT_WIDGET_ORIGIN ?? 'http://localhost:4173'),
  },
  build: { outDir: '../dist-host', emptyOutDir: true },
  server: { port: 5174, strictPort: true },
  preview: { port: 4174, strictPort: true },
});
