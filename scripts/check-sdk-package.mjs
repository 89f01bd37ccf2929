// The SDK tarball holds what a partner needs and nothing else: built ESM, type declarations,
// README and package.json. No sources, tests, source maps or the widget. Run after the build.
// It carries the project's licence: the root package.json's `license` (UNLICENSED when it names
// none: the project has no licence file today), and the LICENSE file once the project has one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', './sdk'], { encoding: 'utf8' }));
const files = pack.files.map((f) => f.path).sort();
const allowed = (path) =>
  path === 'package.json' ||
  path === 'README.md' ||
  path === 'LICENSE' ||
  /^dist\/[\w-]+\.js$/.test(path) ||
  (/^dist\/types\/src\/.+\.d\.ts$/.test(path) && !path.includes('.test.'));
const stray = files.filter((path) => !allowed(path));
const needed = [
  'dist/connect-widget-sdk.js',
  'dist/react.js',
  'dist/types/src/index.d.ts',
  'dist/types/src/react.d.ts',
];
const licenceFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].find((name) => existsSync(name));
if (licenceFile) needed.push('LICENSE');
const missing = needed.filter((path) => !files.includes(path));
const rootLicence = JSON.parse(readFileSync('package.json', 'utf8')).license ?? 'UNLICENSED';
const sdkLicence = JSON.parse(readFileSync('sdk/package.json', 'utf8')).license;
console.info(
  `sdk package        ${pack.name}@${pack.version} (${sdkLicence}): ${files.length} files, ${(pack.size / 1024).toFixed(1)} KB packed`,
);
if (stray.length || missing.length || sdkLicence !== rootLicence) {
  if (sdkLicence !== rootLicence)
    console.error(`  licence: sdk/package.json says ${sdkLicence}, the project ${rootLicence}`);
  if (missing.includes('LICENSE')) console.error(`  ${licenceFile} is not in the package: copy it to sdk/LICENSE`);
  if (stray.length) console.error(`  not for partners: ${stray.join(', ')}`);
  if (missing.length) console.error(`  missing: ${missing.join(', ')}`);
  process.exit(1);
}
