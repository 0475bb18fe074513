import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { EntityReportResponse } from '@prodready/plugin-readiness-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';

/** Where a re-evaluation asked for after an accepted-risk change stands. */
export interface Reevaluation {
  /** What changed, in words: "Accepted risk recorded", "Accepted risk revoked". */
  action: string;
  phase: 'waiting' | 'done' | 'timeout';
  /** Set when POST /refresh failed (e.g. not allowed): the change applies at the next scheduled cycle. */
  refreshError?: Error;
}

/** Polling after a change: how often, and for how long at most. */
export interface PollOptions {
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * The entity's latest report (undefined when not evaluated yet), plus `reevaluate`: asks the
 * backend to re-evaluate the entity now and polls the report until its `evaluatedAt` changes (up to
 * `pollTimeoutMs`), then shows the new report.
 */
export function useEntityReadiness(
  entity: CompoundEntityRef,
  options: PollOptions = {},
) {
  const { pollIntervalMs = 2000, pollTimeoutMs = 20000 } = options;
  const api = useApi(readinessApiRef);
  const { kind, namespace, name } = entity;
  const entityRef = stringifyEntityRef({ kind, namespace, name });

  const loaded = useAsyncRetry(
    () => api.getEntityReport({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  const [polled, setPolled] = useState<EntityReportResponse>();
  const [reevaluation, setReevaluation] = useState<Reevaluation>();

  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current += 1; // stops any polling loop on unmount
    },
    [],
  );

  const report: EntityReportResponse | undefined =
    polled &&
    (!loaded.value ||
      polled.report.evaluatedAt >= loaded.value.report.evaluatedAt)
      ? polled
      : loaded.value;
  const lastEvaluatedAt = useRef<string | undefined>(undefined);
  lastEvaluatedAt.current = report?.report.evaluatedAt;

  const reevaluate = useCallback(
    async (action: string) => {
      const run = ++generation.current;
      const before = lastEvaluatedAt.current;
      setReevaluation({ action, phase: 'waiting' });
      let refreshError: Error | undefined;
      try {
        await api.refresh({ entityRef });
      } catch (e) {
        refreshError = e as Error;
      }
      const deadline = Date.now() + pollTimeoutMs;
      while (generation.current === run && Date.now() < deadline) {
        await sleep(pollIntervalMs);
        if (generation.current !== run) return;
        try {
          const next = await api.getEntityReport({ kind, namespace, name });
          if (generation.current !== run) return;
          if (next && next.report.evaluatedAt !== before) {
            setPolled(next);
            setReevaluation({ action, phase: 'done', refreshError });
            return;
          }
        } catch {
          // a failed poll is retried until the deadline
        }
      }
      if (generation.current === run) {
        setReevaluation({ action, phase: 'timeout', refreshError });
      }
    },
    [api, entityRef, kind, namespace, name, pollIntervalMs, pollTimeoutMs],
  );

  const retry = useCallback(() => {
    setPolled(undefined);
    loaded.retry();
  }, [loaded]);

  return {
    entityRef,
    loading: loaded.loading && !report,
    error: report ? undefined : loaded.error,
    report,
    retry,
    reevaluate,
    reevaluation,
    dismissReevaluation: () => setReevaluation(undefined),
  };
}
