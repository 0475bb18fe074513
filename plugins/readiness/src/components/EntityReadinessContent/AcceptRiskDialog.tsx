import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/core-plugin-api';
import {
  ACCEPTED_RISK_REASON_MAX_LENGTH,
  CheckSeverity,
  StoredAcceptedRiskResponse,
  validateAcceptedRiskInput,
} from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import { readinessApiRef } from '../../api';
import { errorMessage } from './errors';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Default expiry of a new accepted risk, in days. */
export const DEFAULT_RISK_DAYS = 90;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The last day an accepted risk may run to: the same day next year (UTC). */
function lastAllowedDay(now: Date): string {
  const next = new Date(now.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return isoDay(next.getTime());
}

const useStyles = makeStyles(theme => ({
  field: { marginTop: theme.spacing(2) },
  alert: { marginTop: theme.spacing(2) },
}));

export interface AcceptRiskDialogProps {
  open: boolean;
  entityRef: string;
  check: { checkId: string; title: string; severity: CheckSeverity };
  onClose: () => void;
  onCreated: (risk: StoredAcceptedRiskResponse) => void;
  /** For tests: the current time. */
  now?: () => Date;
}

function problemFor(
  problems: string[],
  field: 'reason' | 'expiresAt',
): string | undefined {
  const problem = problems.find(p => p.startsWith(`${field}:`));
  if (!problem) return undefined;
  const text = problem.slice(field.length + 1).trim();
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}

/**
 * Accept the risk of a failing check: a reason and an expiry are both required (at most one year,
 * default 90 days), validated as the backend validates them.
 */
export function AcceptRiskDialog(props: AcceptRiskDialogProps) {
  const {
    open,
    entityRef,
    check,
    onClose,
    onCreated,
    now = () => new Date(),
  } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState(() =>
    isoDay(now().getTime() + DEFAULT_RISK_DAYS * DAY_MS),
  );
  const [attempted, setAttempted] = useState(false);
  const [touched, setTouched] = useState({ reason: false, expiresAt: false });
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();

  const current = now();
  const problems = validateAcceptedRiskInput(
    { checkId: check.checkId, reason, expiresAt },
    current,
  );
  const reasonProblem = problemFor(problems, 'reason');
  const expiryProblem = problemFor(problems, 'expiresAt');
  const showReason = (attempted || touched.reason) && reasonProblem;
  const showExpiry = (attempted || touched.expiresAt) && expiryProblem;
  const lastDay = lastAllowedDay(current);

  const submit = async () => {
    setAttempted(true);
    setServerError(undefined);
    if (problems.length > 0) return;
    setSubmitting(true);
    try {
      const created = await api.createWaiver({
        entityRef,
        checkId: check.checkId,
        reason: reason.trim(),
        expiresAt,
      });
      onCreated(created);
    } catch (e) {
      setServerError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={submitting ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="accept-risk-title"
    >
      <DialogTitle id="accept-risk-title">
        Accept this risk: {check.title}
      </DialogTitle>
      <DialogContent>
        <DialogContentText component="div">
          The check will count as an accepted risk instead of a failure until
          the expiry date, from the next evaluation on. Your name, the reason
          and the date are recorded and audited.
        </DialogContentText>
        {check.severity === 'critical' && (
          <Alert severity="warning" className={classes.alert}>
            This check is critical: accepting its risk lifts a release blocker.
          </Alert>
        )}
        <TextField
          className={classes.field}
          id="accept-risk-reason"
          label="Reason"
          required
          fullWidth
          multiline
          minRows={3}
          variant="outlined"
          value={reason}
          onChange={e => setReason(e.target.value)}
          onBlur={() => setTouched(t => ({ ...t, reason: true }))}
          error={Boolean(showReason)}
          helperText={
            showReason ||
            `Why the risk is acceptable and what will fix it (${
              reason.trim().length
            }/${ACCEPTED_RISK_REASON_MAX_LENGTH}).`
          }
        />
        <TextField
          className={classes.field}
          id="accept-risk-expires-at"
          label="Expires on"
          type="date"
          required
          variant="outlined"
          value={expiresAt}
          onChange={e => setExpiresAt(e.target.value)}
          onBlur={() => setTouched(t => ({ ...t, expiresAt: true }))}
          error={Boolean(showExpiry)}
          helperText={
            showExpiry ||
            `Valid through that day (UTC). At most one year: on or before ${lastDay}. Default ${DEFAULT_RISK_DAYS} days.`
          }
          InputLabelProps={{ shrink: true }}
          inputProps={{
            min: isoDay(current.getTime() + DAY_MS),
            max: lastDay,
          }}
        />
        {serverError && (
          <Alert severity="error" className={classes.alert}>
            The risk was not recorded: {serverError}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={submitting}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={submit}
          disabled={submitting}
        >
          {submitting ? 'Recording…' : 'Accept risk'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
