// The SDK tarball holds what a partner needs and nothing else: built ESM, type declarations,
// README and package.json. No sources, tests, source maps or the widget. Run after the build.
import { execFileSync } from 'node:child_process';

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', './sdk'], { encoding: 'utf8' }));
const files = pack.files.map((f) => f.path).sort();
const allowed = (path) =>
  path === 'package.json' ||
  path === 'README.md' ||
  /^dist\/[\w-]+\.js$/.test(path) ||
  (/^dist\/types\/src\/.+\.d\.ts$/.test(path) && !path.includes('.test.'));
const stray = files.filter((path) => !allowed(path));
const needed = [
  'dist/connect-widget-sdk.js',
  'dist/react.js',
  'dist/types/src/index.d.ts',
  'dist/types/src/react.d.ts',
];
const missing = needed.filter((path) => !files.includes(path));
console.info(
  `sdk package        ${pack.name}@${pack.version}: ${files.length} files, ${(pack.size / 1024).toFixed(1)} KB packed`,
);
if (stray.length || missing.length) {
  if (stray.length) console.error(`  not for partners: ${stray.join(', ')}`);
  if (missing.length) console.error(`  missing: ${missing.join(', ')}`);
  process.exit(1);
}
