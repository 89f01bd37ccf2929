/**
 * An email address as every form and server route here accepts it: something@domain.tld, no
 * spaces or markup characters, at most 254 characters (RFC 5321's path limit).
 *
 * The domain is dot-separated labels, none empty, and no label may hold a dot: no two parts of the
 * pattern can match the same character, so it runs in time linear in the input. (The former
 * `[^…]+\.[^…]+` domain let both sides take dots, and a few KB of dots took seconds to refuse.)
 * Still, callers test with `isEmail`, which refuses an over-long input before the pattern runs.
 */
export const EMAIL_PATTERN = /^[^\s@<>()",;:]+@[^\s@<>()",;:.]+(?:\.[^\s@<>()",;:.]+)+$/;
export const MAX_EMAIL = 254;

/** Whether `text` (already trimmed) is an address: at most MAX_EMAIL characters, then EMAIL_PATTERN. */
export const isEmail = (text: string): boolean => text.length <= MAX_EMAIL && EMAIL_PATTERN.test(text);
