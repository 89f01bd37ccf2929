import { errorResponse } from './upstreams/mock/http';

/** The one error shape the widget handles, whoever refuses: the server, MX or the mock. */
export const errorJson = (status: number, message: string, extra?: Parameters<typeof errorResponse>[2]): Response =>
  errorResponse(status, message, extra);
