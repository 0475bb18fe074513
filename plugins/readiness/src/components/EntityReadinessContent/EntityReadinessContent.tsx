import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Button, CircularProgress, Grid } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import {
  CheckMetadata,
  EntityCheckResult,
  EntityReadinessReport,
  READINESS_DOMAIN_IDS,
  ReadinessDomainId,
  readinessWaiverManagePermission,
} from '@prodready/plugin-readiness-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';
import { isReadinessAvailable } from '../../isReadinessAvailable';
import {
  compareCheckResults,
  ConfigurationErrorsAlert,
  NoWorkloadsState,
  NotEvaluatedState,
  NotMappedState,
  StaleAlert,
  VERDICT_LABELS,
} from '../common';
import { AcceptedRisksCard, mergeAcceptedRisks } from './AcceptedRisksCard';
import { AcceptRiskDialog } from './AcceptRiskDialog';
import { DomainScorecard } from './DomainScorecard';
import { ReadinessHistoryCard } from './ReadinessHistoryCard';
import { ReadinessSummaryHeader } from './ReadinessSummaryHeader';
import {
  PollOptions,
  Reevaluation,
  useEntityReadiness,
} from './useEntityReadiness';

/** The domain to open first: that of the first blocker, else of the worst failing check, else the first. */
function initialDomain(
  report: EntityReadinessReport | undefined,
  checkId: string | null,
): ReadinessDomainId {
  const linked = checkId
    ? report?.checks.find(c => c.checkId === checkId)
    : undefined;
  if (linked) return linked.domain;
  if (report?.blockers[0]) return report.blockers[0].domain;
  const worst = report?.checks
    .filter(c => c.status === 'fail')
    .sort(compareCheckResults)[0];
  return worst?.domain ?? READINESS_DOMAIN_IDS[0];
}

function ReevaluationAlert(props: {
  reevaluation: Reevaluation;
  verdict?: string;
  onDismiss: () => void;
  onReload: () => void;
}) {
  const { reevaluation, verdict, onDismiss, onReload } = props;
  if (reevaluation.phase === 'waiting') {
    return (
      <Alert
        severity="info"
        icon={<CircularProgress size={20} />}
        data-testid="readiness-reevaluation"
      >
        <AlertTitle>{reevaluation.action}</AlertTitle>
        Re-evaluating this service; the new verdict appears here after the
        evaluation…
      </Alert>
    );
  }
  if (reevaluation.phase === 'done') {
    return (
      <Alert
        severity="success"
        onClose={onDismiss}
        data-testid="readiness-reevaluation"
      >
        <AlertTitle>{reevaluation.action}</AlertTitle>
        Re-evaluated just now{verdict ? `: the verdict is ${verdict}` : ''}.
      </Alert>
    );
  }
  return (
    <Alert
      severity="info"
      onClose={onDismiss}
      action={
        <Button color="inherit" size="small" onClick={onReload}>
          Check again
        </Button>
      }
      data-testid="readiness-reevaluation"
    >
      <AlertTitle>{reevaluation.action}</AlertTitle>
      The evaluation has not finished yet
      {reevaluation.refreshError
        ? ' (an immediate re-evaluation could not be requested)'
        : ''}
      ; the new verdict appears after the next evaluation cycle.
    </Alert>
  );
}

/** @internal Props of the tab's body; the polling options exist for tests. */
export interface EntityReadinessViewProps extends PollOptions {
  entity: Entity;
}

/** The Readiness tab for a given entity. */
export function EntityReadinessView(props: EntityReadinessViewProps) {
  const { entity, pollIntervalMs, pollTimeoutMs } = props;
  const api = useApi(readinessApiRef);
  const compound = getCompoundEntityRef(entity);
  const {
    entityRef,
    loading,
    error,
    report: response,
    retry,
    reevaluate,
    reevaluation,
    dismissReevaluation,
  } = useEntityReadiness(compound, { pollIntervalMs, pollTimeoutMs });
  const report = response?.report;

  const checks = useAsync(() => api.getChecks(), [api]);
  const checksById = useMemo(
    () =>
      new Map<string, CheckMetadata>(
        (checks.value?.items ?? []).map(c => [c.id, c]),
      ),
    [checks.value],
  );
  const waivers = useAsyncRetry(
    () => api.getWaivers({ entityRef }),
    [api, entityRef],
  );
  const { allowed: canManage } = usePermission({
    permission: readinessWaiverManagePermission,
  });

  const [searchParams] = useSearchParams();
  const linkedCheck = searchParams.get('check');
  const [selectedDomain, setSelectedDomain] = useState<ReadinessDomainId>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(linkedCheck ? [linkedCheck] : []),
  );
  const [accepting, setAccepting] = useState<EntityCheckResult>();
  const [scrollTo, setScrollTo] = useState<string | undefined>(
    linkedCheck ?? undefined,
  );

  const domain = selectedDomain ?? initialDomain(report, linkedCheck);

  useEffect(() => {
    if (!scrollTo || !report) return;
    const element = document.getElementById(`readiness-check-${scrollTo}`);
    element?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    setScrollTo(undefined);
  }, [scrollTo, report, domain]);

  const showCheck = useCallback(
    (checkId: string) => {
      const check = report?.checks.find(c => c.checkId === checkId);
      if (check) setSelectedDomain(check.domain);
      setExpanded(previous => new Set([...previous, checkId]));
      setScrollTo(checkId);
    },
    [report],
  );

  const toggleCheck = useCallback((checkId: string, value: boolean) => {
    setExpanded(previous => {
      const next = new Set(previous);
      if (value) next.add(checkId);
      else next.delete(checkId);
      return next;
    });
  }, []);

  const now = new Date();
  const riskRows = useMemo(
    () =>
      mergeAcceptedRisks(
        report?.acceptedRisks ?? [],
        waivers.value?.items,
        new Date(),
      ),
    [report, waivers.value],
  );
  const pendingRiskChecks = useMemo(
    () =>
      new Set(
        riskRows
          .filter(r => r.pending === 'applies' && !r.expired)
          .map(r => r.checkId),
      ),
    [riskRows],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!response || !report) return <NotEvaluatedState />;
  if (report.state === 'not-mapped') return <NotMappedState entity={entity} />;

  const afterChange = (action: string) => {
    waivers.retry();
    reevaluate(action);
  };

  const clusters = Object.keys(report.stale ?? {});

  if (report.state === 'no-workloads') {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <NoWorkloadsState entity={entity} evaluatedAt={report.evaluatedAt} />
        </Grid>
        {report.configurationErrors.length > 0 && (
          <Grid item xs={12}>
            <ConfigurationErrorsAlert
              errors={report.configurationErrors}
              entity={entity}
            />
          </Grid>
        )}
        {(response.stale || clusters.length > 0) && (
          <Grid item xs={12}>
            <StaleAlert stale={report.stale} />
          </Grid>
        )}
      </Grid>
    );
  }

  const scored = report.state === 'evaluated';

  return (
    <Grid container spacing={3}>
      {reevaluation && (
        <Grid item xs={12}>
          <ReevaluationAlert
            reevaluation={reevaluation}
            verdict={VERDICT_LABELS[report.verdict]}
            onDismiss={dismissReevaluation}
            onReload={retry}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <ReadinessSummaryHeader
          response={response}
          entity={entity}
          checksById={checksById}
          onShowCheck={showCheck}
        />
      </Grid>
      {checks.error && (
        <Grid item xs={12}>
          <Alert severity="warning">
            The check descriptions could not be loaded ({checks.error.message});
            checks are shown by id, without remediation.
          </Alert>
        </Grid>
      )}
      {scored && (
        <Grid item xs={12}>
          <DomainScorecard
            report={report}
            checksById={checksById}
            selectedDomain={domain}
            onSelectDomain={setSelectedDomain}
            expandedChecks={expanded}
            onToggleCheck={toggleCheck}
            onAcceptRisk={canManage ? setAccepting : undefined}
            pendingRiskChecks={pendingRiskChecks}
          />
        </Grid>
      )}
      {scored && (
        <Grid item xs={12}>
          <AcceptedRisksCard
            rows={riskRows}
            checksById={checksById}
            canManage={canManage}
            storedError={waivers.error}
            onRevoked={() => afterChange('Accepted risk revoked')}
            now={now}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <ReadinessHistoryCard
          entity={compound}
          evaluatedAt={report.evaluatedAt}
        />
      </Grid>
      {accepting && (
        <AcceptRiskDialog
          open
          entityRef={entityRef}
          check={{
            checkId: accepting.checkId,
            title:
              checksById.get(accepting.checkId)?.title ?? accepting.checkId,
            severity: accepting.severity,
          }}
          onClose={() => setAccepting(undefined)}
          onCreated={() => {
            setSelectedDomain(accepting.domain);
            setAccepting(undefined);
            afterChange('Accepted risk recorded');
          }}
        />
      )}
    </Grid>
  );
}

/**
 * The Readiness tab of an entity page: verdict, score, blockers, the eight domains and their
 * checks with evidence and remediation, accepted risks and the score history.
 */
export function EntityReadinessContent() {
  const { entity } = useEntity();
  if (!isReadinessAvailable(entity)) return <NotMappedState entity={entity} />;
  return <EntityReadinessView entity={entity} />;
}
