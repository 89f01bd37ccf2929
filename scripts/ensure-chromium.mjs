// Finds a Chromium for Playwright: PLAYWRIGHT_CHROMIUM_PATH, then Debian's Chromium. Headless, the
// tests prefer Debian's chromium-headless-shell (what Playwright itself runs headless: about a third
// less CPU per test than the full browser on two cores) and install it with apt when we are root;
// the full chromium is the fallback, installed the same way when there is none at all.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL_CHROMIUM = '/usr/bin/chromium';

const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** apt-get install, trying the package lists already on the machine before updating them */
function aptInstall(pkg) {
  const install = `DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`;
  for (const command of [install, `apt-get update -qq && ${install}`]) {
    try {
      execSync(command, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
      return true;
    } catch {
      // next way, or give up below
    }
  }
  return false;
}

const wanted = process.env.PLAYWRIGHT_CHROMIUM_PATH;
if (wanted) {
  if (!existsSync(wanted)) {
    console.error(`PLAYWRIGHT_CHROMIUM_PATH=${wanted} does not exist`);
    process.exit(1);
  }
  console.info(`Chromium: ${wanted}`);
} else {
  if (!existsSync(HEADLESS_SHELL) && canApt) {
    console.info('Installing Debian chromium-headless-shell with apt-get');
    if (!aptInstall('chromium-headless-shell')) console.info('  could not: the tests use the full chromium');
  }
  if (!existsSync(HEADLESS_SHELL) && !existsSync(FULL_CHROMIUM) && canApt) {
    console.info('Chromium not found: installing Debian chromium with apt-get');
    aptInstall('chromium');
  }
  if (existsSync(HEADLESS_SHELL)) console.info(`Chromium: ${HEADLESS_SHELL}`);
  else if (existsSync(FULL_CHROMIUM)) console.info(`Chromium: ${FULL_CHROMIUM}`);
  else console.info('No system Chromium: using Playwright’s own (npx playwright install chromium if it is missing)');
}
