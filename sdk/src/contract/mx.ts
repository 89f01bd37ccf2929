/**
 * Facts of the MX Platform API protocol that the widget, the server and the mock all speak.
 * One home, so the three can never drift apart.
 */
export const MX_MEDIA_TYPE = 'application/vnd.mx.api.v1+json';

/** The error body every refusal carries, whoever refuses: MX, the mock or the server. */
export interface MxErrorBody {
  error: { status: number; message: string; field?: string; existing_member_guid?: string };
}

/** MX's error body for a refusal (`extra` adds the field at fault or the member a duplicate would repeat). */
export function mxErrorBody(
  status: number,
  message: string,
  extra: Partial<Pick<MxErrorBody['error'], 'field' | 'existing_member_guid'>> = {},
): MxErrorBody {
  return { error: { message, status, ...extra } };
}

/** application/json, with or without parameters such as charset; also MX's vendor media type. */
export function isJsonContentType(header: string | undefined | null): boolean {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type === MX_MEDIA_TYPE;
}

/**
 * How a field is named in an error ("member.credentials[0].value"): the server and the mock say
 * which request field was wrong, the widget which response field; 'body' for the whole of it.
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || 'body'
  );
}
