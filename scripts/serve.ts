/**
 * Serves the built widget (with the mock backend at /api) and the demo host page on two
 * different origins: what `npm start` and the Playwright suite run.
 */
import { preview } from 'vite';

const widgetPort = Number(process.env.WIDGET_PORT ?? 4173);
const hostPort = Number(process.env.HOST_PORT ?? 4174);
const widgetOrigin = `http://localhost:${widgetPort}`;
const hostOrigin = `http://127.0.0.1:${hostPort}`;

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
// read by the demo host's back end (host/backend.ts): where it mints widget URLs
process.env.CONNECT_WIDGET_ORIGIN = widgetOrigin;
// read by vite.config.ts: who may frame the widget and call the demo API
// (EXTRA_FRAME_ORIGINS lets a test frame the widget from a third origin to check the in-app gate)
process.env.CONNECT_HOST_ORIGINS = [hostOrigin, ...(process.env.EXTRA_FRAME_ORIGINS ?? '').split(',')]
  .filter(Boolean)
  .join(',');

const widget = await preview({
  configFile: 'vite.config.ts',
  preview: { port: widgetPort, strictPort: true, host: 'localhost', open: false },
});
const host = await preview({
  configFile: 'host/vite.config.ts',
  preview: { port: hostPort, strictPort: true, host: '127.0.0.1', open: false },
});

const hostUrl = `${hostOrigin}/`;
console.info(`\n  Connect widget + mock backend:  ${widgetOrigin}  (API at ${widgetOrigin}/api)`);
console.info(`  Demo host page (open this):     ${hostUrl}\n`);

const stop = () => {
  void Promise.all([widget.close(), host.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
