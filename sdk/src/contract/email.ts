/**
 * An email address as every form and server route here accepts it: something@domain.tld, no
 * spaces or markup characters, at most 254 characters (RFC 5321's path limit).
 */
export const EMAIL_PATTERN = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
export const MAX_EMAIL = 254;
