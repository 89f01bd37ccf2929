import { Hono } from 'hono';
import * as v from 'valibot';
import { faultRuleSchema, MAX_VIRTUAL_MS } from '../faults';
import { HttpError, json, readBody } from '../http';
import { finiteNumber, object } from '../../../validation';
import type { BackendState } from '../state';

const clockBody = v.union([
  object({ speed: v.pipe(finiteNumber, v.minValue(0), v.maxValue(10_000)) }),
  // with user_guid, only that user's members move on: parallel tests sharing the mock are untouched
  object({
    advance_ms: v.pipe(finiteNumber, v.minValue(0), v.maxValue(MAX_VIRTUAL_MS)),
    user_guid: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1))),
  }),
]);
const faultsBody = object({ rules: v.pipe(v.array(faultRuleSchema), v.maxLength(100)) });
/** The latest time a Date can hold (ms since the epoch): the clock never moves past it, however many advances add up. */
const LAST_DATE_MS = 8.64e15;

const clockView = (state: BackendState) => ({
  speed: state.clock.speed,
  now: new Date(state.clock.now()).toISOString(),
});

/** Moves one user's members and microdeposits forward in time by pulling their start back. */
function advanceUser(state: BackendState, userGuid: string, ms: number) {
  for (const member of state.members.values()) {
    if (member.user_guid === userGuid && member.job) member.job.startedAt -= ms;
  }
  for (const record of state.microDeposits.values()) {
    if (record.user_guid === userGuid && record.initiatedAt !== null) record.initiatedAt -= ms;
  }
}

/** The mock-only control API (api.md, "Mock-only control API"). */
export function controlRoutes(state: BackendState) {
  const routes = new Hono();
  routes.post('/reset', (c) => {
    state.reset();
    return json(c, { ok: true });
  });
  routes.post('/clock', async (c) => {
    const body = await readBody(c, clockBody);
    if ('speed' in body) state.clock.setSpeed(body.speed);
    else if (body.user_guid) advanceUser(state, body.user_guid, body.advance_ms);
    else if (state.clock.now() + body.advance_ms > LAST_DATE_MS) {
      throw new HttpError(400, 'advance_ms would move the clock past the last date there is.');
    } else state.clock.advance(body.advance_ms);
    return json(c, clockView(state));
  });
  routes.get('/clock', (c) => json(c, clockView(state)));
  routes.post('/faults', async (c) => {
    const body = await readBody(c, faultsBody);
    state.faults.set(body.rules, state.clock.now());
    return json(c, { rules: body.rules });
  });
  routes.delete('/faults', (c) => {
    state.faults.clear();
    return c.body(null, 204);
  });
  routes.get('/log', (c) => json(c, { requests: state.log.entries() }));
  routes.get('/help_requests', (c) => json(c, { help_requests: state.helpRequests }));
  return routes;
}
