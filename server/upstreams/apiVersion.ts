import { MX_MEDIA_TYPE } from '../../sdk/src/contract/mx';
import type { MatchedRoute } from './allowList';

/**
 * MX Platform API versions, and the one place that maps between them. The widget reads one
 * shape, v1's (src/api/schemas.ts); with `MX_API_VERSION=v20250224` the server turns its queries
 * into that version's and its answers back into v1's here. The mock answers either version with
 * the same mapping, so the two cannot drift apart. Facts from MX's specs, vendored at
 * vendor/mx-openapi/{mx_platform_api.yml,v20250224.yml}.
 */
export const MX_API_VERSIONS = ['v1', 'v20250224'] as const;
export type MxApiVersion = (typeof MX_API_VERSIONS)[number];

/**
 * The headers that choose the version and the media type. v1: MX's vendor type first and
 * `application/json` as the fallback, since v1's microdeposit routes answer only `application/json`
 * (a vendor-only Accept gets 406 there). v20250224: `application/json` and `Accept-Version`.
 */
export function mxVersionHeaders(version: MxApiVersion): Record<string, string> {
  return version === 'v1'
    ? { accept: `${MX_MEDIA_TYPE}, application/json;q=0.9` }
    : { accept: 'application/json', 'accept-version': 'v20250224' };
}

/**
 * v1's `supports_*` flags and the v20250224 products that replace them. A product in an
 * institution's `supported_products` (schema SupportedProducts) is not always spelled as the
 * search filter spells it (parameter supportedProducts): history is `transaction_history` in one
 * and `history` in the other.
 */
const PRODUCT_FLAGS = [
  { flag: 'supports_account_verification', products: ['account_verification'], filter: 'account_verification' },
  { flag: 'supports_account_identification', products: ['identity_verification'], filter: 'identity_verification' },
  { flag: 'supports_account_statement', products: ['statements'], filter: 'statements' },
  { flag: 'supports_transaction_history', products: ['transaction_history', 'history'], filter: 'history' },
] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A v20250224 institution read as v1: each `supports_*` flag from `supported_products` (a missing
 * or non-array list means none), the rest as it came. Anything but an object is returned unchanged.
 */
export function institutionAsV1(institution: unknown): unknown {
  if (!isObject(institution)) return institution;
  const products = Array.isArray(institution.supported_products) ? institution.supported_products : [];
  const flags = Object.fromEntries(
    PRODUCT_FLAGS.map(({ flag, products: names }) => [flag, names.some((name) => products.includes(name))]),
  );
  return { ...institution, ...flags };
}

/** A v1 institution as v20250224 serves it: `supported_products` instead of the `supports_*` flags. */
export function institutionAsV20250224(institution: object): Json {
  const rest: Json = { ...institution };
  const supported: string[] = [];
  for (const { flag, products } of PRODUCT_FLAGS) {
    if (rest[flag] === true) supported.push(products[0]);
    delete rest[flag];
  }
  return { ...rest, supported_products: supported };
}

/**
 * The v1 flag filters of a search (`supports_account_verification=true`, …) as v20250224's
 * `supported_products` values. Only `true` can be said in v20250224; a `false` filter has no
 * equivalent and is left out (the widget never sends one).
 */
export function productFilters(query: URLSearchParams): string[] {
  return PRODUCT_FLAGS.filter(({ flag }) => query.get(flag) === 'true').map(({ filter }) => filter);
}

/** The v1 flags a v20250224 `supported_products` filter asks for (the mock's reading of it). */
export function flagFilters(query: URLSearchParams): Partial<Record<(typeof PRODUCT_FLAGS)[number]['flag'], true>> {
  const asked = query.getAll('supported_products').flatMap((v) => v.split(','));
  return Object.fromEntries(
    PRODUCT_FLAGS.filter(({ filter, products }) =>
      asked.some((a) => a === filter || products.some((p) => p === a)),
    ).map(({ flag }) => [flag, true]),
  );
}

/** The query parameters MX's specs define as arrays (v20250224's supportedProducts); every other one is a scalar. */
const LIST_PARAMETERS = new Set(['supported_products']);

/** The most institutions the server asks MX for when it filters the popular list itself. */
const FILTERED_FAVORITES_PAGE = 100;
const DEFAULT_PER_PAGE = 25;

const filtersFavorites = (route: MatchedRoute, widgetQuery: URLSearchParams) =>
  route.route.path === '/institutions/favorites' && widgetQuery.get('supports_account_verification') === 'true';
const firstPage = (query: URLSearchParams) => (query.get('page') ?? '1') === '1';

/**
 * The query string to send MX for a widget request: v1 flag filters become v20250224's
 * `supported_products`, and only the parameters MX's spec defines for the route (its allow-list
 * entry, per version) go on; everything else (the mock's `routing_number`, `supports_oauth`, a
 * favorites filter) is dropped. A route with no entry, or no route, sends no query at all.
 *
 * @returns the query with its "?", or "" when nothing is left
 */
export function upstreamSearch(version: MxApiVersion, route: MatchedRoute | null, widgetSearch: string): string {
  const widgetQuery = new URLSearchParams(widgetSearch);
  const allowed = route?.route.query?.[version] ?? [];
  const out = new URLSearchParams();
  for (const [name, value] of widgetQuery) {
    // a scalar given twice goes on as the server reads it (the first): MX might read the last
    if (allowed.includes(name) && (LIST_PARAMETERS.has(name) || !out.has(name))) out.append(name, value);
  }
  if (version === 'v20250224' && route?.route.path === '/institutions') {
    for (const product of productFilters(widgetQuery)) out.append('supported_products', product);
  }
  if (route && filtersFavorites(route, widgetQuery) && firstPage(widgetQuery)) {
    // the server filters this list itself: ask for a full page so a short one still fills the widget's
    out.set('records_per_page', String(FILTERED_FAVORITES_PAGE));
  }
  return out.size > 0 ? `?${out.toString()}` : '';
}

/** Microdeposit routes answer `{micro_deposit: [one]}` in MX's spec (MicrodepositResponseBody). */
function oneMicrodeposit(body: Json): Json {
  const value = body.micro_deposit;
  return Array.isArray(value) && value.length === 1 ? { ...body, micro_deposit: value[0] } : body;
}

/** The popular list in verification mode: only institutions that can verify, cut to the page asked for. */
function verifyingFavorites(body: Json, widgetQuery: URLSearchParams): Json {
  if (!Array.isArray(body.institutions)) return body;
  const verifying = body.institutions.filter((i) => isObject(i) && i.supports_account_verification === true);
  if (!firstPage(widgetQuery)) return { ...body, institutions: verifying };
  const asked = Number.parseInt(widgetQuery.get('records_per_page') ?? '', 10);
  const perPage = Number.isFinite(asked) && asked > 0 ? Math.min(asked, FILTERED_FAVORITES_PAGE) : DEFAULT_PER_PAGE;
  const page = verifying.slice(0, perPage);
  return {
    ...body,
    institutions: page,
    pagination: {
      current_page: 1,
      per_page: perPage,
      total_entries: verifying.length,
      total_pages: Math.ceil(verifying.length / perPage),
    },
  };
}

/**
 * An MX answer as the widget reads it (v1's shape): institutions of v20250224 get their v1 flags;
 * a one-element `micro_deposit` array becomes its element (both versions); the popular list in
 * verification mode keeps only institutions that can verify. Bodies of other routes, and anything
 * not an object, are returned unchanged.
 */
export function widgetBody(
  version: MxApiVersion,
  route: MatchedRoute | null,
  widgetSearch: string,
  body: unknown,
): unknown {
  if (!route || !isObject(body)) return body;
  let out: Json = body;
  if (route.route.path.startsWith('/institutions')) {
    if (version === 'v20250224') {
      if ('institution' in out) out = { ...out, institution: institutionAsV1(out.institution) };
      if (Array.isArray(out.institutions)) out = { ...out, institutions: out.institutions.map(institutionAsV1) };
    }
    const widgetQuery = new URLSearchParams(widgetSearch);
    if (filtersFavorites(route, widgetQuery)) out = verifyingFavorites(out, widgetQuery);
  }
  if ('micro_deposit' in out) out = oneMicrodeposit(out);
  return out;
}
