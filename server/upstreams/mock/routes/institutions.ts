import { Hono } from 'hono';
import { isValidRoutingNumber } from '../../../../sdk/src/contract/routingNumber';
import { HttpError, json, paginate, pageRequest } from '../http';
import type { BackendState } from '../state';
import type { MockInstitution } from '../types';

function favorites(institutions: readonly MockInstitution[]): MockInstitution[] {
  // the catalogue lists the sandbox institutions first, so they stay at the top of "popular"
  return institutions.filter((i) => i.is_popular);
}

const flagParam = (value: string | undefined) => (value === 'true' ? true : value === 'false' ? false : undefined);

export function institutionRoutes(state: BackendState) {
  const routes = new Hono();
  const popular = favorites(state.catalogue.institutions);

  routes.get('/', (c) => {
    const routingNumber = c.req.query('routing_number');
    if (routingNumber !== undefined) {
      if (!isValidRoutingNumber(routingNumber)) {
        throw new HttpError(400, 'Invalid field "routing_number": not a valid ABA routing number.', {
          field: 'routing_number',
        });
      }
      const byNumber = state.catalogue.byRoutingNumber.get(routingNumber) ?? [];
      const { items, pagination } = paginate(byNumber, pageRequest(c));
      return json(c, { institutions: items, pagination });
    }
    const found = state.index.search(c.req.query('name') ?? '', {
      supportsOauth: flagParam(c.req.query('supports_oauth')),
      supportsVerification: flagParam(c.req.query('supports_account_verification')),
    });
    const { items, pagination } = paginate(found, pageRequest(c));
    return json(c, { institutions: items, pagination });
  });

  routes.get('/favorites', (c) => {
    const verification = flagParam(c.req.query('supports_account_verification'));
    const list =
      verification === undefined ? popular : popular.filter((i) => i.supports_account_verification === verification);
    const { items, pagination } = paginate(list, pageRequest(c));
    return json(c, { institutions: items, pagination });
  });

  routes.get('/:code', (c) => {
    const institution = state.catalogue.byCode.get(c.req.param('code'));
    if (!institution) throw new HttpError(404, `Institution not found: ${c.req.param('code')}`);
    return json(c, { institution });
  });

  routes.get('/:code/credentials', (c) => {
    const code = c.req.param('code');
    if (!state.catalogue.byCode.has(code)) throw new HttpError(404, `Institution not found: ${code}`);
    const { items, pagination } = paginate(state.catalogue.credentialsFor(code), pageRequest(c));
    return json(c, { credentials: items, pagination });
  });

  return routes;
}
