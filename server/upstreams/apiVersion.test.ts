// @vitest-environment node
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { matchWidgetRoute, PARTNER_ROUTES, WIDGET_ROUTES } from './allowList';
import {
  flagFilters,
  institutionAsV1,
  institutionAsV20250224,
  MX_API_VERSIONS,
  mxVersionHeaders,
  upstreamSearch,
  widgetBody,
  type MxApiVersion,
} from './apiVersion';

const SPEC_FILES: Record<MxApiVersion, string> = {
  v1: 'vendor/mx-openapi/mx_platform_api.yml',
  v20250224: 'vendor/mx-openapi/v20250224.yml',
};

interface SpecParameter {
  $ref?: string;
  in?: string;
  name?: string;
}
interface SpecOperation {
  parameters?: SpecParameter[];
}
interface Spec {
  paths: Record<string, Record<string, SpecOperation | SpecParameter[]>>;
  components: { parameters: Record<string, SpecParameter> };
}

const specs = Object.fromEntries(
  MX_API_VERSIONS.map((version) => [version, parse(readFileSync(SPEC_FILES[version], 'utf8')) as Spec]),
) as Record<MxApiVersion, Spec>;

/** The query parameters a spec defines for a route of the allow-list (its `:name` segments any name). */
function specQuery(version: MxApiVersion, method: string, template: string): string[] | null {
  const spec = specs[version];
  const shape = template.replace(/:[a-z_]+/g, '{}');
  const path = Object.keys(spec.paths).find((p) => p.replace(/\{[a-z_]+\}/g, '{}') === shape);
  if (!path) return null;
  const item = spec.paths[path] ?? {};
  const operation = item[method.toLowerCase()];
  if (!operation || Array.isArray(operation)) return null;
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  return [...shared, ...(operation.parameters ?? [])]
    .map((p) => (p.$ref ? spec.components.parameters[p.$ref.split('/').at(-1) ?? ''] : p))
    .filter((p) => p?.in === 'query')
    .map((p) => p?.name ?? '')
    .sort();
}

const MX_ROUTES = [...WIDGET_ROUTES, ...PARTNER_ROUTES].filter(
  (r) => !r.path.startsWith('/micro_deposits/routing_numbers'),
);

const versionRoutes = MX_API_VERSIONS.flatMap((v) =>
  MX_ROUTES.map((r): [MxApiVersion, string, string] => [v, r.method, r.path]),
);

describe('the allow-list against MX’s spec files', () => {
  it.each(versionRoutes)('%s %s %s: forwards exactly the query parameters MX defines', (version, method, path) => {
    const route = MX_ROUTES.find((r) => r.method === method && r.path === path);
    expect(specQuery(version, method, path)).toEqual([...(route?.query?.[version] ?? [])].sort());
  });
});

describe('headers per version', () => {
  it('v1: the vendor type first, application/json as the fallback, no Accept-Version', () => {
    expect(mxVersionHeaders('v1')).toEqual({ accept: 'application/vnd.mx.api.v1+json, application/json;q=0.9' });
  });
  it('v20250224: application/json and Accept-Version', () => {
    expect(mxVersionHeaders('v20250224')).toEqual({ accept: 'application/json', 'accept-version': 'v20250224' });
  });
});

const route = (method: string, path: string) => matchWidgetRoute(method, path);

describe('queries sent upstream', () => {
  it('a parameter MX does not define is never sent (either version)', () => {
    for (const version of MX_API_VERSIONS) {
      expect(upstreamSearch(version, route('GET', '/institutions'), '?name=bank&supports_oauth=true&x=1&page=2')).toBe(
        '?name=bank&page=2',
      );
      expect(upstreamSearch(version, route('GET', '/institutions'), '?routing_number=123456780')).toBe('');
      expect(upstreamSearch(version, route('GET', '/users/USR-1/members/MBR-1'), '?evil=1')).toBe('');
      expect(upstreamSearch(version, null, '?anything=1')).toBe('');
    }
  });

  it('a parameter given twice goes on once, as the server itself reads it (the first); a list stays a list', () => {
    for (const version of MX_API_VERSIONS) {
      const favorites = route('GET', '/institutions/favorites');
      // the server filters page 1 itself: MX must not be answering page 2 for it
      expect(upstreamSearch(version, favorites, '?supports_account_verification=true&page=1&page=2')).toBe(
        '?page=1&records_per_page=100',
      );
      expect(upstreamSearch(version, route('GET', '/institutions'), '?name=a&name=b')).toBe('?name=a');
    }
    expect(
      upstreamSearch(
        'v1',
        route('GET', '/institutions'),
        '?supports_account_verification=false&supports_account_verification=true',
      ),
    ).toBe('?supports_account_verification=false');
    expect(
      upstreamSearch(
        'v20250224',
        route('GET', '/institutions'),
        '?supported_products=statements&supported_products=history',
      ),
    ).toBe('?supported_products=statements&supported_products=history');
  });

  it('the verification filter on a search: v1 keeps its flag, v20250224 says supported_products', () => {
    const search = '?name=mx&supports_account_verification=true';
    expect(upstreamSearch('v1', route('GET', '/institutions'), search)).toBe(
      '?name=mx&supports_account_verification=true',
    );
    expect(upstreamSearch('v20250224', route('GET', '/institutions'), search)).toBe(
      '?name=mx&supported_products=account_verification',
    );
    expect(upstreamSearch('v20250224', route('GET', '/institutions'), '?supports_transaction_history=true')).toBe(
      '?supported_products=history',
    );
  });

  it('favorites never carry a product filter; in verification mode the server asks for a full page to filter', () => {
    for (const version of MX_API_VERSIONS) {
      expect(
        upstreamSearch(
          version,
          route('GET', '/institutions/favorites'),
          '?records_per_page=25&supports_account_verification=true',
        ),
      ).toBe('?records_per_page=100');
      expect(upstreamSearch(version, route('GET', '/institutions/favorites'), '?records_per_page=25')).toBe(
        '?records_per_page=25',
      );
    }
  });

  it('aggregate: v1 defines include_transactions, v20250224 nothing', () => {
    const aggregate = route('POST', '/users/USR-1/members/MBR-1/aggregate');
    expect(upstreamSearch('v1', aggregate, '?include_transactions=true')).toBe('?include_transactions=true');
    expect(upstreamSearch('v20250224', aggregate, '?include_transactions=true')).toBe('');
  });
});

const v1Bank = {
  code: 'mxbank',
  name: 'MX Bank',
  supports_oauth: false,
  supports_account_identification: true,
  supports_account_statement: false,
  supports_account_verification: true,
  supports_transaction_history: true,
};

describe('institution shapes', () => {
  it('v1 → v20250224: supported_products instead of the supports_* flags (supports_oauth stays)', () => {
    expect(institutionAsV20250224(v1Bank)).toEqual({
      code: 'mxbank',
      name: 'MX Bank',
      supports_oauth: false,
      supported_products: ['account_verification', 'identity_verification', 'transaction_history'],
    });
  });

  it('v20250224 → v1: each flag from supported_products; none listed means none supported', () => {
    expect(institutionAsV1(institutionAsV20250224(v1Bank))).toMatchObject(v1Bank);
    expect(institutionAsV1({ code: 'x', supported_products: null })).toMatchObject({
      supports_account_verification: false,
      supports_transaction_history: false,
    });
    expect(institutionAsV1({ code: 'y', supported_products: ['history'] })).toMatchObject({
      supports_transaction_history: true,
    });
  });

  it('the mock reads the v20250224 filter back as v1 flags', () => {
    expect(flagFilters(new URLSearchParams('supported_products=account_verification'))).toEqual({
      supports_account_verification: true,
    });
    expect(flagFilters(new URLSearchParams('supported_products=history&supported_products=statements'))).toEqual({
      supports_transaction_history: true,
      supports_account_statement: true,
    });
    expect(flagFilters(new URLSearchParams('name=x'))).toEqual({});
  });
});

describe('bodies read back', () => {
  const v2025Bank = institutionAsV20250224(v1Bank);
  const noVerify = institutionAsV20250224({ ...v1Bank, code: 'nover', supports_account_verification: false });

  it('institutions of v20250224, one or a list, as v1', () => {
    const one = widgetBody('v20250224', route('GET', '/institutions/mxbank'), '', { institution: v2025Bank });
    expect(one).toEqual({ institution: expect.objectContaining(v1Bank) });
    const list = widgetBody('v20250224', route('GET', '/institutions'), '?name=mx', { institutions: [v2025Bank] });
    expect(list).toEqual({ institutions: [expect.objectContaining(v1Bank)] });
  });

  it('verification mode lists the same popular banks in both versions, cut to the page asked for', () => {
    const search = '?records_per_page=1&supports_account_verification=true';
    const favorites = route('GET', '/institutions/favorites');
    const pagination = { current_page: 1, per_page: 100, total_entries: 3, total_pages: 1 };
    const v1 = widgetBody('v1', favorites, search, {
      institutions: [{ ...v1Bank, code: 'nover', supports_account_verification: false }, v1Bank, v1Bank],
      pagination,
    });
    const v2025 = widgetBody('v20250224', favorites, search, {
      institutions: [noVerify, v2025Bank, v2025Bank],
      pagination,
    });
    const codes = (body: unknown) => (body as { institutions: { code: string }[] }).institutions.map((i) => i.code);
    expect(codes(v1)).toEqual(['mxbank']);
    expect(codes(v2025)).toEqual(codes(v1));
    expect(v1).toMatchObject({ pagination: { current_page: 1, per_page: 1, total_entries: 2, total_pages: 2 } });
    // outside verification mode the popular list is MX's as it came
    expect(widgetBody('v1', favorites, '', { institutions: [noVerify] })).toEqual({ institutions: [noVerify] });
  });

  it('a microdeposit as MX’s spec sends it (a one-element array) or as an object, both as the object', () => {
    const md = { guid: 'MIC-1', status: 'INITIATED' };
    for (const path of ['/users/USR-1/micro_deposits', '/users/USR-1/micro_deposits/MIC-1']) {
      const method = path.endsWith('MIC-1') ? 'GET' : 'POST';
      for (const version of MX_API_VERSIONS) {
        expect(widgetBody(version, route(method, path), '', { micro_deposit: [md] })).toEqual({ micro_deposit: md });
        expect(widgetBody(version, route(method, path), '', { micro_deposit: md })).toEqual({ micro_deposit: md });
      }
    }
    const verify = route('PUT', '/micro_deposits/MIC-1/verify');
    expect(widgetBody('v1', verify, '', { micro_deposit: [md] })).toEqual({ micro_deposit: md });
    // two are not one: left for the widget's schema to refuse
    expect(widgetBody('v1', verify, '', { micro_deposit: [md, md] })).toEqual({ micro_deposit: [md, md] });
  });
});
