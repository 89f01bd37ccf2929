import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The host SDK as a small ESM library (sdk/dist/), built apart from the widget. */
export default defineConfig({
  root: here('.'),
  publicDir: false,
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    lib: {
      entry: { 'connect-widget-sdk': here('src/index.ts'), react: here('src/react.ts') },
      formats: ['es'],
    },
    rollupOptions: { external: ['react'] },
    minify: true,
  },
});
