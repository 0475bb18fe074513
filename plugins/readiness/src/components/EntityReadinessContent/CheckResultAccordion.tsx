import { CodeSnippet } from '@backstage/core-components';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Alert } from '@material-ui/lab';
import {
  CheckMetadata,
  EntityCheckResult,
} from '@prodready/plugin-readiness-common';
import {
  CheckDocLink,
  CheckStatusLabel,
  formatDate,
  SeverityChip,
} from '../common';
import { WorkloadEvidenceTable } from './WorkloadEvidenceTable';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 2),
    width: '100%',
    minWidth: 0,
  },
  status: { width: 140, flexShrink: 0 },
  severity: { width: 80, flexShrink: 0 },
  text: { flex: '1 1 260px', minWidth: 0 },
  wrap: { overflowWrap: 'anywhere' },
  count: { flexShrink: 0, color: theme.palette.text.secondary },
  details: { display: 'block', paddingTop: 0 },
  section: { marginTop: theme.spacing(2) },
  sectionTitle: {
    fontWeight: theme.typography.fontWeightBold as number,
    marginBottom: theme.spacing(1),
  },
  snippet: { marginTop: theme.spacing(1), maxWidth: '100%', overflowX: 'auto' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
}));

export interface CheckResultAccordionProps {
  check: EntityCheckResult;
  meta?: CheckMetadata;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  /** Shown when the user may accept a risk on this failing check. */
  onAcceptRisk?: () => void;
  /** An accepted risk was just recorded for this check and applies after the next evaluation. */
  pendingRisk?: boolean;
}

function workloadSummary(check: EntityCheckResult): string | undefined {
  const total = check.workloads.length;
  if (total < 2) return undefined;
  const failing = check.workloads.filter(w => w.status === 'fail').length;
  return failing > 0
    ? `fails on ${failing} of ${total} workloads`
    : `${total} workloads`;
}

/** One check of the entity: status, severity, title and message; opening onto evidence and how to fix it. */
export function CheckResultAccordion(props: CheckResultAccordionProps) {
  const { check, meta, expanded, onToggle, onAcceptRisk, pendingRisk } = props;
  const classes = useStyles();
  const title = meta?.title ?? check.checkId;
  const summaryId = `readiness-check-${check.checkId}-summary`;
  const detailsId = `readiness-check-${check.checkId}-details`;
  const expiredWaiver = check.waiver?.expired;
  const count = workloadSummary(check);

  return (
    <Accordion
      expanded={expanded}
      onChange={(_, value) => onToggle(value)}
      TransitionProps={{ unmountOnExit: true }}
      id={`readiness-check-${check.checkId}`}
      data-testid={`check-${check.checkId}`}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id={summaryId}
        aria-controls={detailsId}
      >
        <div className={classes.summary}>
          <div className={classes.status}>
            <CheckStatusLabel
              status={check.status}
              label={
                check.status === 'fail' && expiredWaiver
                  ? 'Fail (risk expired)'
                  : undefined
              }
            />
          </div>
          <div className={classes.severity}>
            <SeverityChip severity={check.severity} />
          </div>
          <div className={classes.text}>
            <Typography
              variant="subtitle2"
              component="h4"
              className={classes.wrap}
            >
              {title}
            </Typography>
            {check.message && (
              <Typography
                variant="body2"
                color="textSecondary"
                className={classes.wrap}
              >
                {check.message}
              </Typography>
            )}
          </div>
          {count && (
            <Typography variant="caption" className={classes.count}>
              {count}
            </Typography>
          )}
        </div>
      </AccordionSummary>
      <AccordionDetails className={classes.details} id={detailsId}>
        {meta?.rationale && (
          <Typography variant="body2">
            <strong>Why it matters: </strong>
            {meta.rationale}
          </Typography>
        )}

        {check.waiver && (
          <Box className={classes.section}>
            <Alert severity={check.waiver.expired ? 'warning' : 'info'}>
              {check.waiver.expired
                ? 'Accepted risk expired on '
                : 'Risk accepted until '}
              {formatDate(check.waiver.expiresAt)}
              {check.waiver.author ? ` by ${check.waiver.author}` : ''} (
              {check.waiver.source === 'annotation'
                ? 'catalog annotation'
                : 'through Prodready'}
              ): {check.waiver.reason}
              {check.waiver.expired &&
                ' It no longer applies: the check counts as failing.'}
            </Alert>
          </Box>
        )}

        <Box className={classes.section}>
          <Typography
            variant="subtitle2"
            component="h5"
            className={classes.sectionTitle}
          >
            Evidence
          </Typography>
          <WorkloadEvidenceTable check={check} />
        </Box>

        <Box className={classes.section}>
          <Typography
            variant="subtitle2"
            component="h5"
            className={classes.sectionTitle}
          >
            How to fix
          </Typography>
          {meta ? (
            <>
              <Typography variant="body2">{meta.remediation.text}</Typography>
              {meta.remediation.snippet && (
                <div className={classes.snippet}>
                  <CodeSnippet
                    text={meta.remediation.snippet}
                    language="yaml"
                    showCopyCodeButton
                  />
                </div>
              )}
            </>
          ) : (
            <Typography variant="body2" color="textSecondary">
              The description of this check could not be loaded; see its
              documentation.
            </Typography>
          )}
          <Box mt={1}>
            <CheckDocLink checkId={check.checkId} />
          </Box>
        </Box>

        {(onAcceptRisk || pendingRisk) && (
          <div className={classes.actions}>
            {pendingRisk ? (
              <Typography variant="body2" color="textSecondary">
                Risk accepted: it applies after the next evaluation.
              </Typography>
            ) : (
              <>
                <Button
                  variant="outlined"
                  color="primary"
                  onClick={onAcceptRisk}
                >
                  Accept this risk
                </Button>
                <Typography variant="caption" color="textSecondary">
                  For a deliberate exception with a reason and an end date; the
                  check then counts as waived.
                </Typography>
              </>
            )}
          </div>
        )}
      </AccordionDetails>
    </Accordion>
  );
}
