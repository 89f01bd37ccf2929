import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { screensPlugin } from './src/app/screensPlugin';

const shared = { testTimeout: 20_000, restoreMocks: true };

export default defineConfig({
  plugins: [react(), screensPlugin()],
  test: {
    // one worker per core: the default leaves one core idle, and on two cores that is half the machine
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'widget',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'sdk/src/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        // the server, the mock and the contract touch no DOM: a jsdom per file would only cost time
        extends: true,
        test: {
          ...shared,
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'sdk/src/contract/**/*.test.ts', 'host/**/*.test.ts'],
        },
      },
    ],
  },
});
