/**
 * Builds the tolerant-reader fixtures (src/api/fixtures/mx-openapi.json) from MX's published
 * OpenAPI document, for every route the widget calls:
 *   - `example`: the body assembled from the spec's own property examples;
 *   - `nulls`: the same body with every property the spec marks nullable set to null, and list
 *     items the same way, i.e. the least a conforming MX may send.
 * Usage: tsx scripts/mx-openapi-fixtures.ts <path to openapi/mx_platform_api.yml> [spec commit]
 * The output is committed: CI has no network, and a spec change should be a reviewed diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { WIDGET_ROUTES } from '../server/upstreams/allowList';

type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  example?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
};
type Spec = {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
};

const [specPath, commit = 'unknown'] = process.argv.slice(2);
if (!specPath) throw new Error('usage: tsx scripts/mx-openapi-fixtures.ts <mx_platform_api.yml> [commit]');
const spec = parse(readFileSync(specPath, 'utf8')) as Spec;

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target);
}

/** A body for a schema: examples everywhere, or null wherever the spec allows it. */
function build(raw: Schema, nulls: boolean, depth = 0): unknown {
  const schema = resolve(raw);
  if (depth > 8) return null;
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => build(part, nulls, depth + 1)));
  if (schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => {
        const property = resolve(value);
        return [key, nulls && property.nullable ? null : build(value, nulls, depth + 1)];
      }),
    );
  }
  // MX's microdeposit bodies declare `items` without `type: array`, yet the API answers one object
  if (schema.items && schema.type === undefined) return build(schema.items, nulls, depth + 1);
  if (schema.type === 'array') {
    if (schema.example !== undefined && !schema.items?.$ref) return schema.example;
    return schema.items ? [build(schema.items, nulls, depth + 1)] : [];
  }
  return schema.example ?? null;
}

const fixtures: Record<string, { example: unknown; nulls: unknown }> = {};
for (const route of WIDGET_ROUTES) {
  const specPathKey = route.path.replace(/:(\w+)/g, '{$1}');
  const operation = spec.paths[specPathKey]?.[route.method.toLowerCase()];
  const response = operation?.responses?.['200'] ?? operation?.responses?.['202'];
  const schema = response ? Object.values(response.content ?? {})[0]?.schema : undefined;
  if (!schema) continue; // DELETE answers 204 with no body
  fixtures[`${route.method} ${route.path}`] = { example: build(schema, false), nulls: build(schema, true) };
}

writeFileSync(
  'src/api/fixtures/mx-openapi.json',
  `${JSON.stringify({ source: `mxenabled/openapi@${commit} openapi/mx_platform_api.yml`, fixtures }, null, 2)}\n`,
);
console.info(`${Object.keys(fixtures).length} routes written`);
