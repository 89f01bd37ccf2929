/** The one query-key factory: every TanStack Query key in the widget comes from here. */
export const queryKeys = {
  all: ['connect'] as const,
  institutions: () => [...queryKeys.all, 'institutions'] as const,
  institutionSearch: (name: string, verification = false, by: 'name' | 'routingNumber' = 'name') =>
    [...queryKeys.institutions(), 'search', by, name, verification] as const,
  favorites: () => [...queryKeys.institutions(), 'favorites'] as const,
  institution: (code: string) => [...queryKeys.institutions(), 'detail', code] as const,
  credentials: (code: string) => [...queryKeys.institutions(), 'credentials', code] as const,
  capabilities: () => [...queryKeys.all, 'capabilities'] as const,
  members: (userGuid: string) => [...queryKeys.all, 'members', userGuid] as const,
  help: (userGuid: string) => [...queryKeys.all, 'help', userGuid] as const,
  member: (userGuid: string, memberGuid: string) => [...queryKeys.all, 'member', userGuid, memberGuid] as const,
  memberStatus: (userGuid: string, memberGuid: string) =>
    [...queryKeys.member(userGuid, memberGuid), 'status'] as const,
  microdeposit: (userGuid: string, guid: string) => [...queryKeys.all, 'microdeposit', userGuid, guid] as const,
  accounts: (userGuid: string, memberGuid: string) => [...queryKeys.member(userGuid, memberGuid), 'accounts'] as const,
};
