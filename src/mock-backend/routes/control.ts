import { Hono } from 'hono';
import { z } from 'zod';
import { faultRuleSchema } from '../faults';
import { json, readBody } from '../http';
import type { BackendState } from '../state';

const clockBody = z.union([
  z.object({ speed: z.number().min(0).max(10_000) }),
  z.object({ advance_ms: z.number().min(0) }),
]);
const faultsBody = z.object({ rules: z.array(faultRuleSchema) });

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
    else state.clock.advance(body.advance_ms);
    return json(c, { speed: state.clock.speed, now: new Date(state.clock.now()).toISOString() });
  });
  routes.post('/faults', async (c) => {
    const body = await readBody(c, faultsBody);
    state.faults.set(body.rules, state.clock.now());
    return json(c, { rules: body.rules });
  });
  routes.delete('/faults', (c) => {
    state.faults.clear();
    return c.body(null, 204);
  });
  routes.get('/log', (c) => json(c, { requests: state.log }));
  return routes;
}
