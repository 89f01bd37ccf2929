import { Hono, type Context } from 'hono';
import { isValidRoutingNumber } from '../../../../sdk/src/contract/routingNumber';
import { flagFilters, institutionAsV20250224 } from '../../apiVersion';
import { HttpError, json, paginate, pageRequest, requestedVersion } from '../http';
import type { SearchResult } from '../search';
import type { BackendState } from '../state';
import type { MockInstitution } from '../types';

function favorites(institutions: readonly MockInstitution[]): MockInstitution[] {
  // the catalogue lists the sandbox institutions first, so they stay at the top of "popular"
  return institutions.filter((i) => i.is_popular);
}

const flagParam = (value: string | undefined) => (value === 'true' ? true : value === 'false' ? false : undefined);

/** Institutions as the request's API version shapes them: v20250224 says supported_products. */
const shaped = (c: Context, institution: MockInstitution) =>
  requestedVersion(c) === 'v20250224' ? institutionAsV20250224(institution) : institution;

/** One page of institutions, in the request's version. */
function institutionPage(c: Context, list: SearchResult): Response {
  const { items, pagination } = paginate(list, pageRequest(c));
  return json(c, { institutions: items.map((i) => shaped(c, i)), pagination });
}

/** The verification filter: v1's flag, or v20250224's supported_products=account_verification. */
function verificationFilter(c: Context): boolean | undefined {
  if (requestedVersion(c) === 'v1') return flagParam(c.req.query('supports_account_verification'));
  return flagFilters(new URL(c.req.url).searchParams).supports_account_verification;
}

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
      return institutionPage(c, byNumber);
    }
    const found = state.index.search(c.req.query('name') ?? '', {
      supportsOauth: flagParam(c.req.query('supports_oauth')),
      supportsVerification: verificationFilter(c),
    });
    return institutionPage(c, found);
  });

  routes.get('/favorites', (c) => {
    const verification = flagParam(c.req.query('supports_account_verification'));
    const list =
      verification === undefined ? popular : popular.filter((i) => i.supports_account_verification === verification);
    return institutionPage(c, list);
  });

  routes.get('/:code', (c) => {
    const institution = state.catalogue.byCode.get(c.req.param('code'));
    if (!institution) throw new HttpError(404, `Institution not found: ${c.req.param('code')}`);
    return json(c, { institution: shaped(c, institution) });
  });

  routes.get('/:code/credentials', (c) => {
    const code = c.req.param('code');
    if (!state.catalogue.byCode.has(code)) throw new HttpError(404, `Institution not found: ${code}`);
    const { items, pagination } = paginate(state.catalogue.credentialsFor(code), pageRequest(c));
    return json(c, { credentials: items, pagination });
  });

  return routes;
}
