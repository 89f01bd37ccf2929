import { useQueryClient } from '@tanstack/react-query';
import { seedInstitution } from '../api/queries';
import { safeUrl } from '../api/safeUrl';
import type { Institution } from '../api/schemas';
import { useConfig } from '../config/ConfigProvider';
import { useEmit, useEmitter } from '../embedding/emitter';
import type { AnalyticEventMap } from '../../sdk/src/contract/events';
import { stepAfterInstitution } from './routing';
import { useSend } from './store';

/** Picking an institution from any list (search, a routing number's instant-verification offer). */
export function useChooseInstitution() {
  const queryClient = useQueryClient();
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  const send = useSend();
  const verification = useConfig().mode === 'verification';
  return (institution: Institution, source: AnalyticEventMap['institution_selected']['source']) => {
    seedInstitution(queryClient, institution);
    emit('mx/connect/selectedInstitution', {
      code: institution.code,
      guid: institution.guid ?? '',
      name: institution.name,
      url: safeUrl(institution.url),
    });
    analyticEvent('institution_selected', { institution_code: institution.code, source });
    send({ type: 'institutionChosen', code: institution.code, next: stepAfterInstitution(institution, verification) });
  };
}
