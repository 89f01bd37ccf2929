// `npm test`: every phase in order, stopping at the first that fails, with how long each took.
// Lint and type-check share a phase and run side by side (each uses about one core); their output
// is held and printed whole, one after the other, so it never interleaves.
import { spawn, spawnSync } from 'node:child_process';

const PHASES = [
  ['lint+types', ['npm run lint', 'npm run typecheck']],
  ['unit', 'npm run test:unit'],
  ['build', 'npm run build'],
  ['smoke-prod', 'npm run smoke:prod'],
  ['size', 'npm run size'],
  ['bench', 'npm run bench'],
  ['e2e', 'npm run test:e2e'],
  // the main flows in Firefox (puppeteer-core, WebDriver BiDi) and WebKit (WebdriverIO, WebKitWebDriver)
  ['engines', 'npm run test:engines'],
  // the server in mx mode against Prism serving MX's own spec files (README "Contract test against MX's spec")
  ['contract', 'npm run test:contract'],
];

/** Runs commands at once; resolves true when all exit 0. */
function together(commands) {
  return Promise.all(
    commands.map(
      (command) =>
        new Promise((resolve) => {
          const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
          const out = [];
          child.stdout.on('data', (chunk) => out.push(chunk));
          child.stderr.on('data', (chunk) => out.push(chunk));
          child.on('close', (code) => {
            process.stdout.write(`\n> ${command}\n${Buffer.concat(out).toString()}`);
            resolve(code === 0);
          });
        }),
    ),
  ).then((results) => results.every(Boolean));
}

const times = [];
let failed = null;
const started = Date.now();
for (const [name, command] of PHASES) {
  const t0 = Date.now();
  const ok = Array.isArray(command)
    ? await together(command)
    : spawnSync(command, { stdio: 'inherit', shell: true }).status === 0;
  times.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (!ok) {
    failed = name;
    break;
  }
}
console.info(`\nphases: ${times.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failed) {
  console.error(`npm test: the ${failed} phase failed`);
  process.exit(1);
}
