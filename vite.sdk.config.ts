import { defineConfig } from 'vite';

/** The host SDK as a small ESM library (dist-sdk/), separate from the widget. */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist-sdk',
    emptyOutDir: true,
    lib: {
      entry: { 'connect-widget-sdk': 'src/host-sdk/index.ts', react: 'src/host-sdk/react.ts' },
      formats: ['es'],
    },
    rollupOptions: { external: ['react'] },
    minify: true,
  },
});
