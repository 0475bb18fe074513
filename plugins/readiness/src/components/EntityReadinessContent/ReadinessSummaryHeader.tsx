import { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import {
  Box,
  Button,
  Divider,
  Grid,
  List,
  ListItem,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import {
  CheckMetadata,
  EntityReportResponse,
} from '@prodready/plugin-readiness-common';
import {
  ConfigurationErrorsAlert,
  CoverageLabel,
  domainTitle,
  EvaluatedAt,
  formatAbsoluteTime,
  formatDate,
  LevelBadge,
  ScoreDisplay,
  SeverityChip,
  StaleAlert,
  VERDICT_LABELS,
} from '../common';
import { fillTone, textTone } from '../common/tones';

const useStyles = makeStyles(theme => ({
  verdict: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  verdictIcon: {
    fontSize: 56,
    flexShrink: 0,
  },
  go: { color: textTone(theme, theme.palette.success) },
  noGo: { color: textTone(theme, theme.palette.error) },
  verdictWord: {
    fontSize: '2.5rem',
    lineHeight: 1,
    fontWeight: 800,
    letterSpacing: '0.03em',
  },
  metricLabel: {
    display: 'block',
    textTransform: 'uppercase',
    letterSpacing: '0.08em',
    color: theme.palette.text.secondary,
    marginBottom: theme.spacing(0.5),
  },
  alerts: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    marginTop: theme.spacing(2),
  },
  blockers: {
    marginTop: theme.spacing(2),
    border: `1px solid ${fillTone(theme.palette.error)}`,
    borderLeftWidth: 4,
    borderRadius: theme.shape.borderRadius,
  },
  blockersTitle: {
    padding: theme.spacing(1.5, 2, 0.5),
    fontWeight: theme.typography.fontWeightBold as number,
  },
  blocker: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1.5),
    flexWrap: 'wrap',
    padding: theme.spacing(1, 2),
  },
  blockerText: { flex: '1 1 280px', minWidth: 0 },
  blockerAction: { flexShrink: 0 },
  wrap: { overflowWrap: 'anywhere' },
}));

export interface ReadinessSummaryHeaderProps {
  response: EntityReportResponse;
  entity: Entity;
  checksById: Map<string, CheckMetadata>;
  onShowCheck: (checkId: string) => void;
}

/** The five-second answer: verdict, score, level, coverage, freshness, and what blocks the release. */
export function ReadinessSummaryHeader(props: ReadinessSummaryHeaderProps) {
  const { response, entity, checksById, onShowCheck } = props;
  const { report } = response;
  const classes = useStyles();
  const go = report.verdict === 'go';
  const Icon = go ? CheckCircleIcon : BlockIcon;
  const otherFailing =
    report.failing.high + report.failing.medium + report.failing.low;
  const configErrors = report.configurationErrors.length;

  let sentence: string;
  if (go) {
    sentence =
      otherFailing > 0
        ? `May ship: no critical check fails. ${otherFailing} other failing check${
            otherFailing === 1 ? '' : 's'
          } to improve below.`
        : 'May ship: no check fails.';
  } else {
    const reasons: string[] = [];
    if (report.blockers.length > 0) {
      reasons.push(
        `${report.blockers.length} critical check${
          report.blockers.length === 1 ? '' : 's'
        } fail${report.blockers.length === 1 ? 's' : ''}`,
      );
    }
    if (configErrors > 0) {
      reasons.push(
        `${configErrors} configuration error${configErrors === 1 ? '' : 's'}`,
      );
    }
    sentence = `Must not ship: ${reasons.join(' and ') || 'blocked'}.`;
  }

  const stale =
    response.stale || (report.stale && Object.keys(report.stale).length > 0);

  return (
    <InfoCard
      title="Production readiness"
      subheader="Whether this service may ship to production, and why"
    >
      <Grid container spacing={3} alignItems="center">
        <Grid item xs={12} md={4}>
          <div className={classes.verdict} data-testid="readiness-verdict">
            <Icon
              className={`${classes.verdictIcon} ${
                go ? classes.go : classes.noGo
              }`}
              aria-hidden
            />
            <div>
              <Typography
                component="p"
                className={`${classes.verdictWord} ${
                  go ? classes.go : classes.noGo
                }`}
              >
                {VERDICT_LABELS[report.verdict]}
              </Typography>
              <Typography variant="body2">{sentence}</Typography>
            </div>
          </div>
        </Grid>
        <Grid item xs={12} sm={4} md={3}>
          <Typography variant="overline" className={classes.metricLabel}>
            Score
          </Typography>
          <ScoreDisplay score={report.score} size="large" />
          <div>
            <CoverageLabel coverage={report.coverage} />
          </div>
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Typography variant="overline" className={classes.metricLabel}>
            Level
          </Typography>
          {report.state === 'evaluated' ? (
            <LevelBadge
              level={report.level}
              levelNames={report.levelNames}
              size="large"
            />
          ) : (
            <Typography variant="body1" color="textSecondary">
              Not rated: nothing was evaluated
            </Typography>
          )}
        </Grid>
        <Grid item xs={6} sm={4} md={3}>
          <Typography variant="overline" className={classes.metricLabel}>
            Evaluated
          </Typography>
          <EvaluatedAt evaluatedAt={report.evaluatedAt} variant="relative" />
          <Typography variant="caption" color="textSecondary" display="block">
            {formatAbsoluteTime(report.evaluatedAt)}
          </Typography>
        </Grid>
      </Grid>

      {report.blockers.length > 0 && (
        <div className={classes.blockers} data-testid="readiness-blockers">
          <Typography
            variant="subtitle1"
            component="h3"
            className={classes.blockersTitle}
          >
            What blocks the release ({report.blockers.length})
          </Typography>
          <List disablePadding>
            {report.blockers.map((blocker, i) => {
              const meta = checksById.get(blocker.checkId);
              return (
                <Box key={blocker.checkId}>
                  {i > 0 && <Divider component="div" />}
                  <ListItem component="div" className={classes.blocker}>
                    <SeverityChip severity={blocker.severity} />
                    <div className={classes.blockerText}>
                      <Typography variant="subtitle2" className={classes.wrap}>
                        {meta?.title ?? blocker.checkId}
                      </Typography>
                      <Typography variant="body2" className={classes.wrap}>
                        {blocker.message}
                      </Typography>
                      <Typography variant="caption" color="textSecondary">
                        {domainTitle(blocker.domain)} · {blocker.checkId}
                        {blocker.waiver?.expired &&
                          ` · accepted risk expired on ${formatDate(
                            blocker.waiver.expiresAt,
                          )}`}
                      </Typography>
                    </div>
                    <Button
                      size="small"
                      variant="outlined"
                      color="primary"
                      className={classes.blockerAction}
                      onClick={() => onShowCheck(blocker.checkId)}
                      aria-label={`How to fix ${
                        meta?.title ?? blocker.checkId
                      }`}
                    >
                      How to fix
                    </Button>
                  </ListItem>
                </Box>
              );
            })}
          </List>
        </div>
      )}

      {(configErrors > 0 || stale) && (
        <div className={classes.alerts}>
          <ConfigurationErrorsAlert
            errors={report.configurationErrors}
            entity={entity}
          />
          {stale && <StaleAlert stale={report.stale} />}
        </div>
      )}
    </InfoCard>
  );
}
