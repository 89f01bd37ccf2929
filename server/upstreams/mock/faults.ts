import { z } from 'zod';

export const faultRuleSchema = z.object({
  /** "/users/* /members/* /status" style glob over the path below the API base; "METHOD path" also works */
  route: z.string().trim().min(1),
  /** slow: waits, then handles the request; late: handles it at once, then waits to answer */
  kind: z.enum(['status', 'timeout', 'slow', 'late', 'malformed']),
  status: z.number().int().min(400).max(599).optional(),
  /** fraction of matching requests affected, 0..1 */
  rate: z.number().min(0).max(1).default(1),
  delay_ms: z.number().int().min(0).max(120_000).optional(),
  /** virtual milliseconds the rule stays active, from when it was set */
  duration_ms: z.number().int().min(0).optional(),
  /** the rule is spent after this many faulted responses (time-independent, for tests) */
  count: z.number().int().min(1).optional(),
  /** raw body for "malformed" (e.g. valid JSON of the wrong shape) */
  body: z.string().optional(),
  retry_after_s: z.number().int().min(0).optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

interface ActiveRule {
  rule: FaultRule;
  matcher: RegExp;
  method: string | null;
  setAt: number;
  seen: number;
  hit: number;
}

function compile(route: string): { method: string | null; matcher: RegExp } {
  const match = /^([A-Z]+)\s+(.*)$/.exec(route.trim());
  const method = match?.[1] ?? null;
  const path = (match?.[2] ?? route).trim();
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return { method, matcher: new RegExp(`^${escaped}/?$`) };
}

export interface FaultBoard {
  set(rules: FaultRule[], now: number): void;
  clear(): void;
  /** the rule that applies to this request, if any; counts it either way */
  match(method: string, path: string, now: number): FaultRule | null;
}

export function createFaultBoard(): FaultBoard {
  let active: ActiveRule[] = [];
  return {
    set(rules, now) {
      active = rules.map((rule) => ({ rule, ...compile(rule.route), setAt: now, seen: 0, hit: 0 }));
    },
    clear() {
      active = [];
    },
    match(method, path, now) {
      for (const entry of active) {
        if (entry.method && entry.method !== method) continue;
        if (!entry.matcher.test(path)) continue;
        if (entry.rule.duration_ms !== undefined && now - entry.setAt > entry.rule.duration_ms) continue;
        if (entry.rule.count !== undefined && entry.hit >= entry.rule.count) continue;
        entry.seen += 1;
        // Deterministic "rate": fault whenever the running share of faults falls behind it.
        if (entry.hit < Math.floor(entry.seen * entry.rule.rate + 1e-9)) {
          entry.hit += 1;
          return entry.rule;
        }
      }
      return null;
    },
  };
}
