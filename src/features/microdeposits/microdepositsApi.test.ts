import { beforeEach, describe, expect, it } from 'vitest';
import { serveRaw, startMockServer, type MockServer } from '../../test/mockServer';
import { createApiClient } from '../../api/client';
import { SchemaError } from '../../api/errors';
import { microdepositCalls, type MicrodepositInput } from './microdepositsApi';

const md = { guid: 'MIC-1', status: 'INITIATED', account_number: '3331261', institution_name: 'MX Bank' };
// what the user typed does not matter here: the answer is served as it is
const who = { first_name: 'Bo', last_name: 'Ng', email: 'bo@example.com' };
const input: MicrodepositInput = {
  routing_number: '011000015',
  account_number: '1234',
  account_type: 'SAVINGS',
  ...who,
};

let server: MockServer;
let calls: ReturnType<typeof microdepositCalls>;
beforeEach(() => {
  server = startMockServer();
  calls = microdepositCalls(createApiClient({ fetch: server.fetch }));
});

/** Every call that reads a microdeposit, with the route MX answers it on. */
const reads = [
  ['POST /users/*/micro_deposits', () => calls.create('USR-1', input)],
  ['GET /users/*/micro_deposits/*', () => calls.get('USR-1', 'MIC-1')],
  ['PUT /micro_deposits/*/verify', () => calls.verify('MIC-1', [0.07, 0.03])],
] as const;

describe('a microdeposit body', () => {
  it.each(reads)('%s: read as an object or as MX’s one-element array, alike', async (route, call) => {
    await serveRaw(server, route, JSON.stringify({ micro_deposit: md }));
    const asObject = await call();
    await serveRaw(server, route, JSON.stringify({ micro_deposit: [md] }));
    const asArray = await call();
    expect(asArray).toEqual(asObject);
    expect(asArray).toMatchObject({ guid: 'MIC-1', status: 'INITIATED', account_number: '1261' });
  });

  it.each([[[]], [[md, md]]])('an array of other than one (%j) is a named schema error', async (value) => {
    await serveRaw(server, 'GET /users/*/micro_deposits/*', JSON.stringify({ micro_deposit: value }));
    const error = await calls.get('USR-1', 'MIC-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect(error).toMatchObject({ field: expect.stringContaining('micro_deposit') });
  });
});
