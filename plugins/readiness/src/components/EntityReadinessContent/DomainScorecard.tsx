import { InfoCard } from '@backstage/core-components';
import {
  Card,
  CardActionArea,
  CardContent,
  FormControlLabel,
  Grid,
  Switch,
  Typography,
} from '@material-ui/core';
import { alpha, makeStyles } from '@material-ui/core/styles';
import {
  CHECK_SEVERITIES,
  CheckMetadata,
  DomainScore,
  EntityCheckResult,
  READINESS_DOMAINS,
  ReadinessDomainId,
  EntityReadinessReport,
} from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import {
  compareCheckResults,
  CoverageLabel,
  domainDescription,
  domainTitle,
  FailingCounts,
  ScoreDisplay,
} from '../common';
import { CheckResultAccordion } from './CheckResultAccordion';

const useStyles = makeStyles(theme => ({
  tile: {
    height: '100%',
    border: `1px solid ${theme.palette.divider}`,
    boxShadow: 'none',
    transition: theme.transitions.create(['border-color', 'background-color']),
  },
  selected: {
    borderColor: theme.palette.primary.main,
    boxShadow: `inset 0 0 0 1px ${theme.palette.primary.main}`,
    backgroundColor: alpha(theme.palette.primary.main, 0.06),
  },
  action: { height: '100%', display: 'flex', alignItems: 'stretch' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    width: '100%',
    padding: theme.spacing(1.5, 2),
  },
  tileTitle: {
    fontWeight: theme.typography.fontWeightBold as number,
    overflowWrap: 'anywhere',
  },
  panel: { marginTop: theme.spacing(3) },
  panelHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(1.5),
  },
  empty: { padding: theme.spacing(2, 0) },
}));

/** What a domain tile says, for screen readers: "Security: score 60, 1 critical and 2 high failing". */
function domainLabel(title: string, score: DomainScore | undefined): string {
  if (!score || score.score === null) return `${title}: no data`;
  const failing = CHECK_SEVERITIES.filter(s => score.failing[s] > 0).map(
    s => `${score.failing[s]} ${s}`,
  );
  return `${title}: score ${score.score}, ${
    failing.length > 0 ? `${failing.join(' and ')} failing` : 'nothing failing'
  }`;
}

function checksOfDomain(
  report: EntityReadinessReport,
  domain: ReadinessDomainId,
) {
  return report.checks
    .filter(c => c.domain === domain)
    .sort(compareCheckResults);
}

export interface DomainScorecardProps {
  report: EntityReadinessReport;
  checksById: Map<string, CheckMetadata>;
  selectedDomain: ReadinessDomainId;
  onSelectDomain: (domain: ReadinessDomainId) => void;
  expandedChecks: ReadonlySet<string>;
  onToggleCheck: (checkId: string, expanded: boolean) => void;
  /** Given when the user may accept risks. */
  onAcceptRisk?: (check: EntityCheckResult) => void;
  /** Checks with an accepted risk recorded but not yet evaluated. */
  pendingRiskChecks: ReadonlySet<string>;
}

/** The eight domains as a grid of tiles; the selected one opens onto its checks. */
export function DomainScorecard(props: DomainScorecardProps) {
  const {
    report,
    checksById,
    selectedDomain,
    onSelectDomain,
    expandedChecks,
    onToggleCheck,
    onAcceptRisk,
    pendingRiskChecks,
  } = props;
  const classes = useStyles();
  const [showAll, setShowAll] = useState(true);

  const checks = checksOfDomain(report, selectedDomain);
  const visible = showAll
    ? checks
    : checks.filter(
        c =>
          c.status === 'fail' ||
          c.status === 'unknown' ||
          expandedChecks.has(c.checkId),
      );

  return (
    <InfoCard
      title="Domains"
      subheader="Score of each domain (failing checks by severity). Select a domain to see its checks."
    >
      <Grid container spacing={2} role="list" aria-label="Readiness domains">
        {READINESS_DOMAINS.map(domain => {
          const score = report.domains[domain.id];
          const selected = domain.id === selectedDomain;
          const total = report.checks.filter(
            c => c.domain === domain.id,
          ).length;
          return (
            <Grid
              item
              key={domain.id}
              xs={12}
              sm={6}
              md={4}
              lg={3}
              role="listitem"
            >
              <Card
                className={`${classes.tile} ${
                  selected ? classes.selected : ''
                }`}
                data-testid={`domain-${domain.id}`}
              >
                <CardActionArea
                  className={classes.action}
                  aria-pressed={selected}
                  aria-label={domainLabel(domain.title, score)}
                  onClick={() => onSelectDomain(domain.id)}
                >
                  <CardContent className={classes.content}>
                    <Typography
                      variant="subtitle2"
                      component="h3"
                      className={classes.tileTitle}
                    >
                      {domain.title}
                    </Typography>
                    <ScoreDisplay score={score?.score ?? null} size="medium" />
                    {score && total > 0 ? (
                      <>
                        <CoverageLabel
                          coverage={score.coverage}
                          variant="short"
                        />
                        <FailingCounts failing={score.failing} />
                        {score.counts.unknown > 0 && (
                          <Typography variant="caption" color="textSecondary">
                            {score.counts.unknown} check
                            {score.counts.unknown === 1 ? '' : 's'} unknown
                            (input missing)
                          </Typography>
                        )}
                      </>
                    ) : (
                      <Typography variant="caption" color="textSecondary">
                        No applicable checks
                      </Typography>
                    )}
                  </CardContent>
                </CardActionArea>
              </Card>
            </Grid>
          );
        })}
      </Grid>

      <section
        className={classes.panel}
        aria-labelledby="readiness-domain-checks-title"
      >
        <div className={classes.panelHeader}>
          <div>
            <Typography
              variant="h6"
              component="h3"
              id="readiness-domain-checks-title"
            >
              {domainTitle(selectedDomain)}: {checks.length} check
              {checks.length === 1 ? '' : 's'}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {domainDescription(selectedDomain)}
            </Typography>
          </div>
          <FormControlLabel
            control={
              <Switch
                size="small"
                color="primary"
                checked={showAll}
                onChange={e => setShowAll(e.target.checked)}
              />
            }
            label="Show passing and not applicable checks"
          />
        </div>
        {visible.length === 0 ? (
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.empty}
          >
            {checks.length === 0
              ? 'No check of this domain applies to this service.'
              : 'Nothing fails or is unknown in this domain.'}
          </Typography>
        ) : (
          visible.map(check => (
            <CheckResultAccordion
              key={check.checkId}
              check={check}
              meta={checksById.get(check.checkId)}
              expanded={expandedChecks.has(check.checkId)}
              onToggle={value => onToggleCheck(check.checkId, value)}
              onAcceptRisk={
                onAcceptRisk && check.status === 'fail'
                  ? () => onAcceptRisk(check)
                  : undefined
              }
              pendingRisk={
                check.status === 'fail' && pendingRiskChecks.has(check.checkId)
              }
            />
          ))
        )}
      </section>
    </InfoCard>
  );
}
