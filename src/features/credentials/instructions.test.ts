import { describe, expect, it } from 'vitest';
import { bankInstructions, htmlToPieces, MAX_STEPS, MAX_TEXT_CHARS } from './instructions';

describe('a bank’s instructional text', () => {
  it('becomes text with its https link, as MX’s spec example writes it', () => {
    expect(
      htmlToPieces(
        'Some instructional text <a href="https://example.url.mxbank.com/instructions" id="instructional_text">for end users</a>.',
      ),
    ).toEqual([
      { text: 'Some instructional text ' },
      { text: 'for end users', href: 'https://example.url.mxbank.com/instructions' },
      { text: '.' },
    ]);
  });

  it('keeps the words of a link that is not https, and never its target', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt&#58;alert(1)',
      'http://www.bank.example/help',
      'data:text/html,<script>alert(1)</script>',
      '/relative/help',
      'https://user:pw@bank.example/',
    ]) {
      expect(htmlToPieces(`Read <a href="${href}">the help</a> first.`), href).toEqual([
        { text: 'Read the help first.' },
      ]);
    }
    expect(htmlToPieces("See <a href='https://bank.example/a?b=1&amp;c=2'>this</a>")).toEqual([
      { text: 'See ' },
      { text: 'this', href: 'https://bank.example/a?b=1&c=2' },
    ]);
  });

  it('drops scripts, styles and every other tag, and shows entities as the characters they are', () => {
    expect(
      htmlToPieces(
        'Use <b>your</b> <script>alert(document.cookie)</script>PIN<style>p{}</style> &lt;not&gt; &amp; <img src=x onerror=alert(1)>more',
      ),
    ).toEqual([{ text: 'Use your PIN <not> & more' }]);
    expect(htmlToPieces('Before <script>alert(1)')).toEqual([{ text: 'Before' }]);
    expect(htmlToPieces('<a href="https://bank.example"><script>x</script></a>')).toEqual([]);
    expect(htmlToPieces('&#0; &#x110000; &#65;')).toEqual([{ text: '&#0; &#x110000; A' }]);
  });

  it('reads hostile markup in one pass: many unclosed links, quotes that never close', () => {
    // each of these took quadratic time with a pattern that restarted at every "<a"
    for (const hostile of ['<a '.repeat(3_333), '<a href="'.repeat(1_100), `${'<a>'.repeat(3_000)}x`]) {
      const started = performance.now();
      htmlToPieces(hostile);
      // one call, as a guard against backtracking: linear work here is well under a millisecond
      expect(performance.now() - started).toBeLessThan(50);
    }
    expect(htmlToPieces('<a href="https://bank.example/x" title="a > b">Go</a> now')).toEqual([
      { text: 'Go', href: 'https://bank.example/x' },
      { text: ' now' },
    ]);
  });

  it('is bounded: long text is cut with an ellipsis, a huge fragment is not read', () => {
    const pieces = htmlToPieces(`${'word '.repeat(400)}<a href="https://bank.example">link</a>`);
    const text = pieces.map((p) => p.text).join('');
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(text.endsWith('…')).toBe(true);
    expect(pieces.some((p) => p.href)).toBe(false);
    expect(htmlToPieces('x'.repeat(20_000))).toEqual([]);
  });
});

describe('instructions from an institution body', () => {
  it('numbers steps once, drops empty ones, keeps at most ten', () => {
    const steps = [
      'Step 1: Do this.',
      '2. Do <i>that</i>.',
      '<br>',
      ...Array.from({ length: 20 }, (_, i) => `More ${i}`),
    ];
    const instructions = bankInstructions({ instructional_text: null, instructional_text_steps: steps });
    expect(instructions?.text).toEqual([]);
    expect(instructions?.steps.slice(0, 2)).toEqual([[{ text: 'Do this.' }], [{ text: 'Do that.' }]]);
    expect(instructions?.steps.length).toBeLessThanOrEqual(MAX_STEPS);
  });

  it('is null when the bank gives none', () => {
    expect(bankInstructions({})).toBeNull();
    expect(bankInstructions({ instructional_text: '  <p></p> ', instructional_text_steps: [] })).toBeNull();
  });
});
