import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { screensPlugin } from './src/app/screensPlugin';
import { securityHeadersPlugin } from './server/securityHeaders';
import { mockBackendPlugin } from './server/upstreams/mock/vitePlugin';

/** Origins of host pages allowed to embed the widget (comma separated). */
const hostOrigins = (process.env.CONNECT_HOST_ORIGINS ?? 'http://127.0.0.1:4174,http://localhost:4174')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean);
const DEV_NONCE = 'connect-dev';

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    tailwindcss(),
    // the lazy screens' modules, from the step table's chunk column (src/app/screensPlugin.ts)
    screensPlugin(),
    securityHeadersPlugin({ frameAncestors: hostOrigins, devNonce: DEV_NONCE }),
    mockBackendPlugin({
      mode: 'development',
      clockSpeed: Number(process.env.MOCK_CLOCK_SPEED ?? 1),
      // the control API (reset, clock, faults, log) only when asked for: tests and demos
      controlApi: process.env.MOCK_CONTROL_API === '1',
    }),
  ],
  html: command === 'serve' ? { cspNonce: DEV_NONCE } : undefined,
  build: {
    outDir: 'dist',
    sourcemap: false,
    // every browser the widget supports preloads modules itself (Safari 17+, Chrome, Firefox 115+); older ones
    // just load the chunks when asked, so the polyfill's bytes in the first bundle buy nothing
    modulePreload: { polyfill: false },
    rollupOptions: {
      // the page's early script (src/early.ts): the server writes its tag into the page (server/staticWidget.ts)
      input: { index: 'index.html', early: 'src/early.ts' },
      output: {
        // the server finds a locale's catalog chunk by this name to preload it with the page (server/staticWidget.ts)
        chunkFileNames: (chunk) =>
          /\/src\/i18n\/(en|es|frCA)\.ts$/.test(chunk.facadeModuleId ?? '')
            ? 'assets/i18n-[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  // Vite answers CORS for any localhost origin by default: none here, the widget calls its own origin
  server: { port: 5173, strictPort: true, cors: false },
  preview: { port: 4173, strictPort: true, cors: false },
}));
