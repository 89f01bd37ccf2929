import { defineConfig } from 'vite';
import { DEMO_PARTNER_SECRET } from '../server/config';
import { demoBackendPlugin } from './backend';

/** The demo host page: its own build, served on another origin than the widget, with its own back end. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    demoBackendPlugin({
      widgetOrigin: () => process.env.CONNECT_WIDGET_ORIGIN ?? 'http://localhost:4173',
      partnerSecret: () => process.env.PARTNER_SECRET ?? DEMO_PARTNER_SECRET,
    }),
  ],
  // the demo partner imports the SDK by its package name, as a partner's page would
  resolve: { alias: { 'connect-widget-sdk': new URL('../sdk/src/index.ts', import.meta.url).pathname } },
  build: { outDir: '../dist-host', emptyOutDir: true },
  server: { port: 5174, strictPort: true, cors: false },
  preview: { port: 4174, strictPort: true, cors: false },
});
