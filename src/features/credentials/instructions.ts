/**
 * MX's institution bodies carry the bank's sign-in instructions as HTML fragments
 * (`instructional_text`, e.g. `Some text <a href="https://…">for end users</a>.`, and
 * `instructional_text_steps`, strings that "may contain html elements"). The widget never renders
 * them as HTML: they become plain text pieces, and an `<a href>` a link only when it is https.
 */

/** A run of text, and the https URL it links to when it was a link. */
export interface TextPiece {
  text: string;
  href?: string;
}

export interface BankInstructions {
  /** the instructional text, in pieces; empty when there is none */
  text: TextPiece[];
  /** one entry per step, in order, each in pieces */
  steps: TextPiece[][];
}

/** Bounds on what a bank may put on the screen (characters of visible text, steps). */
export const MAX_TEXT_CHARS = 600;
export const MAX_STEP_CHARS = 300;
export const MAX_STEPS = 10;
/** input longer than this is not read at all: a real fragment is a few hundred characters */
const MAX_HTML_CHARS = 10_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (match, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // control characters and out-of-range code points stay as they were written
      return code >= 0x20 && code <= 0x10ffff && code !== 0x7f ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/** The text a fragment of HTML shows: script and style bodies dropped, tags removed, whitespace folded. */
function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
      // a block or a line break separates words; an inline tag (<b>, <i>, <span>) does not
      .replace(/<\/?(br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|hr)\b[^>]*>?/gi, ' ')
      .replace(/<[^>]*>?/g, '')
      .replace(/\s+/g, ' '),
  );
}

function httpsHref(attributes: string): string | undefined {
  const match = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const raw = decodeEntities((match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim());
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Cuts pieces to `max` visible characters in all, ending the last with "…" when it cut. */
function bounded(pieces: TextPiece[], max: number): TextPiece[] {
  const out: TextPiece[] = [];
  let left = max;
  for (const piece of pieces) {
    if (left <= 0) break;
    if (piece.text.length <= left) {
      out.push(piece);
      left -= piece.text.length;
    } else {
      out.push({ ...piece, text: `${piece.text.slice(0, Math.max(0, left - 1)).trimEnd()}…` });
      left = 0;
    }
  }
  return out;
}

/**
 * The next `<a …>…</a>` at or after `from`: where it starts and ends, its attributes and inner HTML;
 * undefined when there is none. Read in one pass (a regular expression restarting at every `<a`
 * took quadratic time on a bank's text of many unclosed `<a`): an attribute value may hold a `>` in
 * its quotes, and a tag that never closes ends the search, since no later link could close either.
 */
function nextLink(html: string, from: number) {
  const opening = /<a\b/gi;
  opening.lastIndex = from;
  const found = opening.exec(html);
  if (!found) return undefined;
  let quote = '';
  let i = found.index + 2;
  for (; i < html.length; i += 1) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  if (i >= html.length) return undefined;
  const closing = /<\/a\s*>/gi;
  closing.lastIndex = i + 1;
  const close = closing.exec(html);
  if (!close) return undefined;
  return {
    start: found.index,
    end: close.index + close[0].length,
    attributes: html.slice(found.index + 2, i),
    inner: html.slice(i + 1, close.index),
  };
}

/**
 * One HTML fragment → text pieces. Links keep their text; a link that is not https (http:,
 * javascript:, data:, relative) is plain text. At most `max` visible characters.
 */
export function htmlToPieces(html: string | null | undefined, max = MAX_TEXT_CHARS): TextPiece[] {
  if (!html || html.length > MAX_HTML_CHARS) return [];
  const pieces: TextPiece[] = [];
  const push = (text: string, href?: string) => {
    if (text.trim() === '') {
      if (pieces.length > 0) pieces.push({ text: ' ' });
      return;
    }
    pieces.push(href ? { text, href } : { text });
  };
  let at = 0;
  for (let link = nextLink(html, 0); link; link = nextLink(html, link.end)) {
    push(visibleText(html.slice(at, link.start)));
    const text = visibleText(link.inner).trim();
    push(text, text ? httpsHref(link.attributes) : undefined);
    at = link.end;
  }
  push(visibleText(html.slice(at)));
  // fold neighbouring spaces and trim the ends, then bound
  const joined: TextPiece[] = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (last && !last.href && !piece.href) last.text = `${last.text}${piece.text}`.replace(/\s+/g, ' ');
    else joined.push({ ...piece });
  }
  const first = joined[0];
  if (first && !first.href) first.text = first.text.trimStart();
  const final = joined.at(-1);
  if (final && !final.href) final.text = final.text.trimEnd();
  return bounded(
    joined.filter((p) => p.text !== ''),
    max,
  );
}

/** The bank's instructions from an institution body, bounded; null when it gives none. */
export function bankInstructions(institution: {
  instructional_text?: string | null;
  instructional_text_steps?: readonly string[] | null;
}): BankInstructions | null {
  const text = htmlToPieces(institution.instructional_text);
  const steps = (institution.instructional_text_steps ?? [])
    .slice(0, MAX_STEPS)
    // the list numbers its items: a bank's own "Step 1:" would say it twice
    .map((step) => htmlToPieces(step.replace(/^\s*(step\s*)?\d{1,2}\s*[.:)-]\s*/i, ''), MAX_STEP_CHARS))
    .filter((step) => step.length > 0);
  return text.length === 0 && steps.length === 0 ? null : { text, steps };
}
