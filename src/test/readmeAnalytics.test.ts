// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../api/errors';
import { STEPS, stepPath } from '../flow/steps';

/**
 * README's pageview table (section "Analytics") is what a partner builds their analytics on: it must
 * name every path the step table sends, and nothing the widget never sends.
 */
const ROOT = join(__dirname, '..', '..');

/**
 * The paths in the first cell of each row of the table under "## Analytics", without backticks.
 * A path with a `<name>` segment stands for any value there (`/status/<status>`).
 */
function tablePaths(readme: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Analytics\n')) ?? '';
  return [...section.matchAll(/^\| ([^|]*`\/[^|]*)\|/gm)].flatMap((row) =>
    [...(row[1] ?? '').matchAll(/`(\/[^`]*)`/g)].flatMap((cell) => (cell[1] ? [cell[1]] : [])),
  );
}

const isTemplate = (path: string) => path.includes('<');
const templateMatches = (template: string, path: string) =>
  new RegExp(`^${template.replace(/<[^>]+>/g, '[^/]+')}$`).test(path);

/**
 * Every path the step table can send. The variable columns are sampled: both credentials modes, a
 * status name, and error kinds (any kind ends up under `/error/<kind>`, so a few stand for all).
 */
function sentPaths(): Set<string> {
  const kinds: ErrorKind[] = ['network', 'sessionExpired', 'rateLimited'];
  const paths = new Set<string>();
  for (const step of STEPS) {
    for (const credentialsMode of ['create', 'update'] as const) {
      for (const errorKind of kinds) {
        paths.add(stepPath({ step, credentialsMode, memberGuid: 'MBR-1', errorKind }, 'DENIED'));
      }
    }
  }
  return paths;
}

const documented = tablePaths(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const sent = [...sentPaths()];

describe("README's pageview table", () => {
  it('is found', () => {
    expect(documented.length).toBeGreaterThan(10);
  });

  it('names every path the step table sends', () => {
    const undocumented = sent.filter(
      (path) =>
        !documented.includes(path) &&
        !documented.some((template) => isTemplate(template) && templateMatches(template, path)),
    );
    expect(undocumented).toEqual([]);
  });

  it('names only paths some step sends', () => {
    const neverSent = documented.filter((path) =>
      isTemplate(path) ? !sent.some((one) => templateMatches(path, one)) : !sent.includes(path),
    );
    expect(neverSent).toEqual([]);
  });
});
