// Finds a Chromium for Playwright: PLAYWRIGHT_CHROMIUM_PATH, then Debian's /usr/bin/chromium,
// installing it with apt when we are root and it is missing; otherwise Playwright's own browser.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.PLAYWRIGHT_CHROMIUM_PATH;
if (wanted) {
  if (!existsSync(wanted)) {
    console.error(`PLAYWRIGHT_CHROMIUM_PATH=${wanted} does not exist`);
    process.exit(1);
  }
  console.info(`Chromium: ${wanted}`);
} else if (existsSync('/usr/bin/chromium')) {
  console.info('Chromium: /usr/bin/chromium');
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.info('Chromium not found: installing Debian chromium with apt-get');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
} else {
  console.info('No system Chromium: using Playwright’s own (npx playwright install chromium if it is missing)');
}
