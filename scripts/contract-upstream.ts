/**
 * The contract test's upstream (`npm run test:contract`, playwright.contract.config.ts): Stoplight
 * Prism serving one of MX's vendored OpenAPI specs in mock mode, behind a small recording proxy.
 * The server under test (mx mode) sends its MX calls to the proxy; the proxy forwards each one to
 * Prism unchanged and records Prism's verdict on the REQUEST (never on Prism's own example answers,
 * which break MX's spec in places, so Prism runs without `--errors`):
 *
 * - a 401, 404, 405, 406, 415 or 422 from Prism (no such route, an Accept it cannot answer, a body
 *   or parameter the spec refuses), with Prism's title, detail and validation messages;
 * - entries of Prism's `sl-violations` header whose location starts with "request";
 * - what Prism does not check: a query parameter the operation does not define, and a body property
 *   a schema does not define (MX ignores or refuses those; either way the server must not send them).
 *
 * Run directly, it starts one such stand per spec file (v1: vendor/mx-openapi/mx_platform_api.yml,
 * v20250224: vendor/mx-openapi/v20250224.yml), each with the real server in mx mode
 * (`MX_API_VERSION` set to the spec's version) and its demo host page, all on 127.0.0.1/localhost,
 * four ports each from E2E_CONTRACT_PORT (default 4250): proxy, Prism, widget server, host page.
 *
 * `GET /contract/seen` answers 503 until Prism is up, then `{spec, file, requests, invalid, flows}`:
 * requests as `{method, path, status, problems}` (at most 2,000 kept), `invalid` counting those with
 * problems. `POST /contract/flows` `{name, ok, notes}` lets a test record whether its flow ended on
 * success, and what the widget wrote to the console meanwhile.
 * `POST /contract/answers` `{member: {...}}` merges those fields into every member Prism answers
 * with, until the next call (`{}` clears it): the spec's one member example is not managed by the
 * user, so without this no widget would ever offer Disconnect, and DELETE would go unchecked. Only
 * values the spec allows belong there; the proxy does not check them.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { parse } from 'yaml';

export const CONTRACT_SPECS = {
  v1: 'vendor/mx-openapi/mx_platform_api.yml',
  v20250224: 'vendor/mx-openapi/v20250224.yml',
} as const;
export type ContractSpec = keyof typeof CONTRACT_SPECS;

export interface SeenRequest {
  method: string;
  path: string;
  status: number;
  /** why the request breaks MX's spec; empty when it does not */
  problems: string[];
}

export interface Seen {
  spec: ContractSpec;
  file: string;
  requests: SeenRequest[];
  /** how many requests were seen in all (more than `requests` holds past its cap) */
  total: number;
  invalid: number;
  /** what each test reported: its flow ended on success; what the widget wrote to the console */
  flows: { name: string; ok: boolean; notes: string[] }[];
}

const MAX_RECORDS = 2_000;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_MESSAGE = 300;
/** Prism's answers to a request it refuses (its 401 is a missing or malformed Basic auth) */
const REFUSALS = new Set([401, 404, 405, 406, 415, 422]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** literal segments first: /institutions/favorites before /institutions/{code} */
  literals: number;
  query: Set<string>;
  body: JsonObject | null;
}

/** Follows a local `$ref` (`#/components/...`) in the spec; anything else as it is. */
function resolve(spec: JsonObject, node: Json | undefined): Json | undefined {
  let current = node;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    let target: Json | undefined = spec;
    for (const key of current.$ref.replace(/^#\//, '').split('/')) target = isObject(target) ? target[key] : undefined;
    current = target;
  }
  return current;
}

/** Every operation of the spec with its query parameter names and JSON request body schema. */
function operations(spec: JsonObject): Operation[] {
  const out: Operation[] = [];
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of ['get', 'post', 'put', 'delete', 'patch']) {
      const op = item[method];
      if (!isObject(op)) continue;
      const query = new Set<string>();
      for (const p of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        const param = resolve(spec, p);
        if (isObject(param) && param.in === 'query' && typeof param.name === 'string') query.add(param.name);
      }
      const requestBody = resolve(spec, op.requestBody);
      const content = isObject(requestBody) && isObject(requestBody.content) ? requestBody.content : {};
      const media = content['application/json'];
      const body = isObject(media) ? resolve(spec, media.schema) : undefined;
      const segments = template.split('/').slice(1);
      out.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^/${segments.map((s) => (s.startsWith('{') ? '[^/]+' : s)).join('/')}$`),
        literals: segments.filter((s) => !s.startsWith('{')).length,
        query,
        body: isObject(body) ? body : null,
      });
    }
  }
  return out.sort((a, b) => b.literals - a.literals);
}

/** Body properties no schema on their path defines, as dotted paths (`member.routing_number`). */
function unknownProperties(
  spec: JsonObject,
  schema: Json | undefined,
  value: unknown,
  at: string,
  depth = 0,
): string[] {
  const node = resolve(spec, schema);
  if (!isObject(node) || depth > 8) return [];
  const variants = [...(Array.isArray(node.allOf) ? node.allOf : []), ...(Array.isArray(node.oneOf) ? node.oneOf : [])];
  if (variants.length > 0) {
    // a property any variant defines is defined
    const found = variants.map((v) => unknownProperties(spec, v, value, at, depth + 1));
    return found.reduce((common, next) => common.filter((p) => next.includes(p)));
  }
  if (Array.isArray(value)) {
    return value.slice(0, 20).flatMap((item, i) => unknownProperties(spec, node.items, item, `${at}[${i}]`, depth + 1));
  }
  if (!isObject(value) || !isObject(node.properties) || node.additionalProperties === true) return [];
  const properties = node.properties;
  return Object.entries(value).flatMap(([key, inner]) =>
    key in properties
      ? unknownProperties(spec, properties[key], inner, at ? `${at}.${key}` : key, depth + 1)
      : [at ? `${at}.${key}` : key],
  );
}

/** What the spec itself says about a request Prism let through: undefined query parameters and body properties. */
export function specProblems(spec: JsonObject, ops: Operation[], method: string, url: URL, body: string): string[] {
  const op = ops.find((o) => o.method === method && o.pattern.test(url.pathname));
  if (!op) return [];
  const problems = [...new Set(url.searchParams.keys())]
    .filter((name) => !op.query.has(name))
    .map((name) => `query parameter "${name}" is not defined for ${method} ${op.template}`);
  if (op.body && body) {
    try {
      for (const property of unknownProperties(spec, op.body, JSON.parse(body), '')) {
        problems.push(`request body property "${property}" is not defined for ${method} ${op.template}`);
      }
    } catch {
      problems.push(`request body is not JSON (${method} ${op.template})`);
    }
  }
  return problems;
}

const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text);

/** Prism's refusal, in its own words (problem+json: title, detail, each validation message). */
function refusalProblems(status: number, body: string): string[] {
  try {
    const problem = JSON.parse(body) as unknown;
    if (isObject(problem)) {
      const head = [problem.title, problem.detail].filter((s) => typeof s === 'string').join(': ');
      const details = (Array.isArray(problem.validation) ? problem.validation : [])
        .slice(0, 20)
        .map((v) =>
          isObject(v) ? `${Array.isArray(v.location) ? v.location.join('.') : ''}: ${String(v.message)}` : '',
        );
      return [clip(`HTTP ${status} ${head}`), ...details.map(clip)];
    }
  } catch {
    // not problem+json: the status says enough
  }
  return [`HTTP ${status}`];
}

/** The entries of Prism's `sl-violations` header about the request (never those about its own answer). */
export function requestViolations(header: string | undefined): string[] {
  if (!header) return [];
  try {
    const entries = JSON.parse(header.slice(0, 64 * 1024)) as unknown;
    return (Array.isArray(entries) ? entries : [])
      .filter((e) => isObject(e) && Array.isArray(e.location) && e.location[0] === 'request')
      .slice(0, 20)
      .map((e) => clip(`${(e.location as Json[]).join('.')}: ${String(e.message)}`));
  } catch {
    return [`unreadable sl-violations header: ${clip(header)}`];
  }
}

/**
 * Prism's answer with `patch.member` merged into its member(s) and `patch.account` into its
 * account(s); the answer as it was when there is nothing to do.
 */
export function patchAnswer(answer: Buffer, patch: { member: JsonObject; account: JsonObject }): Buffer {
  if (Object.keys(patch.member).length === 0 && Object.keys(patch.account).length === 0) return answer;
  const merge = (one: Json, fields: JsonObject) => (isObject(one) ? { ...one, ...fields } : one);
  try {
    const body = JSON.parse(answer.toString()) as unknown;
    if (!isObject(body)) return answer;
    if (isObject(body.member)) body.member = merge(body.member, patch.member);
    if (Array.isArray(body.members)) body.members = body.members.map((m) => merge(m, patch.member));
    if (Array.isArray(body.accounts)) body.accounts = body.accounts.map((a) => merge(a, patch.account));
    return Buffer.from(JSON.stringify(body));
  } catch {
    return answer;
  }
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** One spec file's stand: ports of its proxy, Prism, widget server and demo host page, and their origins. */
export interface ContractStand {
  spec: ContractSpec;
  proxyPort: number;
  prismPort: number;
  widgetPort: number;
  hostPort: number;
  proxyOrigin: string;
  widgetOrigin: string;
  hostOrigin: string;
  /**
   * Fields every member answer carries unless a test says otherwise: v20250224's member examples
   * leave `connection_status` null (the spec allows it), which the widget reads as a manual member
   * ("added manually"), so that stand answers with v1's example value. Spec-valid values only.
   */
  memberDefaults: Record<string, string | boolean>;
  /**
   * Fields every account answer carries: v20250224's account example is of `type: "ANY"`, which no
   * verification can use (the widget rightly says none of the accounts can be used for payments),
   * so that stand answers with a checking account. Spec-valid values only.
   */
  accountDefaults: Record<string, string>;
}

/**
 * Ports the Fetch standard calls "bad" (https://fetch.spec.whatwg.org/#port-blocking): Node's fetch
 * refuses them, so a server whose upstream sits on one can never reach it (4190 was our default once).
 */
const FETCH_BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Four ports per spec file from `base`: proxy, Prism, widget server, host page. Throws on a port fetch refuses. */
export function contractStands(base: number): ContractStand[] {
  const ports = Array.from({ length: 4 * Object.keys(CONTRACT_SPECS).length }, (_, i) => base + i);
  const bad = ports.filter((port) => FETCH_BAD_PORTS.has(port));
  if (bad.length > 0) throw new Error(`E2E_CONTRACT_PORT: port ${bad.join(', ')} is one fetch refuses; choose another`);
  return (Object.keys(CONTRACT_SPECS) as ContractSpec[]).map((spec, i) => {
    const port = base + 4 * i;
    const memberDefaults: Record<string, string | boolean> =
      spec === 'v20250224' ? { connection_status: 'CONNECTED' } : {};
    return {
      spec,
      proxyPort: port,
      prismPort: port + 1,
      widgetPort: port + 2,
      hostPort: port + 3,
      proxyOrigin: `http://127.0.0.1:${port}`,
      widgetOrigin: `http://localhost:${port + 2}`,
      hostOrigin: `http://127.0.0.1:${port + 3}`,
      memberDefaults,
      accountDefaults: (spec === 'v20250224' ? { type: 'CHECKING' } : {}) as Record<string, string>,
    };
  });
}

/** A child process that takes the whole harness down if it dies; its output kept short, shown then. */
function child(label: string, args: string[], env: NodeJS.ProcessEnv, onLine: (text: string) => void = () => {}) {
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    onLine(text);
    tail.push(text);
    if (tail.length > 30) tail.shift();
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  proc.on('exit', (code) => {
    console.error(`contract: ${label} exited (${code})\n${tail.join('')}`);
    process.exit(1);
  });
  return proc;
}

/**
 * Prism for one spec file and the recording proxy in front of it. Resolves once Prism listens.
 * The proxy answers its `/contract/*` routes at once; `isReady` gates `/contract/seen`.
 */
function startUpstream(stand: ContractStand, isReady: () => boolean) {
  const file = CONTRACT_SPECS[stand.spec];
  const spec = parse(readFileSync(file, 'utf8')) as JsonObject;
  const ops = operations(spec);
  const seen: Seen = { spec: stand.spec, file, requests: [], total: 0, invalid: 0, flows: [] };
  let memberPatch: JsonObject = {};
  let listening: () => void = () => {};
  const prismUp = new Promise<void>((resolveUp) => (listening = resolveUp));
  const prism = child(
    `Prism (${stand.spec})`,
    ['node_modules/@stoplight/prism-cli/dist/index.js', 'mock', '-h', '127.0.0.1', '-p', String(stand.prismPort), file],
    process.env,
    (text) => {
      if (text.includes('Prism is listening')) listening();
    },
  );

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    if (body === null) res.writeHead(status).end();
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://contract.invalid');
      if (url.pathname === '/contract/seen') return reply(res, isReady() ? 200 : 503, seen);
      if (url.pathname === '/contract/flows' && req.method === 'POST') {
        const flow = JSON.parse((await readBody(req)).toString()) as { name?: unknown; ok?: unknown; notes?: unknown };
        const notes = (Array.isArray(flow.notes) ? flow.notes : []).slice(0, 50).map((n) => clip(String(n)));
        if (seen.flows.length < 100)
          seen.flows.push({ name: String(flow.name).slice(0, 100), ok: flow.ok === true, notes });
        return reply(res, 204, null);
      }
      if (url.pathname === '/contract/answers' && req.method === 'POST') {
        const answers = JSON.parse((await readBody(req)).toString()) as unknown;
        memberPatch = isObject(answers) && isObject(answers.member) ? answers.member : {};
        return reply(res, 204, null);
      }
      const body = await readBody(req);
      const method = req.method ?? 'GET';
      const upstream = await new Promise<IncomingMessage>((resolveResponse, reject) => {
        const headers = { ...req.headers, host: `127.0.0.1:${stand.prismPort}` };
        const out = httpRequest(
          { host: '127.0.0.1', port: stand.prismPort, method, path: req.url, headers },
          resolveResponse,
        );
        out.setTimeout(10_000, () => out.destroy(new Error('Prism did not answer in 10 s')));
        out.on('error', reject);
        out.end(body);
      });
      const status = upstream.statusCode ?? 502;
      const answer =
        status < 300
          ? patchAnswer(await readBody(upstream), { member: memberPatch, account: stand.accountDefaults })
          : await readBody(upstream);
      const violations = upstream.headers['sl-violations'];
      const problems = [
        ...(REFUSALS.has(status) ? refusalProblems(status, answer.toString()) : []),
        ...requestViolations(Array.isArray(violations) ? violations.join(',') : violations),
        ...specProblems(spec, ops, method, url, body.toString()),
      ];
      seen.total += 1;
      if (problems.length > 0) seen.invalid += 1;
      if (seen.requests.length < MAX_RECORDS)
        seen.requests.push({ method, path: `${url.pathname}${url.search}`, status, problems });
      res.writeHead(status, { ...upstream.headers, 'content-length': String(answer.length) }).end(answer);
    })().catch((error: unknown) => {
      if (!res.headersSent) reply(res, 502, { error: { message: String(error), status: 502 } });
    });
  });
  server.listen(stand.proxyPort, '127.0.0.1');
  return { prism, server, up: prismUp };
}

/** Polls a URL until it answers 2xx (at most `ms`). */
async function answers(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${ms / 1000} s`);
}

/**
 * Everything at once (Playwright starts its webServers one after another; Prism alone takes about
 * 10 s to read MX's spec): per spec file, Prism, the proxy and the real server in mx mode with the
 * proxy as MX_BASE_URL. Every proxy's `/contract/seen` answers 503 until all of them are up.
 */
async function main() {
  const stands = contractStands(Number(process.env.E2E_CONTRACT_PORT ?? 4250));
  let ready = false;
  const upstreams = stands.map((stand) => startUpstream(stand, () => ready));
  const servers = stands.map((stand) =>
    child(`widget server (${stand.spec})`, ['--import', 'tsx', 'scripts/serve.ts'], {
      ...process.env,
      WIDGET_PORT: String(stand.widgetPort),
      HOST_PORT: String(stand.hostPort),
      ACCESS_LOG: '0',
      CONNECT_UPSTREAM: 'mx',
      MX_BASE_URL: stand.proxyOrigin,
      MX_API_VERSION: stand.spec,
      // Prism's example logos are on MX's real logo host: a test run reaches no address off this machine
      MX_LOGO_HOSTS: 'none',
      // Prism wants HTTP Basic auth to be there, whatever it holds
      MX_CLIENT_ID: 'contract-client',
      MX_API_KEY: 'contract-api-key',
    }),
  );
  const stop = () => {
    for (const proc of [...upstreams.map((u) => u.prism), ...servers]) {
      proc.removeAllListeners('exit');
      proc.kill('SIGTERM');
    }
    for (const { server } of upstreams) server.close();
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await Promise.all([
    ...upstreams.map((u) => u.up),
    ...stands.map((stand) => answers(`${stand.widgetOrigin}/healthz`, 60_000)),
  ]);
  ready = true;
  for (const stand of stands) {
    console.info(
      `contract ${stand.spec}: widget ${stand.widgetOrigin}, host ${stand.hostOrigin}, proxy ${stand.proxyOrigin} → Prism :${stand.prismPort} (${CONTRACT_SPECS[stand.spec]})`,
    );
  }
}

if (process.argv[1]?.endsWith('contract-upstream.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
