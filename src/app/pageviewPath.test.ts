import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../api/errors';
import type { Step } from '../flow/steps';
import { createFlowStore } from '../flow/store';
import type { FlowPosition } from '../flow/transitions';
import { pageviewPath } from './usePageviews';

const at = (step: Step, position: Partial<FlowPosition> = {}) => createFlowStore({ step, ...position }).getState();

describe('pageviewPath: the stable path of every screen (README "Analytics")', () => {
  it.each<[Step, string]>([
    ['consent', '/consent'],
    ['connections', '/connections'],
    ['disconnect', '/disconnect'],
    ['disconnected', '/disconnected'],
    ['search', '/search'],
    ['manualAccount', '/manual-account'],
    ['manualAccountAdded', '/manual-account/added'],
    ['help', '/help'],
    ['microdepositRouting', '/microdeposits/routing'],
    ['microdepositHowItWorks', '/microdeposits/how-it-works'],
    ['microdepositAccount', '/microdeposits/account'],
    ['microdepositPersonal', '/microdeposits/personal'],
    ['microdepositReview', '/microdeposits/review'],
    ['microdepositStatus', '/microdeposits/status'],
    ['institutionUnavailable', '/institution-unavailable'],
    ['chooseMethod', '/choose-method'],
    ['enterCreds', '/credentials'],
    ['oauth', '/oauth'],
    ['connecting', '/connecting'],
    ['mfa', '/mfa'],
    ['connected', '/connected'],
  ])('%s is %s', (step, path) => {
    expect(pageviewPath(at(step), null)).toBe(path);
  });

  it('fixing credentials has its own path', () => {
    expect(pageviewPath(at('enterCreds', { credentialsMode: 'update' }), null)).toBe('/credentials/update');
  });

  it('a status screen is named by the status it shows, unknown before it is known', () => {
    expect(pageviewPath(at('loginError'), 'DENIED')).toBe('/status/denied');
    expect(pageviewPath(at('loginError'), 'EXPIRED')).toBe('/status/expired');
    expect(pageviewPath(at('loginError'), null)).toBe('/status/unknown');
    expect(pageviewPath(at('loginError'), undefined)).toBe('/status/unknown');
  });

  it.each<ErrorKind>(['network', 'rateLimited', 'sessionExpired', 'institutionNotFound'])(
    'an error screen is named by its kind (%s)',
    (errorKind) => {
      expect(pageviewPath(at('error', { errorKind }), null)).toBe(`/error/${errorKind}`);
    },
  );

  it('an error screen without a kind reads as a server error', () => {
    expect(pageviewPath(at('error'), null)).toBe('/error/server');
  });
});
