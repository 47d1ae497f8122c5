import { useApi } from '@backstage/core-plugin-api';
import { EnvironmentSummary } from '@internal/backstage-plugin-ml-platform-common';
import { useEffect, useState } from 'react';
import { mlPlatformApiRef } from '../../api';

export type SummaryState =
  | { loading: true }
  | { loading: false; value: EnvironmentSummary }
  | { loading: false; error: Error };

/**
 * Fetches every environment's summary in parallel and hands each one over as
 * soon as it arrives, so a slow cluster delays only its own row.
 */
export function useEnvironmentSummaries(
  names: string[],
): Record<string, SummaryState> {
  const api = useApi(mlPlatformApiRef);
  const [states, setStates] = useState<Record<string, SummaryState>>({});
  const key = names.join(',');

  useEffect(() => {
    let active = true;
    const list = key ? key.split(',') : [];
    setStates(Object.fromEntries(list.map(n => [n, { loading: true }])));
    list.forEach(name => {
      api.getEnvironment(name).then(
        value => {
          if (active) {
            setStates(s => ({ ...s, [name]: { loading: false, value } }));
          }
        },
        error => {
          if (active) {
            setStates(s => ({ ...s, [name]: { loading: false, error } }));
          }
        },
      );
    });
    return () => {
      active = false;
    };
  }, [api, key]);

  return states;
}
