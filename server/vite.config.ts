import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The production server as plain JavaScript for Node alone (dist-server/main.js, run by
 * `npm run start:prod`). An SSR build leaves every package import as an import, so at run time the
 * server needs only `dependencies` (hono, @hono/node-server, hono-rate-limiter, redis, valibot); the server's
 * own files, the SDK's contract and the mock upstream are bundled in.
 */
export default defineConfig({
  root: here('..'),
  publicDir: false,
  build: {
    ssr: here('main.ts'),
    outDir: here('../dist-server'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: { output: { entryFileNames: 'main.js' } },
  },
  // bundle nothing from node_modules: a package the server imports must be a dependency (smoke-prod checks)
  ssr: { target: 'node' },
});
