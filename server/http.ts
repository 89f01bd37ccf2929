/**
 * The server's own HTTP facts: what it accepts from the widget. Protocol facts shared with the
 * mock and the widget (MX's media type, which content types are JSON) come from the contract.
 */
export { isJsonContentType, MX_MEDIA_TYPE } from '../sdk/src/contract/mx';

/** The largest request body the widget API reads, in bytes (checked before any of it is read). */
export const MAX_BODY_BYTES = 64 * 1024;
