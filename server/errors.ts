import { mxErrorBody, MX_MEDIA_TYPE } from '../sdk/src/contract/mx';

/**
 * The one error shape the widget handles, whoever refuses: the server, MX or the mock. A Response
 * with MX's error body (`{ error: { status, message, field?, existing_member_guid? } }`) and
 * MX's media type; headers the server adds to all its answers (nosniff, no-store) come from the
 * middleware in securityHeaders.ts.
 */
export const errorJson = (status: number, message: string, extra?: Parameters<typeof mxErrorBody>[2]): Response =>
  new Response(JSON.stringify(mxErrorBody(status, message, extra)), {
    status,
    headers: { 'content-type': MX_MEDIA_TYPE },
  });
