import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  readScorecardUrlState,
  ScorecardUrlState,
  writeScorecardUrlState,
} from './scorecardSearchParams';

/** Applies a change to the scorecard state kept in the URL. */
export type UpdateScorecardUrlState = (
  patch: Partial<ScorecardUrlState>,
  options?: { replace?: boolean },
) => void;

/** The scorecard state read from the URL search params, and a way to change it. */
export function useScorecardUrlState(): [
  ScorecardUrlState,
  UpdateScorecardUrlState,
] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readScorecardUrlState(params), [params]);
  const update = useCallback<UpdateScorecardUrlState>(
    (patch, options) => {
      setParams(
        previous =>
          writeScorecardUrlState({
            ...readScorecardUrlState(previous),
            ...patch,
          }),
        {
          replace: options?.replace,
        },
      );
    },
    [setParams],
  );
  return [state, update];
}
