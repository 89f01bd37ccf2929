import * as v from 'valibot';
import { isEmail, MAX_EMAIL } from '../sdk/src/contract/email';

/**
 * The server's one way to check input with valibot and to word a refusal. Messages a schema does
 * not give itself keep the wording partners' code and operators' logs already know ("Invalid
 * input: expected string, received number", "Too big: expected string to have <=200 characters",
 * "Invalid option: expected one of "mock"|"mx""): the server's error bodies and configuration
 * refusal lines read the same whichever schema library checks them.
 */

type Issue = v.BaseIssue<unknown>;
type Schema = v.GenericSchema;

/** One refusal: where in the input (keys and array indexes, outermost first) and why. */
export interface Refusal {
  path: PropertyKey[];
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; refusals: [Refusal, ...Refusal[]] };

/** How a refusal names the type it received: NaN, Infinity, null and array apart from number and object. */
function receivedName(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'number' : String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** The message for a value of the wrong type, e.g. "Invalid input: expected int, received number". */
const wrongType = (expected: string) => (issue: Issue) =>
  `Invalid input: expected ${expected}, received ${receivedName(issue.input)}`;

const isFiniteNumber = (input: unknown): input is number => typeof input === 'number' && Number.isFinite(input);

/**
 * A number that is finite: NaN and ±Infinity (JSON's 1e999) are the wrong type, so nothing checked
 * after it (bounds, cross-field checks) sees them.
 */
export const finiteNumber = v.custom<number>(isFiniteNumber, wrongType('number'));

/**
 * A whole number within ±(2^53 − 1): a fraction is the wrong type, a larger whole number out of
 * bounds.
 */
export const wholeNumber = v.pipe(
  finiteNumber,
  v.custom<number>((input) => Number.isInteger(input), wrongType('int')),
  v.check(
    (input: number) => Number.isSafeInteger(input),
    (issue) =>
      Number(issue.input) > 0
        ? `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`
        : `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`,
  ),
);

function sizeMessage(issue: Issue): string {
  const big = issue.type.startsWith('max');
  const [word, sign] = big ? ['Too big', '<='] : ['Too small', '>='];
  const limit = String(issue.requirement);
  if (typeof issue.input === 'string') return `${word}: expected string to have ${sign}${limit} characters`;
  if (Array.isArray(issue.input)) return `${word}: expected array to have ${sign}${limit} items`;
  return `${word}: expected number to be ${sign}${limit}`;
}

/** A literal's or picklist's refusal, from valibot's `"a" | "b"` list of what it expects. */
function valueMessage(expected: string | null): string {
  const values = (expected ?? '').replace(/^\((.*)\)$/, '$1').split(' | ');
  return values.length === 1
    ? `Invalid input: expected ${values[0]}`
    : `Invalid option: expected one of ${values.join('|')}`;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * valibot's object and record take an array for an object; JSON's arrays are the wrong type here.
 * `expected` names the type in the refusal.
 */
const notArray = (expected: 'object' | 'record') =>
  v.custom<Record<string, unknown>>((input) => isRecord(input) && !Array.isArray(input), wrongType(expected));

/**
 * An email address (sdk/src/contract/email.ts), trimmed. `isEmail` checks the length before its
 * pattern: this pipe runs every step even after maxLength refuses (abortPipeEarly is off below).
 */
export const emailAddress = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(MAX_EMAIL),
  v.check(isEmail, 'must be an email address'),
);

/** v.object (unknown keys dropped) that refuses an array. */
export const object = <E extends v.ObjectEntries>(entries: E) => v.pipe(notArray('object'), v.object(entries));

/** v.looseObject (unknown keys kept) that refuses an array. */
export const looseObject = <E extends v.ObjectEntries>(entries: E) =>
  v.pipe(notArray('object'), v.looseObject(entries));

/** v.record that refuses an array. */
export const record = <K extends v.GenericSchema<string, string | number | symbol>, V extends v.GenericSchema>(
  key: K,
  value: V,
) => v.pipe(notArray('record'), v.record(key, value));

/** The schema that checks the value at `key` inside `schema` (an object's entry, an array's item, a union's option's). */
function childSchema(schema: unknown, key: unknown): unknown {
  let inner = schema;
  while (isRecord(inner) && 'wrapped' in inner) inner = inner.wrapped;
  if (!isRecord(inner)) return undefined;
  if (isRecord(inner.entries) && typeof key === 'string') return inner.entries[key];
  if ('item' in inner) return inner.item;
  if (inner.type === 'record') return inner.value;
  // a union's options, or the schemas in a pipe after its first
  const candidates = Array.isArray(inner.options)
    ? inner.options
    : Array.isArray(inner.pipe)
      ? inner.pipe.slice(1)
      : [];
  for (const candidate of candidates) {
    const child = childSchema(candidate, key);
    if (child !== undefined) return child;
  }
  return undefined;
}

const isSchema = (value: unknown): value is Schema => isRecord(value) && value.kind === 'schema';

/** What an issue's message is until `validate` words it (valibot words issues before it knows their full path). */
const UNWORDED = '\u0000unworded';
/** Every refusal, whatever a global valibot config (the widget's, in tests that run the mock in-process) says. */
const CONFIG: v.Config<Issue> = { message: () => UNWORDED, abortEarly: false, abortPipeEarly: false, lang: 'en' };

/** An issue's message: the schema's own, else the wording of `defaultMessage`. */
const wordingOf = (root: Schema, issue: Issue) =>
  issue.message === UNWORDED ? defaultMessage(root, issue) : issue.message;

/**
 * The wording of a refusal whose schema gave no message of its own. A missing key is refused as its
 * entry's schema refuses `undefined` ("expected string, received undefined"), so the root schema is
 * needed to find that entry.
 */
function defaultMessage(root: Schema, issue: Issue): string {
  switch (issue.type) {
    case 'min_length':
    case 'max_length':
    case 'min_value':
    case 'max_value':
      return sizeMessage(issue);
    case 'regex':
      return `Invalid string: must match pattern ${String(issue.requirement)}`;
    case 'literal':
    case 'picklist':
      return valueMessage(issue.expected);
    case 'object':
    case 'loose_object': {
      if (issue.path?.at(-1)?.origin === 'key') {
        const entry = issue.path.reduce<unknown>((schema, item) => childSchema(schema, item.key), root);
        const missing = isSchema(entry) ? v.safeParse(entry, undefined, CONFIG) : null;
        if (missing?.issues) return wordingOf(entry as Schema, missing.issues[0]);
      }
      return wrongType('object')(issue);
    }
    case 'string':
    case 'boolean':
    case 'array':
      return wrongType(issue.type)(issue);
    default:
      return 'Invalid input';
  }
}

/**
 * Checks `input` against `schema`. The value (trimmed, coerced, defaulted as the schema says), or
 * every refusal, in the order of the schema's keys, with a message each.
 */
export function validate<S extends Schema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, CONFIG);
  if (result.success) return { ok: true, value: result.output };
  const [first, ...rest] = result.issues.map((issue): Refusal => ({
    path: (issue.path ?? []).map((item) => item.key as PropertyKey),
    message: wordingOf(schema, issue),
  }));
  return { ok: false, refusals: [first ?? { path: [], message: 'Invalid input' }, ...rest] };
}
