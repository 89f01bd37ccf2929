/** Wire shapes the mock serves (MX field names). The widget validates these with its own schemas. */
export type OperationalStatus = 'operational' | 'maintenance' | 'degraded' | 'unavailable';

export interface MockInstitution {
  code: string;
  guid: string;
  name: string;
  url: string;
  small_logo_url: string | null;
  medium_logo_url: string | null;
  supports_oauth: boolean;
  /** Non-MX: false for OAuth-only institutions, which have no credential fields. */
  supports_credentials: boolean;
  forgot_password_url: string;
  forgot_username_url: string;
  trouble_signing_in_url: string;
  /** MX: an HTML fragment, perhaps with a link */
  instructional_text: string | null;
  /** MX: steps that "may contain html elements" */
  instructional_text_steps: string[] | null;
  iso_country_code: string;
  supports_account_identification: boolean;
  supports_account_verification: boolean;
  supports_transaction_history: boolean;
  is_popular: boolean;
  /** Non-MX: whether connections to it work right now (README, sandbox institutions). */
  operational_status: OperationalStatus;
}

export type CredentialType = 'LOGIN' | 'PASSWORD' | 'TEXT' | 'OPTIONS';

export interface MockCredential {
  guid: string;
  field_name: string;
  label: string;
  type: CredentialType;
  display_order: number;
  field_type: CredentialType;
  options?: { guid: string; label: string; value: string }[];
}

export type ChallengeType = 'TEXT' | 'OPTIONS' | 'TOKEN' | 'IMAGE_DATA' | 'IMAGE_OPTIONS';

export interface MockChallenge {
  guid: string;
  field_name: string;
  label: string;
  type: ChallengeType;
  options?: { guid: string; label: string; value: string }[];
  image_data?: string;
  image_options?: { guid: string; label: string; value: string; data_uri: string }[];
}

export type ConnectionStatusName =
  | 'CREATED'
  | 'PREVENTED'
  | 'DENIED'
  | 'CHALLENGED'
  | 'REJECTED'
  | 'LOCKED'
  | 'CONNECTED'
  | 'IMPEDED'
  | 'RECONNECTED'
  | 'DEGRADED'
  | 'DISCONNECTED'
  | 'DISCONTINUED'
  | 'CLOSED'
  | 'DELAYED'
  | 'FAILED'
  | 'UPDATED'
  | 'DISABLED'
  | 'IMPORTED'
  | 'RESUMED'
  | 'EXPIRED'
  | 'IMPAIRED'
  | 'PENDING';
