import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import { favoritesOptions, institutionOptions, memberOptions, membersOptions } from '../api/queries';
import type { WidgetConfig } from '../config/config';
import { firstReadsOf } from './earlyReads';

/**
 * Starts the first screen's reads before React renders (while the catalog chunk loads), into the
 * client the widget then renders with: the hooks find them under the same keys (queryKeys.ts)
 * with the same options (retries included), in flight or answered. A failure is left in the cache
 * for the hooks to show, as if they had read it themselves. The favorites list goes with the
 * connections list: search is where such a start most often lands (one catalogue read at worst,
 * kept for when the user adds a connection).
 */
export function prefetchFirstReads(queryClient: QueryClient, api: ApiClient, config: WidgetConfig): void {
  const reads = firstReadsOf(config);
  if (reads.memberGuid !== null) void queryClient.prefetchQuery(memberOptions(api, config.user_guid, reads.memberGuid));
  if (reads.institutionCode !== null) void queryClient.prefetchQuery(institutionOptions(api, reads.institutionCode));
  if (!reads.members) return;
  void queryClient.prefetchQuery(membersOptions(api, config.user_guid));
  void queryClient.prefetchQuery(favoritesOptions(api, config.mode === 'verification'));
}
