import { describe, expect, it } from 'vitest';
import { STEP_TABLE, STEPS, type LaterStep } from '../flow/steps';
import { PART_COLUMN, SCREEN_COLUMN } from './screens';
import { lazyModules, screensModuleSource } from './screensPlugin';

const LATER_STEPS = STEPS.filter((step): step is LaterStep => STEP_TABLE[step].chunk !== 'first');
const screensIn = (chunk: string) =>
  lazyModules()
    .filter((module) => module.chunk === chunk)
    .map(({ screen }) => screen);

describe('the lazy screens, from the step table', () => {
  it('has a screen for every step outside the first bundle, and for nothing else', () => {
    expect(Object.keys(SCREEN_COLUMN).sort()).toEqual([...LATER_STEPS].sort());
    expect(STEPS.filter((step) => STEP_TABLE[step].chunk === 'first')).toEqual(['search', 'error']);
  });

  it.each(LATER_STEPS)("loads %s's screen in the chunk its row names", (step) => {
    expect(lazyModules()).toContainEqual({ screen: SCREEN_COLUMN[step], chunk: STEP_TABLE[step].chunk });
  });

  it('lists each screen once: the microdeposit form shows five steps from one module', () => {
    const screens = lazyModules().map(({ screen }) => screen);
    expect(new Set(screens).size).toBe(screens.length);
    expect(screens.filter((screen) => screen === 'microdeposits/MicrodepositForm')).toHaveLength(1);
  });

  it('groups the account screens, the help button with them, and the microdeposit screens', () => {
    expect(screensIn('accounts')).toEqual([
      'connections/ConnectionsStep',
      'connections/DisconnectStep',
      'connections/DisconnectedStep',
      'manualAccounts/ManualAccountStep',
      'manualAccounts/ManualAccountAddedStep',
      'help/HelpStep',
      PART_COLUMN.GetHelpButton.screen,
    ]);
    expect(screensIn('microdeposits')).toEqual([
      'microdeposits/MicrodepositForm',
      'microdeposits/MicrodepositStatusStep',
    ]);
  });

  it("writes a group's module as its screens re-exported, and one loader per screen that imports the group", () => {
    expect(screensModuleSource('virtual:screens/microdeposits', '/app/src/features').split('\n')).toEqual([
      'export { MicrodepositForm } from "/app/src/features/microdeposits/MicrodepositForm";',
      'export { MicrodepositStatusStep } from "/app/src/features/microdeposits/MicrodepositStatusStep";',
    ]);
    const loaders = screensModuleSource('virtual:screens', '/app/src/features');
    expect(loaders).toContain('"help/HelpStep": () => import("virtual:screens/accounts").then((m) => m.HelpStep),');
    expect(loaders).toContain(
      '"consent/ConsentStep": () => import("/app/src/features/consent/ConsentStep").then((m) => m.ConsentStep),',
    );
    expect(() => screensModuleSource('virtual:screens/nothing', '/app/src/features')).toThrow(/nothing/);
  });

  it('loads a component for every screen, and refuses a path that is not one', async () => {
    const { loadScreen } = await import('virtual:screens');
    const screens = lazyModules().map(({ screen }) => screen);
    for (const screen of screens) expect(typeof (await loadScreen(screen)), screen).toBe('function');
    await expect(loadScreen('toString')).rejects.toThrow('No screen toString');
  });
});
