// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { finiteNumber, object, record, validate, wholeNumber, type Refusal } from './validation';

/** The first refusal of `input` by `schema` (a test that expects one fails when it is accepted). */
function refusalOf(schema: v.GenericSchema, input: unknown): Refusal {
  const result = validate(schema, input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.refusals[0];
}

const messageOf = (schema: v.GenericSchema, input: unknown) => refusalOf(schema, input).message;

describe('a refusal says what was expected and what came', () => {
  it.each([
    [v.string(), 5, 'Invalid input: expected string, received number'],
    [v.string(), null, 'Invalid input: expected string, received null'],
    [v.string(), [], 'Invalid input: expected string, received array'],
    [v.boolean(), 'yes', 'Invalid input: expected boolean, received string'],
    [v.array(v.string()), {}, 'Invalid input: expected array, received object'],
    [finiteNumber, '5', 'Invalid input: expected number, received string'],
    [finiteNumber, Number.NaN, 'Invalid input: expected number, received NaN'],
    [finiteNumber, Infinity, 'Invalid input: expected number, received Infinity'],
    [finiteNumber, -Infinity, 'Invalid input: expected number, received -Infinity'],
    [wholeNumber, 1.5, 'Invalid input: expected int, received number'],
    [wholeNumber, 2 ** 60, 'Too big: expected int to be <=9007199254740991'],
    [wholeNumber, -(2 ** 60), 'Too small: expected int to be >=-9007199254740991'],
    [object({ a: v.string() }), [], 'Invalid input: expected object, received array'],
    [record(v.string(), v.string()), ['x'], 'Invalid input: expected record, received array'],
  ])('%#: %j refuses %j', (schema, input, message) => {
    expect(messageOf(schema, input)).toBe(message);
  });

  it('words bounds by what they bound: characters, items, values', () => {
    expect(messageOf(v.pipe(v.string(), v.minLength(3)), 'ab')).toBe(
      'Too small: expected string to have >=3 characters',
    );
    expect(messageOf(v.pipe(v.string(), v.maxLength(2)), 'abc')).toBe(
      'Too big: expected string to have <=2 characters',
    );
    expect(messageOf(v.pipe(v.array(v.string()), v.minLength(1)), [])).toBe(
      'Too small: expected array to have >=1 items',
    );
    expect(messageOf(v.pipe(finiteNumber, v.minValue(0)), -1)).toBe('Too small: expected number to be >=0');
    expect(messageOf(v.pipe(finiteNumber, v.maxValue(100)), 101)).toBe('Too big: expected number to be <=100');
  });

  it('names the pattern, the one literal, or every option', () => {
    expect(messageOf(v.pipe(v.string(), v.regex(/^[a-z]+$/)), 'A1')).toBe(
      'Invalid string: must match pattern /^[a-z]+$/',
    );
    expect(messageOf(v.literal('connect_widget'), 'other')).toBe('Invalid input: expected "connect_widget"');
    expect(messageOf(v.picklist(['mock', 'mx']), 'live')).toBe('Invalid option: expected one of "mock"|"mx"');
    expect(messageOf(v.union([object({ a: v.string() }), object({ b: v.string() })]), {})).toBe('Invalid input');
  });

  it("keeps a schema's own message", () => {
    expect(messageOf(v.pipe(v.string(), v.minLength(1, 'must not be empty')), '')).toBe('must not be empty');
    expect(
      messageOf(
        v.pipe(
          v.string(),
          v.check(() => false),
        ),
        'x',
      ),
    ).toBe('Invalid input');
  });
});

describe('a missing key', () => {
  const body = object({
    member: object({
      institution_code: v.string(),
      credentials: v.pipe(v.array(object({ guid: v.string() })), v.minLength(1)),
      kind: v.picklist(['a', 'b']),
    }),
  });

  it('is refused as its own schema refuses nothing, at its full path', () => {
    expect(refusalOf(body, {})).toEqual({
      path: ['member'],
      message: 'Invalid input: expected object, received undefined',
    });
    expect(refusalOf(body, { member: { credentials: [{ guid: 'g' }], kind: 'a' } })).toEqual({
      path: ['member', 'institution_code'],
      message: 'Invalid input: expected string, received undefined',
    });
    expect(refusalOf(body, { member: { institution_code: 'x', kind: 'a' } }).message).toBe(
      'Invalid input: expected array, received undefined',
    );
    expect(refusalOf(body, { member: { institution_code: 'x', credentials: [{}], kind: 'a' } })).toEqual({
      path: ['member', 'credentials', 0, 'guid'],
      message: 'Invalid input: expected string, received undefined',
    });
    expect(refusalOf(body, { member: { institution_code: 'x', credentials: [{ guid: 'g' }] } }).message).toBe(
      'Invalid option: expected one of "a"|"b"',
    );
  });

  it('lists every refusal in the order of the keys, and gives the value when there is none', () => {
    const result = validate(body, { member: { institution_code: 5, credentials: [] } });
    expect(result.ok ? [] : result.refusals.map((r) => r.path.join('.'))).toEqual([
      'member.institution_code',
      'member.credentials',
      'member.kind',
    ]);
    expect(
      validate(body, { member: { institution_code: 'x', credentials: [{ guid: 'g' }], kind: 'b', extra: 1 } }),
    ).toEqual({ ok: true, value: { member: { institution_code: 'x', credentials: [{ guid: 'g' }], kind: 'b' } } });
  });
});
