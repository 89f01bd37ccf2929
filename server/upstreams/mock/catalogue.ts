import { withCheckDigit } from '../../../sdk/src/contract/routingNumber';
import { hostedLogoUrl } from './logos';
import { pick, seededRandom } from './prng';
import type { MockCredential, MockInstitution, OperationalStatus } from './types';

export const CATALOGUE_SEED = 20111101;
export const GENERATED_COUNT = 20_000;
const POPULAR_GENERATED = 40;

const PALETTE = ['#1f4e8c', '#0f766e', '#7c2d12', '#6d28d9', '#9d174d', '#155e75', '#3f6212', '#854d0e'];

export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/** A tiny SVG logo with the institution's initials, as a data URI (no network fetch needed). */
export function initialsLogo(name: string, color: string, size: number): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 40 40">` +
    `<rect width="40" height="40" rx="8" fill="${color}"/>` +
    `<text x="20" y="25" font-family="sans-serif" font-size="15" fill="#fff" text-anchor="middle">${initialsOf(name)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function slugify(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

interface InstitutionSeed {
  code: string;
  name: string;
  supportsOauth: boolean;
  supportsCredentials: boolean;
  popular: boolean;
  color: string;
  host?: string;
  verification?: boolean;
  status?: OperationalStatus;
  /** a PNG on the mock's logo host, like MX's CDN logos (the rest carry data: initials) */
  hostedLogo?: boolean;
  /** MX's instructional_text and instructional_text_steps, HTML as MX sends it */
  instructions?: { text: string; steps: string[] };
}

let guidCounter = 0;
function institution(seed: InstitutionSeed): MockInstitution {
  guidCounter += 1;
  const host = seed.host ?? `www.${seed.code.replace(/_/g, '')}.example`;
  const url = `https://${host}`;
  return {
    code: seed.code,
    guid: `INS-${guidCounter.toString(16).padStart(8, '0')}-${seed.code.length.toString(16)}`,
    name: seed.name,
    url,
    small_logo_url: seed.hostedLogo ? hostedLogoUrl(seed.color, 40) : initialsLogo(seed.name, seed.color, 40),
    medium_logo_url: seed.hostedLogo ? hostedLogoUrl(seed.color, 100) : initialsLogo(seed.name, seed.color, 100),
    supports_oauth: seed.supportsOauth,
    supports_credentials: seed.supportsCredentials,
    forgot_password_url: `${url}/forgot-password`,
    forgot_username_url: `${url}/forgot-username`,
    trouble_signing_in_url: `${url}/help/sign-in`,
    instructional_text: seed.instructions?.text ?? null,
    instructional_text_steps: seed.instructions?.steps ?? null,
    iso_country_code: 'US',
    supports_account_identification: true,
    supports_account_verification: seed.verification ?? true,
    supports_transaction_history: true,
    is_popular: seed.popular,
    operational_status: seed.status ?? 'operational',
  };
}

/** The sandbox's longest institution name: one 78-character word (README "The mock backend"). */
export const LONG_NAME = 'MXBankOfTheVeryLongSingleWordNameThatAnyAPICanSendWithoutAnySpaceOrHyphenAtAll';

const SANDBOX: InstitutionSeed[] = [
  {
    code: 'mxbank',
    name: 'MX Bank',
    supportsOauth: false,
    supportsCredentials: true,
    popular: true,
    color: '#1f4e8c',
    host: 'www.mx.com',
    hostedLogo: true,
  },
  {
    code: 'mxbank_oauth',
    name: 'MX Bank (OAuth)',
    supportsOauth: true,
    supportsCredentials: false,
    popular: true,
    color: '#0f766e',
    host: 'www.mx.com',
    hostedLogo: true,
  },
  {
    code: 'mxbank_hybrid',
    name: 'MX Bank (OAuth or credentials)',
    supportsOauth: true,
    supportsCredentials: true,
    popular: true,
    color: '#155e75',
    host: 'www.mx.com',
    instructions: {
      text: 'Signing in with a password? Use your <a href="https://www.mx.com/online-banking">online banking</a> username, not your card number.',
      steps: [],
    },
  },
  {
    code: 'mxcu_fields',
    name: 'MX Credit Union',
    supportsOauth: false,
    supportsCredentials: true,
    popular: true,
    color: '#6d28d9',
    host: 'www.mxcu.example',
    instructions: {
      text: 'Use the member number and password of <a href="https://www.mxcu.example/online-banking" id="instructional_text">MX Credit Union online banking</a>.',
      steps: [
        'Step 1: Enter your <b>member number</b>, without leading zeros.',
        'Step 2: Enter your password.',
        'Step 3: Enter the ID of the branch where you opened your account, then choose personal or business.',
      ],
    },
  },
  {
    code: 'mxbank_gone',
    name: 'MX Bank (Discontinued)',
    supportsOauth: false,
    supportsCredentials: true,
    popular: true,
    color: '#7c2d12',
    host: 'www.mx.com',
    // the sandbox's institution that cannot verify accounts (verification mode lists it last)
    verification: false,
  },
  {
    // 78 characters without a space or hyphen, as an API may send: the widget's narrow-frame
    // checks (e2e/narrow.spec.ts) use it; its accounts' names carry it too. Found by searching "MXBank".
    code: 'mxbank_longname',
    name: LONG_NAME,
    supportsOauth: false,
    supportsCredentials: true,
    popular: false,
    color: '#1f4e8c',
    host: 'www.mx.com',
  },
  // one per operational status other than "operational"; not popular, found by searching "MX Bank"
  ...(['maintenance', 'degraded', 'unavailable'] as const).map((status): InstitutionSeed => ({
    code: `mxbank_${status}`,
    name: `MX Bank (${status})`,
    supportsOauth: false,
    supportsCredentials: true,
    popular: false,
    color: '#475569',
    host: 'www.mx.com',
    status,
  })),
];

const LEAD = [
  'First',
  'Citizens',
  'Peoples',
  'Farmers',
  'Merchants',
  'Summit',
  'River',
  'Pioneer',
  'Heritage',
  'Liberty',
  'Union',
  'Security',
  'Community',
  'Home',
  'Frontier',
  'Harbor',
  'Prairie',
  'Golden',
  'Evergreen',
  'Cornerstone',
  'Keystone',
  'Granite',
  'Meridian',
  'Beacon',
  'Lakeside',
  'Valley',
  'Mountain',
  'Coastal',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Capital',
  'Patriot',
  'Allied',
  'United',
  'American',
  'National',
  'Old',
  'Great',
  'Élan',
  'Crédit',
  'Société',
  'Caisse',
  'Banco',
];
const PLACES = [
  'Springfield',
  'Riverside',
  'Franklin',
  'Greenville',
  'Clinton',
  'Fairview',
  'Salem',
  'Madison',
  'Georgetown',
  'Arlington',
  'Ashland',
  'Burlington',
  'Chester',
  'Dayton',
  'Dover',
  'Jackson',
  'Lexington',
  'Milton',
  'Newport',
  'Oxford',
  'Plymouth',
  'Richmond',
  'Auburn',
  'Bristol',
  'Clayton',
  'Hudson',
  'Kingston',
  'Lebanon',
  'Manchester',
  'Marion',
  'Mount Vernon',
  'Oakland',
  'Princeton',
  'Quincy',
  'Shelby',
  'Troy',
  'Vienna',
  'Warren',
  'Winchester',
  'York',
  'Montréal',
  'Québec',
  'São Paulo',
  'Zürich',
  'Ozark',
  'Sierra',
  'Tahoe',
  'Yukon',
  'Cascade',
  'Mesa',
];
const KINDS = [
  'Bank',
  'Credit Union',
  'Savings Bank',
  'Federal Credit Union',
  'Trust Company',
  'Bank & Trust',
  'Savings and Loan',
  'Community Bank',
  'State Bank',
  'Financial',
];

function generate(): InstitutionSeed[] {
  const random = seededRandom(CATALOGUE_SEED);
  const seen = new Set<string>(SANDBOX.map((s) => s.name));
  const seenCodes = new Set<string>(SANDBOX.map((s) => s.code));
  const out: InstitutionSeed[] = [];
  while (out.length < GENERATED_COUNT) {
    const usePlace = random() < 0.8;
    let name = usePlace
      ? `${pick(random, LEAD)} ${pick(random, PLACES)} ${pick(random, KINDS)}`
      : `${pick(random, LEAD)} ${pick(random, KINDS)}`;
    if (seen.has(name)) name = `${name} ${Math.floor(random() * 900 + 100)}`;
    const code = slugify(name);
    if (seen.has(name) || seenCodes.has(code)) continue;
    seen.add(name);
    seenCodes.add(code);
    const oauthRoll = random();
    out.push({
      code,
      name,
      supportsOauth: oauthRoll < 0.3,
      supportsCredentials: oauthRoll >= 0.1,
      popular: out.length < POPULAR_GENERATED * 50 && out.length % 50 === 0,
      color: pick(random, PALETTE),
      verification: random() < 0.85,
    });
  }
  return out;
}

export interface Catalogue {
  institutions: MockInstitution[];
  byCode: Map<string, MockInstitution>;
  credentialsFor(code: string): MockCredential[];
  /** institutions by ABA routing number (not an MX field: the widget's routing-number search) */
  byRoutingNumber: Map<string, MockInstitution[]>;
}

/**
 * Sandbox routing numbers (README "The mock backend"): fixed for the sandbox institutions, one
 * valid number per generated institution after them (10000000 + its position, plus the check digit).
 */
export const SANDBOX_ROUTING_NUMBERS: Record<string, string> = {
  mxbank: withCheckDigit('12345678'),
  mxbank_oauth: withCheckDigit('12345679'),
  mxcu_fields: withCheckDigit('12345680'),
};

function routingNumberIndex(institutions: readonly MockInstitution[]): Map<string, MockInstitution[]> {
  const index = new Map<string, MockInstitution[]>();
  institutions.forEach((institution, position) => {
    const number = SANDBOX_ROUTING_NUMBERS[institution.code] ?? withCheckDigit(String(10_000_000 + position));
    index.set(number, [...(index.get(number) ?? []), institution]);
  });
  return index;
}

function loginPassword(code: string, loginLabel = 'Username'): MockCredential[] {
  return [
    {
      guid: `CRD-${code}-login`,
      field_name: 'username',
      label: loginLabel,
      type: 'LOGIN',
      field_type: 'LOGIN',
      display_order: 1,
    },
    {
      guid: `CRD-${code}-password`,
      field_name: 'password',
      label: 'Password',
      type: 'PASSWORD',
      field_type: 'PASSWORD',
      display_order: 2,
    },
  ];
}

const CREDIT_UNION_FIELDS: MockCredential[] = [
  // Listed out of order on purpose: the widget must sort by display_order.
  {
    guid: 'CRD-mxcu_fields-account_type',
    field_name: 'account_type',
    label: 'Account type',
    type: 'OPTIONS',
    field_type: 'OPTIONS',
    display_order: 4,
    options: [
      { guid: 'OPT-personal', label: 'Personal', value: 'personal' },
      { guid: 'OPT-business', label: 'Business', value: 'business' },
    ],
  },
  ...loginPassword('mxcu_fields', 'Member number'),
  {
    guid: 'CRD-mxcu_fields-branch',
    field_name: 'branch_id',
    label: 'Branch ID',
    type: 'TEXT',
    field_type: 'TEXT',
    display_order: 3,
  },
];

/** Institutions the sandbox defines by hand (listed before the generated ones). */
export const SANDBOX_COUNT = SANDBOX.length;

/**
 * Where a user's manual accounts live: one manual member per user at this institution, as MX
 * does. It can be read by code (the member points at it) but is never searched or popular.
 */
export const MANUAL_INSTITUTION_CODE = 'manual_accounts';

let cached: Catalogue | undefined;

/** The catalogue is deterministic, so it is built once per process and shared by every app instance. */
export function getCatalogue(): Catalogue {
  if (cached) return cached;
  guidCounter = 0;
  const institutions = [...SANDBOX, ...generate()].map(institution);
  const byCode = new Map(institutions.map((i) => [i.code, i]));
  const manual = institution({
    code: MANUAL_INSTITUTION_CODE,
    name: 'Manual accounts',
    supportsOauth: false,
    supportsCredentials: false,
    popular: false,
    color: '#475569',
    verification: false,
  });
  byCode.set(manual.code, manual);
  cached = {
    institutions,
    byCode,
    byRoutingNumber: routingNumberIndex(institutions),
    credentialsFor(code) {
      const inst = byCode.get(code);
      if (!inst || !inst.supports_credentials) return [];
      if (code === 'mxcu_fields') return CREDIT_UNION_FIELDS;
      return loginPassword(code);
    },
  };
  return cached;
}
