/**
 * Facts of the MX Platform API protocol that the widget, the server and the mock all speak.
 * One home, so the three can never drift apart.
 */
export const MX_MEDIA_TYPE = 'application/vnd.mx.api.v1+json';
