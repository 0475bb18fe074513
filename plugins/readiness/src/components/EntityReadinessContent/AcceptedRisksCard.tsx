import { CodeSnippet, InfoCard } from '@backstage/core-components';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  AcceptedRisk,
  CheckMetadata,
  isAcceptedRiskExpired,
  StoredAcceptedRiskResponse,
} from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import { readinessApiRef } from '../../api';
import { formatAbsoluteTime, formatDate, formatRelativeTime } from '../common';
import { textTone } from '../common/tones';
import { errorMessage } from './errors';

/** One accepted risk as shown: from the report (in force) and/or from the API store (maybe newer). */
export interface AcceptedRiskRow {
  key: string;
  checkId: string;
  reason: string;
  expiresAt: string;
  author?: string;
  createdAt?: string;
  source: AcceptedRisk['source'];
  expired: boolean;
  /** Stored id, for revoking (API risks only). */
  id?: string;
  /** "applies": recorded, not evaluated yet; "lifts": revoked, still in the last report. */
  pending?: 'applies' | 'lifts';
}

function sameRisk(a: AcceptedRisk, b: StoredAcceptedRiskResponse): boolean {
  if (a.id && b.id) return a.id === b.id;
  return (
    a.checkId === b.checkId &&
    a.expiresAt === b.expiresAt &&
    a.reason === b.reason
  );
}

/**
 * The accepted risks of an entity: those the last report applied, merged with the stored API risks
 * (which may be newer than the report: recorded or revoked since the last evaluation).
 */
export function mergeAcceptedRisks(
  reportRisks: AcceptedRisk[],
  stored: StoredAcceptedRiskResponse[] | undefined,
  now: Date,
): AcceptedRiskRow[] {
  const rows: AcceptedRiskRow[] = [];
  const matched = new Set<StoredAcceptedRiskResponse>();
  reportRisks.forEach((risk, i) => {
    const row: AcceptedRiskRow = {
      key: `report-${i}`,
      checkId: risk.checkId,
      reason: risk.reason,
      expiresAt: risk.expiresAt,
      author: risk.author,
      createdAt: risk.createdAt,
      source: risk.source,
      expired: risk.expired ?? isAcceptedRiskExpired(risk, now),
      id: risk.source === 'api' ? risk.id : undefined,
    };
    if (risk.source === 'api' && stored) {
      const match = stored.find(s => !matched.has(s) && sameRisk(risk, s));
      if (match) {
        matched.add(match);
        row.id = match.id;
        row.author = row.author ?? match.author;
        row.createdAt = row.createdAt ?? match.createdAt;
        if (match.revokedAt) row.pending = 'lifts';
      }
    }
    rows.push(row);
  });
  for (const risk of stored ?? []) {
    if (matched.has(risk) || risk.revokedAt) continue;
    rows.push({
      key: `stored-${risk.id}`,
      checkId: risk.checkId,
      reason: risk.reason,
      expiresAt: risk.expiresAt,
      author: risk.author,
      createdAt: risk.createdAt,
      source: 'api',
      expired: isAcceptedRiskExpired(risk, now),
      id: risk.id,
      pending: 'applies',
    });
  }
  return rows.sort(
    (a, b) =>
      Number(a.expired) - Number(b.expired) ||
      a.checkId.localeCompare(b.checkId),
  );
}

/** "user:default/alice" reads "alice"; anything that is not an entity ref is shown as is. */
export function authorName(author: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(author, { defaultKind: 'user' }), {
      defaultKind: 'user',
    });
  } catch {
    return author;
  }
}

const useStyles = makeStyles(theme => ({
  container: { overflowX: 'auto' },
  table: { minWidth: 560 },
  head: {
    fontWeight: theme.typography.fontWeightBold as number,
    whiteSpace: 'nowrap',
  },
  check: { minWidth: 130 },
  declared: { minWidth: 120 },
  reason: { minWidth: 140, overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
  },
  expired: {
    color: textTone(theme, theme.palette.error),
    borderColor: theme.palette.error.main,
  },
  pending: {
    color: textTone(theme, theme.palette.info),
    borderColor: theme.palette.info.main,
  },
  snippet: { marginTop: theme.spacing(1), maxWidth: '100%', overflowX: 'auto' },
}));

export interface AcceptedRisksCardProps {
  rows: AcceptedRiskRow[];
  checksById: Map<string, CheckMetadata>;
  /** Whether the user may revoke API risks; the Revoke action is hidden otherwise. */
  canManage: boolean;
  /** Set when the stored risks could not be listed: the list shows the last report's only. */
  storedError?: Error;
  onRevoked: (risk: StoredAcceptedRiskResponse) => void;
  now?: Date;
}

/** Accepted risks: reason, expiry, author, where declared, and whether expired; Revoke for API ones. */
export function AcceptedRisksCard(props: AcceptedRisksCardProps) {
  const { rows, checksById, canManage, storedError, onRevoked, now } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const [revoking, setRevoking] = useState<AcceptedRiskRow>();
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string>();

  const titleOf = (checkId: string) =>
    checksById.get(checkId)?.title ?? checkId;

  const confirmRevoke = async () => {
    if (!revoking?.id) return;
    setBusy(true);
    setRevokeError(undefined);
    try {
      const revoked = await api.revokeWaiver(revoking.id);
      setRevoking(undefined);
      onRevoked(revoked);
    } catch (e) {
      setRevokeError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard
      title="Accepted risks"
      subheader="Deliberate exceptions to failing checks, each with a reason and an end date. An expired one no longer applies."
    >
      {storedError && (
        <Box mb={2}>
          <Alert severity="info">
            Risks recorded through Prodready since the last evaluation could not
            be listed ({errorMessage(storedError)}); showing those of the last
            report.
          </Alert>
        </Box>
      )}
      {rows.length === 0 ? (
        <>
          <Typography variant="body2" color="textSecondary">
            No accepted risks.{' '}
            {canManage
              ? 'Use “Accept this risk” on a failing check, or declare'
              : 'Declare'}{' '}
            one in the entity's catalog-info.yaml, where it is reviewed like
            code:
          </Typography>
          <div className={classes.snippet}>
            <CodeSnippet
              language="yaml"
              text={`metadata:\n  annotations:\n    prodready.dev/accept.<check-id>: "<reason>; until=YYYY-MM-DD"`}
            />
          </div>
        </>
      ) : (
        <TableContainer className={classes.container}>
          <Table
            size="small"
            className={classes.table}
            aria-label="Accepted risks"
          >
            <TableHead>
              <TableRow>
                {['Check', 'Reason', 'Expires', 'Declared in'].map(h => (
                  <TableCell key={h} className={classes.head}>
                    {h}
                  </TableCell>
                ))}
                {canManage && (
                  <TableCell className={classes.head}>Action</TableCell>
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => (
                <TableRow key={row.key} data-testid="accepted-risk-row">
                  <TableCell className={classes.check}>
                    <Typography variant="body2">
                      {titleOf(row.checkId)}
                    </Typography>
                    <Typography variant="caption" color="textSecondary">
                      {row.checkId}
                    </Typography>
                  </TableCell>
                  <TableCell className={classes.reason}>
                    <Typography variant="body2">{row.reason}</Typography>
                  </TableCell>
                  <TableCell className={classes.nowrap}>
                    <Typography variant="body2">
                      {formatDate(row.expiresAt)}
                    </Typography>
                    <div className={classes.chips}>
                      {row.expired ? (
                        <Chip
                          size="small"
                          variant="outlined"
                          label="Expired"
                          className={classes.expired}
                        />
                      ) : (
                        <Typography variant="caption" color="textSecondary">
                          {formatRelativeTime(
                            `${formatDate(row.expiresAt)}T23:59:59Z`,
                            now,
                          )}
                        </Typography>
                      )}
                      {row.pending === 'applies' && (
                        <Chip
                          size="small"
                          variant="outlined"
                          label="Applies after next evaluation"
                          className={classes.pending}
                        />
                      )}
                      {row.pending === 'lifts' && (
                        <Chip
                          size="small"
                          variant="outlined"
                          label="Revoked; lifts after next evaluation"
                          className={classes.pending}
                        />
                      )}
                    </div>
                  </TableCell>
                  <TableCell className={classes.declared}>
                    <Typography variant="body2">
                      {row.source === 'annotation'
                        ? 'Catalog annotation'
                        : 'Prodready API'}
                    </Typography>
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {row.author ? (
                        <span title={row.author}>
                          by {authorName(row.author)}
                        </span>
                      ) : (
                        row.source === 'annotation' && 'reviewed in git'
                      )}
                      {row.createdAt &&
                        `, ${formatAbsoluteTime(row.createdAt).slice(0, 10)}`}
                    </Typography>
                  </TableCell>
                  {canManage && (
                    <TableCell className={classes.nowrap}>
                      {row.source === 'api' &&
                      row.id &&
                      row.pending !== 'lifts' ? (
                        <Button
                          size="small"
                          color="secondary"
                          variant="outlined"
                          onClick={() => {
                            setRevokeError(undefined);
                            setRevoking(row);
                          }}
                          aria-label={`Revoke accepted risk for ${titleOf(
                            row.checkId,
                          )}`}
                        >
                          Revoke
                        </Button>
                      ) : (
                        row.source === 'annotation' && (
                          <Typography
                            variant="caption"
                            color="textSecondary"
                            title="Annotation risks are edited in the entity's catalog-info.yaml"
                          >
                            Edit in git
                          </Typography>
                        )
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      <Dialog
        open={Boolean(revoking)}
        onClose={busy ? undefined : () => setRevoking(undefined)}
        aria-labelledby="revoke-risk-title"
      >
        <DialogTitle id="revoke-risk-title">
          Revoke the accepted risk for{' '}
          {revoking ? titleOf(revoking.checkId) : ''}?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            From the next evaluation on, the check counts as failing again
            {revoking &&
            checksById.get(revoking.checkId)?.severity === 'critical'
              ? ' and blocks the release'
              : ''}
            . The revocation is recorded with your name.
          </DialogContentText>
          {revokeError && (
            <Alert severity="error">
              The risk was not revoked: {revokeError}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRevoking(undefined)} disabled={busy}>
            Cancel
          </Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={confirmRevoke}
            disabled={busy}
          >
            {busy ? 'Revoking…' : 'Revoke'}
          </Button>
        </DialogActions>
      </Dialog>
    </InfoCard>
  );
}
