import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import {
  CHECK_STATUSES,
  CheckEvidence,
  CheckStatus,
  EntityCheckResult,
} from '@prodready/plugin-readiness-common';
import { CheckStatusLabel } from '../common';

const useStyles = makeStyles(theme => ({
  container: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    overflowX: 'auto',
  },
  table: { minWidth: 520 },
  head: {
    fontWeight: theme.typography.fontWeightBold as number,
    whiteSpace: 'nowrap',
  },
  path: {
    fontFamily: 'monospace',
    fontSize: '0.8125rem',
    wordBreak: 'break-all',
    minWidth: 140,
  },
  finding: { minWidth: 160, overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
  object: { minWidth: 150, overflowWrap: 'anywhere' },
  objectName: { fontWeight: theme.typography.fontWeightMedium as number },
  label: { color: theme.palette.text.secondary },
  top: { verticalAlign: 'top' },
  muted: { color: theme.palette.text.secondary },
}));

interface Row {
  key: string;
  status: CheckStatus;
  message: string;
  evidence: Array<Partial<CheckEvidence> & { cluster?: string }>;
}

function rank(status: CheckStatus) {
  const index = CHECK_STATUSES.indexOf(status);
  return index === -1 ? CHECK_STATUSES.length : index;
}

/** Every workload's result for one check, and each piece of evidence: cluster, namespace, kind, name, field path. */
export function WorkloadEvidenceTable(props: { check: EntityCheckResult }) {
  const { check } = props;
  const classes = useStyles();

  const rows: Row[] = [
    ...check.workloads.map((w, i) => ({
      key: `w${i}`,
      status: w.status,
      message: w.message,
      evidence: (w.evidence.length > 0 ? w.evidence : [w.ref]).map(e => ({
        ...e,
        cluster: e.cluster ?? w.ref.cluster,
        namespace:
          e.namespace ??
          (e.kind === w.ref.kind && e.name === w.ref.name
            ? w.ref.namespace
            : undefined),
      })),
    })),
    ...(check.entityResults ?? []).map((e, i) => ({
      key: `e${i}`,
      status: e.status,
      message: e.message,
      evidence:
        e.evidence.length > 0
          ? e.evidence
          : [{ kind: 'Entity', name: 'catalog entity' }],
    })),
  ].sort((a, b) => rank(a.status) - rank(b.status));

  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No workload evidence recorded for this check.
      </Typography>
    );
  }

  const dash = <span className={classes.muted}>—</span>;

  return (
    <TableContainer className={classes.container}>
      <Table
        size="small"
        className={classes.table}
        aria-label={`Evidence for ${check.checkId}`}
      >
        <TableHead>
          <TableRow>
            {['Status', 'Finding', 'Object', 'Field path'].map(h => (
              <TableCell key={h} className={classes.head}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.flatMap(row =>
            row.evidence.map((e, i) => (
              <TableRow key={`${row.key}-${i}`} data-testid="evidence-row">
                {i === 0 && (
                  <>
                    <TableCell
                      rowSpan={row.evidence.length}
                      className={classes.top}
                    >
                      <CheckStatusLabel status={row.status} />
                    </TableCell>
                    <TableCell
                      rowSpan={row.evidence.length}
                      className={`${classes.top} ${classes.finding}`}
                    >
                      <Typography variant="body2">{row.message}</Typography>
                    </TableCell>
                  </>
                )}
                <TableCell className={classes.object}>
                  <Typography variant="body2" component="div">
                    <span>{e.kind || '—'}</span>{' '}
                    <span className={classes.objectName}>{e.name || dash}</span>
                  </Typography>
                  <Typography
                    variant="caption"
                    component="div"
                    color="textSecondary"
                  >
                    namespace <span>{e.namespace || '—'}</span> · cluster{' '}
                    <span>{e.cluster || '—'}</span>
                  </Typography>
                </TableCell>
                <TableCell className={classes.path}>{e.path || dash}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
