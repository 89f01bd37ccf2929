import { CONTRACT_STANDS } from '../../playwright.contract.config';
import type { Seen } from '../../scripts/contract-upstream';

/**
 * The contract run's closing lines (Playwright's global teardown: the proxies are still up), one per
 * spec file, then every invalid request with Prism's words:
 *
 *   contract v1 (vendor/mx-openapi/mx_platform_api.yml): 57 requests, 0 invalid; flows on success 6/6
 */
export default async function summary() {
  for (const stand of CONTRACT_STANDS) {
    let seen: Seen;
    try {
      seen = (await (
        await fetch(`${stand.proxyOrigin}/contract/seen`, { signal: AbortSignal.timeout(5_000) })
      ).json()) as Seen;
    } catch {
      console.info(`contract ${stand.spec}: no record (its upstream did not answer)`);
      continue;
    }
    const ok = seen.flows.filter((f) => f.ok).length;
    console.info(
      `contract ${seen.spec} (${seen.file}): ${seen.total} requests, ${seen.invalid} invalid; flows on success ${ok}/${seen.flows.length}`,
    );
    for (const r of seen.requests.filter((r) => r.problems.length > 0)) {
      console.info(`  invalid: ${r.method} ${r.path} → ${r.status}\n${r.problems.map((p) => `      ${p}`).join('\n')}`);
    }
    for (const f of seen.flows.filter((f) => !f.ok)) console.info(`  not on success: ${f.name}`);
    for (const f of seen.flows.filter((f) => f.notes.length > 0)) {
      console.info(`  widget console in "${f.name}":\n${f.notes.map((n) => `      ${n}`).join('\n')}`);
    }
  }
}
