import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { List, ListItem, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { isReadinessAvailable } from '../../isReadinessAvailable';
import {
  ConfigurationErrorsAlert,
  CoverageLabel,
  domainTitle,
  EvaluatedAt,
  FailingCounts,
  LevelBadge,
  NoWorkloadsState,
  NotEvaluatedState,
  NotMappedState,
  rankGaps,
  ScoreDisplay,
  SeverityChip,
  VerdictChip,
} from '../common';

/** How many gaps the card lists. */
const GAPS = 3;
/** The Readiness tab, relative to the entity page. */
const TAB = 'readiness';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(1.5, 3),
  },
  metric: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: {
    textTransform: 'uppercase',
    letterSpacing: '0.08em',
    color: theme.palette.text.secondary,
    fontSize: '0.6875rem',
  },
  inherit: { font: 'inherit', color: 'inherit' },
  meta: { marginTop: theme.spacing(1), color: theme.palette.text.secondary },
  section: { marginTop: theme.spacing(2) },
  sectionTitle: { fontWeight: theme.typography.fontWeightBold as number },
  gap: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1.5),
    padding: theme.spacing(1, 0),
  },
  gapText: { minWidth: 0, flex: 1, overflowWrap: 'anywhere' },
  alert: { marginTop: theme.spacing(2) },
}));

/** The readiness card of an entity: verdict, score, level, coverage and the three most important gaps. */
export function EntityReadinessSummary(props: { entity: Entity }) {
  const { entity } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const report = useAsync(
    () => api.getEntityReport({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  const checks = useAsync(() => api.getChecks(), [api]);

  const card = (children: ReactNode, withLink = true) => (
    <InfoCard
      title="Production readiness"
      variant="gridItem"
      deepLink={
        withLink ? { title: 'Open the readiness report', link: TAB } : undefined
      }
    >
      {children}
    </InfoCard>
  );

  if (report.loading) return card(<Progress />, false);
  if (report.error)
    return card(<ResponseErrorPanel error={report.error} />, false);
  const response = report.value;
  if (!response) return card(<NotEvaluatedState compact />, false);
  const r = response.report;
  if (r.state === 'not-mapped')
    return card(<NotMappedState entity={entity} compact />, false);
  if (r.state === 'no-workloads')
    return card(<NoWorkloadsState entity={entity} compact />);

  const titles = new Map((checks.value?.items ?? []).map(c => [c.id, c.title]));
  const gaps = rankGaps(r.checks, GAPS);
  const failingTotal =
    r.failing.critical + r.failing.high + r.failing.medium + r.failing.low;
  const stale = response.stale || Object.keys(r.stale ?? {}).length > 0;

  return card(
    <>
      <div className={classes.summary}>
        <div className={classes.metric}>
          <span className={classes.label}>Verdict</span>
          <VerdictChip verdict={r.verdict} />
        </div>
        <div className={classes.metric}>
          <span className={classes.label}>Score</span>
          <ScoreDisplay score={r.score} size="medium" />
        </div>
        <div className={classes.metric}>
          <span className={classes.label}>Level</span>
          {r.state === 'evaluated' ? (
            <LevelBadge level={r.level} levelNames={r.levelNames} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              Not rated
            </Typography>
          )}
        </div>
      </div>
      <Typography variant="caption" component="p" className={classes.meta}>
        {r.state === 'evaluated' && (
          <>
            <CoverageLabel coverage={r.coverage} />
            {' · '}
          </>
        )}
        evaluated{' '}
        <EvaluatedAt
          evaluatedAt={r.evaluatedAt}
          variant="relative"
          className={classes.inherit}
        />
      </Typography>

      {r.configurationErrors.length > 0 && (
        <div className={classes.alert}>
          <ConfigurationErrorsAlert errors={r.configurationErrors} compact />
        </div>
      )}
      {stale && (
        <Alert
          severity="warning"
          className={classes.alert}
          data-testid="readiness-stale"
        >
          Results may be out of date:{' '}
          {Object.keys(r.stale ?? {}).join(', ') || 'a source'} could not be
          read in the last evaluation.
        </Alert>
      )}

      {r.state === 'evaluated' && (
        <div className={classes.section}>
          <Typography
            variant="subtitle2"
            component="h3"
            className={classes.sectionTitle}
          >
            {gaps.length === 0
              ? 'Top gaps'
              : `Top gaps (${gaps.length} of ${failingTotal} failing)`}
          </Typography>
          {gaps.length === 0 ? (
            <FailingCounts failing={r.failing} />
          ) : (
            <List disablePadding>
              {gaps.map(gap => (
                <ListItem
                  key={gap.checkId}
                  disableGutters
                  className={classes.gap}
                >
                  <SeverityChip severity={gap.severity} />
                  <div className={classes.gapText}>
                    <Link
                      to={`${TAB}?check=${encodeURIComponent(gap.checkId)}`}
                    >
                      {titles.get(gap.checkId) ?? gap.checkId}
                    </Link>
                    <Typography variant="body2" color="textSecondary">
                      {gap.message}
                    </Typography>
                    <Typography variant="caption" color="textSecondary">
                      {domainTitle(gap.domain)}
                    </Typography>
                  </div>
                </ListItem>
              ))}
            </List>
          )}
        </div>
      )}
    </>,
  );
}

/** The readiness card of an entity's overview tab. */
export function EntityReadinessCard() {
  const { entity } = useEntity();
  if (!isReadinessAvailable(entity)) {
    return (
      <InfoCard title="Production readiness" variant="gridItem">
        <NotMappedState entity={entity} compact />
      </InfoCard>
    );
  }
  return <EntityReadinessSummary entity={entity} />;
}
