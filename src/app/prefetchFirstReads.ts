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
 * kept for when the user adds a connection). Resolves (never rejects) once every read has
 * answered or failed for good, retries included.
 */
export function prefetchFirstReads(queryClient: QueryClient, api: ApiClient, config: WidgetConfig): Promise<void> {
  const reads = firstReadsOf(config);
  const started: Promise<void>[] = [];
  if (reads.memberGuid !== null)
    started.push(queryClient.prefetchQuery(memberOptions(api, config.user_guid, reads.memberGuid)));
  if (reads.institutionCode !== null)
    started.push(queryClient.prefetchQuery(institutionOptions(api, reads.institutionCode)));
  if (reads.members) {
    started.push(queryClient.prefetchQuery(membersOptions(api, config.user_guid)));
    started.push(queryClient.prefetchQuery(favoritesOptions(api, config.mode === 'verification')));
  }
  return Promise.all(started).then(() => undefined);
}
