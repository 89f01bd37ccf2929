// `npm test`: every phase in order, stopping at the first that fails, with how long each took.
import { spawnSync } from 'node:child_process';

const PHASES = [
  ['lint', 'npm run lint'],
  ['types', 'npm run typecheck'],
  ['unit', 'npm run test:unit'],
  ['build', 'npm run build'],
  ['size', 'npm run size'],
  ['bench', 'npm run bench'],
  ['e2e', 'npm run test:e2e'],
];

const times = [];
let failed = null;
const started = Date.now();
for (const [name, command] of PHASES) {
  const t0 = Date.now();
  const result = spawnSync(command, { stdio: 'inherit', shell: true });
  times.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (result.status !== 0) {
    failed = name;
    break;
  }
}
console.info(`\nphases: ${times.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failed) {
  console.error(`npm test: the ${failed} phase failed`);
  process.exit(1);
}
