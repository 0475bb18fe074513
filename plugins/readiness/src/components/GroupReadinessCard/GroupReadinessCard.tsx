import useAsync from 'react-use/esm/useAsync';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  CHECK_SEVERITIES,
  FailingBySeverity,
  OwnerRollup,
  ReadinessSummary,
} from '@prodready/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  findOwnerRollup,
  ownerWithDescendants,
} from '../OwnersView/ownerHierarchy';
import { FailingCounts, LevelBadge, SeverityChip } from '../common';
import {
  DomainScoreCell,
  LevelDistribution,
  ownerLabel,
  VerdictCell,
} from '../ScorecardPage/readinessDisplay';
import { scorecardSearchForOwners } from '../ScorecardPage/scorecardSearchParams';

/** How many services the card lists, worst first; the rest are a click away in the scorecard. */
export const GROUP_CARD_SERVICE_LIMIT = 10;

const TITLE = 'Production readiness';

const useStyles = makeStyles(theme => ({
  stats: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(2, 4),
    marginBottom: theme.spacing(2),
  },
  stat: { display: 'flex', flexDirection: 'column', gap: 2 },
  statLabel: {
    color: theme.palette.text.secondary,
    fontSize: '0.75rem',
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  statValue: {
    fontSize: '1.5rem',
    fontWeight: theme.typography.fontWeightBold as number,
    lineHeight: '34px',
    fontVariantNumeric: 'tabular-nums',
  },
  noGo: { color: theme.palette.status.error },
  meanScore: {
    width: 56,
    '& > span': { height: 34, fontSize: '1.1rem' },
  },
  sectionTitle: {
    fontSize: '0.75rem',
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
    color: theme.palette.text.secondary,
    margin: theme.spacing(1, 0),
  },
  gaps: { margin: theme.spacing(0, 0, 2), padding: 0, listStyle: 'none' },
  gap: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    padding: theme.spacing(0.25, 0),
  },
  gapSeverity: { width: 72, flexShrink: 0 },
  gapTitle: { paddingTop: 2 },
  muted: { color: theme.palette.text.secondary },
  services: { margin: 0, padding: 0, listStyle: 'none' },
  service: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: theme.spacing(2),
    padding: theme.spacing(1, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  serviceMain: {
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: 2,
  },
  serviceTitle: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 1.5),
  },
  serviceName: { fontWeight: theme.typography.fontWeightMedium as number },
  serviceFacts: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(0.25, 1.5),
    fontSize: '0.8125rem',
    color: theme.palette.text.secondary,
  },
  serviceScore: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: 2,
  },
  scorePill: { width: 48 },
  coverage: {
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
  },
  more: { marginTop: theme.spacing(1), color: theme.palette.text.secondary },
}));

/** The scorecard page's route, or undefined when the app does not mount the page (the card then has no link). */
function useScorecardRoute(): (() => string) | undefined {
  try {
    // Every hook inside runs before it throws, so the hook order never changes.
    return useRouteRef(rootRouteRef);
  } catch {
    return undefined;
  }
}

interface GroupReadiness {
  rollup?: OwnerRollup;
  ownerRefs: string[];
  services: ReadinessSummary[];
  totalCount: number;
}

function useGroupReadiness(groupRef: string) {
  const api = useApi(readinessApiRef);
  return useAsync(async (): Promise<GroupReadiness> => {
    const owners = await api.getOwners();
    const rollup = findOwnerRollup(groupRef, owners.items);
    // The scorecard's owner filter matches direct owners: ask for the group and every group below it.
    const ownerRefs = ownerWithDescendants(
      rollup?.owner ?? groupRef,
      owners.items,
    );
    if (!rollup || rollup.entityCount === 0) {
      return { rollup, ownerRefs, services: [], totalCount: 0 };
    }
    const page = await api.getScorecard({
      owner: ownerRefs,
      sort: 'score',
      order: 'asc',
      limit: GROUP_CARD_SERVICE_LIMIT,
    });
    return {
      rollup,
      ownerRefs,
      services: page.items,
      totalCount: page.totalCount,
    };
  }, [api, groupRef]);
}

const Summary = (props: { rollup: OwnerRollup }) => {
  const classes = useStyles();
  const { rollup } = props;
  const noGo = rollup.verdicts?.['no-go'] ?? 0;
  return (
    <div
      className={classes.stats}
      role="group"
      aria-label={`Summary: ${
        rollup.entityCount
      } services, ${noGo} no-go, mean score ${rollup.meanScore ?? 'none'}`}
    >
      <div className={classes.stat}>
        <span className={classes.statLabel}>Services</span>
        <span className={classes.statValue}>{rollup.entityCount}</span>
      </div>
      <div className={classes.stat}>
        <span className={classes.statLabel}>No-go</span>
        <span
          className={`${classes.statValue} ${noGo > 0 ? classes.noGo : ''}`}
        >
          {noGo}
        </span>
      </div>
      <div className={classes.stat}>
        <span className={classes.statLabel}>Mean score</span>
        <div className={classes.meanScore}>
          <DomainScoreCell domainTitle="Mean score" score={rollup.meanScore} />
        </div>
      </div>
      <div className={classes.stat}>
        <span className={classes.statLabel}>Levels</span>
        <LevelDistribution levels={rollup.levels ?? {}} />
      </div>
    </div>
  );
};

/** Only the `count` most severe non-zero severities, so a row stays compact. */
function mostSevere(
  failing: Partial<FailingBySeverity>,
  count: number,
): Partial<FailingBySeverity> {
  const kept = CHECK_SEVERITIES.filter(s => (failing[s] ?? 0) > 0).slice(
    0,
    count,
  );
  return Object.fromEntries(kept.map(s => [s, failing[s]]));
}

const ServiceRow = (props: { service: ReadinessSummary; groupRef: string }) => {
  const classes = useStyles();
  const { service, groupRef } = props;
  const viaSubGroup =
    service.owner &&
    service.owner.toLocaleLowerCase('en-US') !==
      groupRef.toLocaleLowerCase('en-US');
  const scored = service.state === 'evaluated' || service.state === undefined;
  return (
    <li className={classes.service}>
      <div className={classes.serviceMain}>
        <div className={classes.serviceTitle}>
          <EntityRefLink
            entityRef={service.entityRef}
            hideIcon
            className={classes.serviceName}
          />
          <VerdictCell verdict={service.verdict} state={service.state} />
        </div>
        <div className={classes.serviceFacts}>
          <LevelBadge level={service.level} state={service.state} />
          {scored && (
            <FailingCounts failing={mostSevere(service.failing ?? {}, 2)} />
          )}
          {viaSubGroup && service.owner && (
            <EntityRefLink
              entityRef={service.owner}
              defaultKind="group"
              hideIcon
              color="inherit"
            />
          )}
        </div>
      </div>
      <div className={classes.serviceScore}>
        <div className={classes.scorePill}>
          <DomainScoreCell domainTitle="Score" score={service.score} />
        </div>
        {scored && (
          <span className={classes.coverage}>
            {Math.round(service.coverage * 100)}% cov.
          </span>
        )}
      </div>
    </li>
  );
};

/**
 * The readiness of a group's services, its sub-groups' included: counts, the gaps most of them
 * share, and each service worst first, with a link to the scorecard filtered on the team.
 * @public
 */
export const GroupReadinessCard = () => {
  const classes = useStyles();
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const scorecardRoute = useScorecardRoute();
  const { value, loading, error } = useGroupReadiness(groupRef);

  if (error) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (loading || !value) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }

  const { rollup, services, totalCount, ownerRefs } = value;
  if (!rollup || rollup.entityCount === 0 || totalCount === 0) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="data"
          title="No evaluated services"
          description={`Neither ${ownerLabel(
            groupRef,
          )} nor its sub-groups own a service that Prodready has evaluated. Services appear here once their catalog entity names this team as owner and carries the backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation.`}
        />
      </InfoCard>
    );
  }

  const subGroups = ownerRefs.length - 1;
  return (
    <InfoCard
      title={TITLE}
      subheader={
        subGroups > 0
          ? `Services of this group and its ${subGroups} sub-group${
              subGroups === 1 ? '' : 's'
            }`
          : 'Services owned by this team'
      }
      deepLink={
        scorecardRoute
          ? {
              title:
                totalCount > 1
                  ? `View all ${totalCount} in the scorecard`
                  : 'View in the scorecard',
              link: `${scorecardRoute()}?${scorecardSearchForOwners(
                ownerRefs,
              )}`,
            }
          : undefined
      }
    >
      <Summary rollup={rollup} />

      {rollup.worstGaps?.length > 0 && (
        <>
          <Typography component="h3" className={classes.sectionTitle}>
            Biggest gaps
          </Typography>
          <ul className={classes.gaps} aria-label="Biggest gaps">
            {rollup.worstGaps.slice(0, 3).map(gap => (
              <li key={gap.checkId} className={classes.gap}>
                <span className={classes.gapSeverity}>
                  <SeverityChip severity={gap.severity} />
                </span>
                <Typography
                  variant="body2"
                  component="span"
                  className={classes.gapTitle}
                >
                  {gap.title}
                  <span className={classes.muted}>
                    {' · '}
                    {gap.entityCount}{' '}
                    {gap.entityCount === 1 ? 'service' : 'services'}
                  </span>
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}

      <Typography component="h3" className={classes.sectionTitle}>
        Services, worst first
      </Typography>
      <ul className={classes.services} aria-label="Services">
        {services.map(service => (
          <ServiceRow
            key={service.entityRef}
            service={service}
            groupRef={groupRef}
          />
        ))}
      </ul>
      {totalCount > services.length && (
        <Typography variant="body2" className={classes.more}>
          Showing the {services.length} lowest-scoring of {totalCount} services.
        </Typography>
      )}
    </InfoCard>
  );
};
