export type GateResult =
  { ok: true; framed: boolean } | { ok: false; reason: 'wrongParent' | 'noParentOrigin' | 'notFramed' };

interface GateInput {
  parentOrigin: string | undefined;
  allowTopLevel: boolean;
  isFramed: boolean;
  ancestorOrigins: readonly string[] | null;
  referrer: string;
}

/**
 * Decides whether the widget may run: only inside a frame whose parent is `parent_origin`.
 * `location.ancestorOrigins` is authoritative where the browser has it; otherwise the referrer.
 */
export function checkEmbedding(input: GateInput): GateResult {
  if (!input.isFramed) {
    return input.allowTopLevel ? { ok: true, framed: false } : { ok: false, reason: 'notFramed' };
  }
  if (!input.parentOrigin) return { ok: false, reason: 'noParentOrigin' };
  let actual: string | null = null;
  if (input.ancestorOrigins && input.ancestorOrigins.length > 0) {
    actual = input.ancestorOrigins[0] ?? null;
  } else if (input.referrer) {
    try {
      actual = new URL(input.referrer).origin;
    } catch {
      actual = null;
    }
  }
  return actual === input.parentOrigin ? { ok: true, framed: true } : { ok: false, reason: 'wrongParent' };
}

export function readEmbedding(parentOrigin: string | undefined, allowTopLevel: boolean): GateResult {
  const list = window.location.ancestorOrigins;
  return checkEmbedding({
    parentOrigin,
    allowTopLevel,
    isFramed: window.parent !== window,
    ancestorOrigins: list ? Array.from(list) : null,
    referrer: document.referrer,
  });
}
