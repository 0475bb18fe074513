import { EmptyState, InfoCard } from '@backstage/core-components';

/** What every readiness view shows until the backend has evaluated something. */
export const NoReadinessData = (props: { variant?: 'card' | 'page' }) => {
  const state = (
    <EmptyState
      missing="data"
      title="No readiness data yet"
      description="Prodready has not evaluated this yet. Reports appear here after the next evaluation cycle."
    />
  );
  return props.variant === 'card' ? <InfoCard title="Readiness">{state}</InfoCard> : state;
};
