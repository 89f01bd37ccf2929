import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import { createMockBackend, type MockBackendOptions } from './app';

/**
 * Mounts the mock backend's Fetch handler on Vite's dev and preview servers, so `npm run dev`,
 * `npm start` and Playwright all talk to the very same code the unit tests call in-process.
 */
export function mockBackendPlugin(options: MockBackendOptions = {}): Plugin {
  const backend = createMockBackend(options);
  const listener = getRequestListener(backend.fetch);
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url ?? '';
    if (url.startsWith('/api/') || url === '/api' || url.startsWith('/mock/')) {
      void listener(req, res);
      return;
    }
    next();
  };
  return {
    name: 'connect-mock-backend',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
