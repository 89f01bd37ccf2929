/** "Get help" topics: the form's choices and what the server and mock accept. */
export const HELP_TOPICS = ['credentials', 'verification_code', 'connection_error', 'other'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];
export const MAX_HELP_DETAILS = 1_000;
export { MAX_EMAIL } from './email';
