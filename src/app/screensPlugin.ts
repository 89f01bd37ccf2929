import type { Plugin } from 'vite';
import { STEP_TABLE, type LaterStep, type ScreenGroup } from '../flow/steps';
import { PART_COLUMN, SCREEN_COLUMN, type ScreenPath } from './screens';

/** The module the step router imports for every screen outside the first bundle. */
export const SCREENS_MODULE = 'virtual:screens';
const GROUP_MODULE = `${SCREENS_MODULE}/`;
const RESOLVED = '\0';

/** Where a lazy screen's module goes: a chunk of its own, or its group's one chunk. */
export type LazyModule = { screen: ScreenPath; chunk: 'own' | ScreenGroup };

/**
 * Every lazily loaded screen once, with its chunk, read from the step table's chunk column and the
 * app's screen and part columns. Throws when one screen is given two chunks, or a path is not
 * `<folder>/<Module>` of plain names (it becomes an import specifier).
 */
export function lazyModules(): LazyModule[] {
  const chunkOf = (step: LaterStep) => STEP_TABLE[step].chunk;
  const rows: LazyModule[] = [
    ...(Object.keys(SCREEN_COLUMN) as LaterStep[]).map((step) => ({
      screen: SCREEN_COLUMN[step],
      chunk: chunkOf(step),
    })),
    ...Object.values(PART_COLUMN).map(({ screen, joins }) => ({ screen, chunk: joins ? chunkOf(joins) : 'own' })),
  ];
  const modules = new Map<ScreenPath, LazyModule>();
  for (const row of rows) {
    if (!/^[A-Za-z]+\/[A-Za-z]+$/.test(row.screen))
      throw new Error(`Screen path ${row.screen} is not <folder>/<Module>`);
    const known = modules.get(row.screen);
    if (known && known.chunk !== row.chunk)
      throw new Error(`Screen ${row.screen} is in two chunks: ${known.chunk} and ${row.chunk}`);
    modules.set(row.screen, row);
  }
  return [...modules.values()];
}

const exportName = (screen: ScreenPath) => screen.slice(screen.indexOf('/') + 1);

/**
 * The source of one of the screens' modules (see screensPlugin): `name` is `virtual:screens` or
 * `virtual:screens/<group>`; `features` is the directory the screen paths are under
 * (`<root>/src/features`). Throws for a group no screen is in.
 */
export function screensModuleSource(name: string, features: string): string {
  const modules = lazyModules();
  const source = (screen: ScreenPath) => JSON.stringify(`${features}/${screen}`);
  if (name === SCREENS_MODULE) {
    const loaders = modules.map(({ screen, chunk }) => {
      const from = chunk === 'own' ? source(screen) : JSON.stringify(GROUP_MODULE + chunk);
      return `  ${JSON.stringify(screen)}: () => import(${from}).then((m) => m.${exportName(screen)}),`;
    });
    return [
      `const LOADERS = {\n${loaders.join('\n')}\n};`,
      'export function loadScreen(screen) {',
      '  return Object.hasOwn(LOADERS, screen) ? LOADERS[screen]() : Promise.reject(new Error(`No screen ${screen}`));',
      '}',
    ].join('\n');
  }
  const group = name.slice(GROUP_MODULE.length);
  const members = modules.filter(({ chunk }) => chunk !== 'own' && chunk === group);
  if (members.length === 0) throw new Error(`No screens in the chunk group ${group}`);
  return members.map(({ screen }) => `export { ${exportName(screen)} } from ${source(screen)};`).join('\n');
}

/**
 * The screens' modules, written from the step table (src/flow/steps.ts, its chunk column) and
 * the screen column (src/app/screens.ts), so a step's chunk is one word in its row:
 *
 * - `virtual:screens`: `loadScreen(path): Promise<ComponentType>` for every lazy screen, each
 *   `import()` of its own chunk or its group's. The router imports this module once, so the first
 *   bundle carries one dynamic import rather than one (and a preload list) per screen.
 * - `virtual:screens/<group>`: the group's screens re-exported, so rolldown makes them one chunk
 *   (its own chunk groups pull the first screen's shared modules in, or leave a facade per screen).
 */
export function screensPlugin(): Plugin {
  let features = '/src/features';
  return {
    name: 'connect-screens',
    configResolved(config) {
      features = `${config.root}/src/features`;
    },
    resolveId(id) {
      return id === SCREENS_MODULE || id.startsWith(GROUP_MODULE) ? RESOLVED + id : undefined;
    },
    load(id) {
      return id.startsWith(RESOLVED + SCREENS_MODULE)
        ? screensModuleSource(id.slice(RESOLVED.length), features)
        : undefined;
    },
  };
}
