/**
 * The sandbox by name, for everything that drives the mock: the mock itself, the server tests, the
 * widget tests and the end-to-end specs. A test says what it waits for (the member's next status,
 * a settled connection) and which sandbox member it makes, never a raw number of milliseconds or a
 * credential guid written out again. README "The mock backend" lists the values for people.
 */
import { DELAYED_FOR_MS, OAUTH_PENDING_LIFETIME_MS, STEP_MS } from './members';
import { SHORT_CHALLENGE_LIFETIME_MS } from './scenarios';

/**
 * The mock's timeline in virtual milliseconds, named for what has happened by then (a job moves
 * one step every STEP_MS; each figure has half a second to spare).
 */
export const SANDBOX_TIME = {
  /** the job's next status (CREATED → CHALLENGED, RESUMED → CONNECTED, …) is there */
  nextStep: STEP_MS + 500,
  /** connected and done aggregating: the job's last step is there */
  settled: 2 * STEP_MS + 500,
  /** a challenge of the "expire" sandbox password has run out */
  pastChallengeExpiry: SHORT_CHALLENGE_LIFETIME_MS + 1_000,
  /** how long the "delayed" sandbox password stays DELAYED */
  delayedFor: DELAYED_FOR_MS,
  /** an OAuth member nobody finished has been deleted */
  pastOAuthPendingLifetime: OAUTH_PENDING_LIFETIME_MS + 60_000,
} as const;

/** The raw figures the names above are made of, for a test about the timeline itself. */
export { DELAYED_FOR_MS, STEP_MS, SHORT_CHALLENGE_LIFETIME_MS };

/**
 * How fast the mock's clock runs in the end-to-end servers (MOCK_CLOCK_SPEED in
 * playwright.config.ts): ten virtual seconds pass in one real second.
 */
export const E2E_CLOCK_SPEED = 10;

/** MX Bank, the sandbox's credentials institution, and the guids of its two credential fields. */
export const MX_BANK = {
  code: 'mxbank',
  name: 'MX Bank',
  loginGuid: 'CRD-mxbank-login',
  passwordGuid: 'CRD-mxbank-password',
} as const;

/**
 * The body that creates a member at MX Bank (`POST /users/{user_guid}/members`): the sandbox
 * password decides what the member goes through (README "The mock backend").
 */
export function mxBankMember(password: string, username = 'jane') {
  return {
    member: {
      institution_code: MX_BANK.code,
      credentials: [
        { guid: MX_BANK.loginGuid, value: username },
        { guid: MX_BANK.passwordGuid, value: password },
      ],
    },
  };
}
