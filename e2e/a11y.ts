import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Frame, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { WIDGET_ORIGIN } from '../playwright.config';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function widgetFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(`${WIDGET_ORIGIN}/`));
  if (!frame) throw new Error('no widget frame on the page');
  return frame;
}

/**
 * Runs axe inside the widget's own frame (the demo host page around it is not the product).
 * Injecting axe into that one document is about three times faster than scanning the whole page
 * and its frames, which matters on a busy two-core machine.
 */
export async function expectNoAxeViolations(page: Page, screen: string) {
  const frame = widgetFrame(page);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };
  const results = await frame.evaluate(
    (runOptions) =>
      (window as unknown as { axe: { run(ctx: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(
        document,
        runOptions,
      ),
    options,
  );
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
  // the rules really ran on the widget's content
  expect(results.passes.length).toBeGreaterThan(10);
}
