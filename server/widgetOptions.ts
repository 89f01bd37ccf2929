/**
 * Widget URL options a partner may set when minting a widget URL (MX's names). Each becomes a
 * query parameter of the URL and a claim in its session token.
 */
export const WIDGET_URL_OPTIONS = [
  'mode',
  'color_scheme',
  'current_institution_code',
  'current_member_guid',
  'current_microdeposit_guid',
  'disable_institution_search',
  'include_transactions',
  'locale',
  'brand_color',
  'corner_radius',
  'disable_consent',
  'client_name',
  'privacy_policy_url',
  'include_identity',
  'is_mobile_webview',
  'ui_message_webview_url_scheme',
  'ui_message_version',
  'oauth_referral_source',
  'client_redirect_url',
] as const;
