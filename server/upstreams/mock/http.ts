import type { Context } from 'hono';
import * as v from 'valibot';
import {
  fieldPath,
  isJsonContentType,
  mxErrorBody,
  MX_MEDIA_TYPE,
  type MxErrorBody,
} from '../../../sdk/src/contract/mx';
import type { MxApiVersion } from '../apiVersion';
import { validate } from '../../validation';

/** The mock refuses larger bodies, as MX refuses oversized requests. */
export const MAX_BODY_BYTES = 64 * 1024;
export { isJsonContentType, MX_MEDIA_TYPE };

/** What an error may add to its message: the field at fault, the member a duplicate would repeat. */
type ErrorExtra = Partial<Pick<MxErrorBody['error'], 'field' | 'existing_member_guid'>>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: ErrorExtra = {},
  ) {
    super(message);
  }
}

export function errorResponse(status: number, message: string, extra: ErrorExtra = {}): Response {
  return new Response(JSON.stringify(mxErrorBody(status, message, extra)), {
    status,
    headers: { 'content-type': MX_MEDIA_TYPE },
  });
}

export function json(c: Context, body: unknown, status = 200): Response {
  return c.body(JSON.stringify(body), status as 200, { 'content-type': MX_MEDIA_TYPE });
}

/**
 * The MX API version a request asked for: v20250224 with `Accept-Version: v20250224`, else v1
 * (the mxNegotiation middleware has already refused any other value).
 */
export const requestedVersion = (c: Context): MxApiVersion =>
  c.req.header('accept-version') === 'v20250224' ? 'v20250224' : 'v1';

/** Trims every string and turns empty strings into a "required" error naming the field. */
const trimmed = v.pipe(v.string(), v.trim());
export const requiredString = v.pipe(trimmed, v.minLength(1, 'must not be empty'));
export const optionalString = v.optional(trimmed);

/**
 * Reads a JSON body (the size limit was applied before any of it was read, by the bodyLimit
 * middleware). Only JSON is accepted: a text/plain body is what a cross-site no-cors form or fetch
 * can send without a preflight, so it must never be parsed as if it were JSON.
 */
export async function readBody<T extends v.GenericSchema>(c: Context, schema: T): Promise<v.InferOutput<T>> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new HttpError(415, 'Request bodies must be JSON (Content-Type: application/json).');
  }
  const text = await c.req.text();
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Malformed JSON in request body.');
  }
  const checked = validate(schema, raw);
  if (!checked.ok) {
    const [issue] = checked.refusals;
    const field = fieldPath(issue.path);
    throw new HttpError(400, `Invalid field "${field}": ${issue.message}.`, { field });
  }
  return checked.value;
}

export interface PageRequest {
  page: number;
  perPage: number;
}

export function pageRequest(c: Context): PageRequest {
  const page = Number.parseInt(c.req.query('page') ?? '', 10);
  const perPage = Number.parseInt(c.req.query('records_per_page') ?? '', 10);
  return {
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    // clamped, never rejected (api.md)
    perPage: Number.isFinite(perPage) ? Math.min(100, Math.max(1, perPage)) : 25,
  };
}

export function paginate<T>(
  items: { length: number; slice(start: number, end: number): T[] },
  { page, perPage }: PageRequest,
) {
  const start = (page - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    pagination: {
      current_page: page,
      per_page: perPage,
      total_entries: items.length,
      total_pages: Math.ceil(items.length / perPage),
    },
  };
}

export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
