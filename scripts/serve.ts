/**
 * What `npm start` and the Playwright suite run: the production server (widget, widget API,
 * partner API; mock upstream unless configured otherwise) and the demo host page with its own
 * small back end, on two different origins.
 */
import { preview } from 'vite';
import { startServer } from '../server/main';

const widgetPort = Number(process.env.WIDGET_PORT ?? 4173);
const hostPort = Number(process.env.HOST_PORT ?? 4174);
const widgetOrigin = `http://localhost:${widgetPort}`;
const hostOrigin = `http://127.0.0.1:${hostPort}`;

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
// read by the demo host's back end (host/backend.ts): where it mints widget URLs
process.env.CONNECT_WIDGET_ORIGIN = widgetOrigin;
// who may frame the widget (EXTRA_FRAME_ORIGINS lets a test frame it from a third origin to check
// the in-app gate)
const hostOrigins = [hostOrigin, ...(process.env.EXTRA_FRAME_ORIGINS ?? '').split(',')].filter(Boolean).join(',');

const widget = await startServer({
  ...process.env,
  PORT: String(widgetPort),
  HOST: 'localhost',
  CONNECT_HOST_ORIGINS: process.env.CONNECT_HOST_ORIGINS ?? hostOrigins,
});
const host = await preview({
  configFile: 'host/vite.config.ts',
  preview: { port: hostPort, strictPort: true, host: '127.0.0.1', open: false },
});

console.info(`\n  Connect widget server (widget, /api, /partner):  ${widgetOrigin}`);
console.info(`  Demo host page (open this):                        ${hostOrigin}/\n`);

const stop = () => {
  // in-flight requests finish first
  void Promise.all([widget.close(), host.close()]).then(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
