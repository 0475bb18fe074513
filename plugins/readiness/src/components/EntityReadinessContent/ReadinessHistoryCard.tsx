import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { ScoreHistoryChart } from '../common';

/** How far back the history chart looks. */
export const HISTORY_DAYS = 30;

/** The score over the last 30 days, verdict changes marked. Re-fetched when a new evaluation lands. */
export function ReadinessHistoryCard(props: {
  entity: CompoundEntityRef;
  evaluatedAt: string;
}) {
  const { entity, evaluatedAt } = props;
  const api = useApi(readinessApiRef);
  const { kind, namespace, name } = entity;
  const { value, loading, error } = useAsync(
    () =>
      api.getEntityHistory(
        { kind, namespace, name },
        { since: new Date(Date.now() - HISTORY_DAYS * 24 * 3600 * 1000) },
      ),
    [api, kind, namespace, name, evaluatedAt],
  );
  return (
    <InfoCard
      title="Score history"
      subheader={`Last ${HISTORY_DAYS} days: the overall score after each evaluation, verdict changes marked`}
    >
      {loading && !value && <Progress />}
      {error && !value && <ResponseErrorPanel error={error} />}
      {value && (
        <ScoreHistoryChart
          points={value.items}
          title={`Readiness score of ${name} over the last ${HISTORY_DAYS} days`}
        />
      )}
    </InfoCard>
  );
}
