// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * README's folder table (section "Architecture") is how a newcomer finds their way: it must name
 * every folder of the widget's source and feature tree, and nothing that is not there.
 */
const ROOT = join(__dirname, '..', '..');

/** The first cell of each row of the table under "## Architecture", without its backticks. */
function tablePaths(readme: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Architecture\n')) ?? '';
  return [...section.matchAll(/^\| `([^`]+)` +\|/gm)].flatMap((match) => (match[1] ? [match[1]] : []));
}

/** Direct sub-folders of a folder, relative to the repository root, ending in `/` as the table writes them. */
function foldersUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}/${entry.name}/`);
}

const listed = tablePaths(readFileSync(join(ROOT, 'README.md'), 'utf8'));

describe("README's folder table", () => {
  it('is found', () => {
    expect(listed.length).toBeGreaterThan(10);
  });

  it('names every folder under src/ and src/features/', () => {
    const missing = [...foldersUnder('src'), ...foldersUnder('src/features')]
      .filter((folder) => folder !== 'src/features/')
      .filter((folder) => !listed.includes(folder));
    expect(missing).toEqual([]);
  });

  it('names only paths that exist', () => {
    expect(listed.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
