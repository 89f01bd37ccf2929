import type { MemberRecord } from './members';
import { seededRandom } from './prng';

/** The sandbox's fake accounts of a connected member: the same ones every time for one member. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const ACCOUNT_KINDS = [
  { name: 'Checking', type: 'CHECKING', subtype: 'NONE' },
  { name: 'Savings', type: 'SAVINGS', subtype: 'NONE' },
  { name: 'Rewards Credit Card', type: 'CREDIT_CARD', subtype: 'NONE' },
];

export function accountsFor(member: MemberRecord): object[] {
  if (member.is_manual) return member.manualAccounts;
  const random = seededRandom(hash(member.guid));
  const kinds = member.onlyCreditCards ? ACCOUNT_KINDS.filter((k) => k.type === 'CREDIT_CARD') : ACCOUNT_KINDS;
  return kinds.map((kind, i) => {
    const balance = Math.round(random() * 800_000) / 100;
    const last4 = String(1000 + Math.floor(random() * 9000));
    return {
      guid: `ACT-${member.guid.slice(4)}-${i + 1}`,
      member_guid: member.guid,
      name: `${member.institution.name} ${kind.name}`,
      type: kind.type,
      subtype: kind.subtype,
      balance,
      available_balance: kind.type === 'CREDIT_CARD' ? Math.round((5000 - balance) * 100) / 100 : balance,
      currency_code: 'USD',
      account_number: `****${last4}`,
    };
  });
}
