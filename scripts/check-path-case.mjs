// Fails when two tracked paths are equal but for case or extension (Foo.tsx beside foo.ts): on the
// case-insensitive file systems macOS and Windows use by default, an extensionless import can
// resolve to the wrong one.
import { execSync } from 'node:child_process';

const files = execSync('git ls-files', { encoding: 'utf8' }).split('\n').filter(Boolean);
const seen = new Map();
const clashes = [];
for (const file of files) {
  const key = file.toLowerCase().replace(/(?<=[^/.])\.[^./]+$/, '');
  const other = seen.get(key);
  if (other !== undefined && other !== file) clashes.push(`${other} ~ ${file}`);
  else seen.set(key, file);
}
if (clashes.length > 0) {
  console.error(`paths equal but for case or extension:\n  ${clashes.join('\n  ')}`);
  process.exit(1);
}
console.info(`path case: ${files.length} files, no two equal but for case or extension`);
