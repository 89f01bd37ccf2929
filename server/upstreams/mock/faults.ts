import * as v from 'valibot';
import { finiteNumber, object, wholeNumber } from '../../validation';

/**
 * The longest stretch of virtual time any control body may name (ten years, in ms): past it a
 * virtual date soon leaves what Date can hold, and every answer that prints one would fail.
 */
export const MAX_VIRTUAL_MS = 10 * 365.25 * 24 * 3_600_000;

export const faultRuleSchema = object({
  /** "/users/* /members/* /status" style glob over the path below the API base; "METHOD path" also works */
  route: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)),
  /** slow: waits, then handles the request; late: handles it at once, then waits to answer */
  kind: v.picklist(['status', 'timeout', 'slow', 'late', 'malformed']),
  status: v.optional(v.pipe(wholeNumber, v.minValue(400), v.maxValue(599))),
  /** fraction of matching requests affected, 0..1 */
  rate: v.optional(v.pipe(finiteNumber, v.minValue(0), v.maxValue(1)), 1),
  delay_ms: v.optional(v.pipe(wholeNumber, v.minValue(0), v.maxValue(120_000))),
  /** virtual milliseconds the rule stays active, from when it was set */
  duration_ms: v.optional(v.pipe(wholeNumber, v.minValue(0), v.maxValue(MAX_VIRTUAL_MS))),
  /** the rule is spent after this many faulted responses (time-independent, for tests) */
  count: v.optional(v.pipe(wholeNumber, v.minValue(1), v.maxValue(1_000_000))),
  /** raw body for "malformed" (e.g. valid JSON of the wrong shape) */
  body: v.optional(v.string()),
  /** at most a day, as a real upstream's Retry-After would be */
  retry_after_s: v.optional(v.pipe(wholeNumber, v.minValue(0), v.maxValue(86_400))),
});
export type FaultRule = v.InferOutput<typeof faultRuleSchema>;

interface ActiveRule {
  rule: FaultRule;
  matcher: (path: string) => boolean;
  method: string | null;
  setAt: number;
  seen: number;
  hit: number;
}

/**
 * Whether one path segment matches one segment of a route's glob, `*` standing for one or more
 * characters. Greedy, going back only to the latest `*`: time at most the product of the two
 * lengths. (The glob was a RegExp before, and a few `*` between equal letters backtracked for
 * seconds on a path of 60 characters.)
 */
function segmentMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (glob[g] === '*') {
      // a star takes one character at once, then as few more as the rest needs
      star = g;
      g += 1;
      t += 1;
      resume = t;
    } else if (g < glob.length && glob[g] === text[t]) {
      g += 1;
      t += 1;
    } else if (star >= 0) {
      g = star + 1;
      resume += 1;
      t = resume;
    } else {
      return false;
    }
  }
  return g === glob.length;
}

/** Whether `path` matches the glob: segment by segment, a trailing `/` on the path allowed. */
function globMatches(glob: string, path: string): boolean {
  const globs = glob.split('/');
  const matches = (texts: string[]) =>
    texts.length === globs.length && globs.every((part, i) => segmentMatches(part, texts[i] ?? ''));
  return matches(path.split('/')) || (path.endsWith('/') && matches(path.slice(0, -1).split('/')));
}

function compile(route: string): { method: string | null; matcher: (path: string) => boolean } {
  const match = /^([A-Z]+)\s+(.*)$/.exec(route.trim());
  const method = match?.[1] ?? null;
  const glob = (match?.[2] ?? route).trim();
  return { method, matcher: (path) => globMatches(glob, path) };
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
        if (!entry.matcher(path)) continue;
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
