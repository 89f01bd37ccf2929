/**
 * Facts of the MX Platform API protocol that the widget, the server and the mock all speak.
 * One home, so the three can never drift apart.
 */
export const MX_MEDIA_TYPE = 'application/vnd.mx.api.v1+json';

/** The error body every refusal carries, whoever refuses: MX, the mock or the server. */
export interface MxErrorBody {
  error: { status: number; message: string; field?: string; existing_member_guid?: string };
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
