/*
 * Presentational pieces of the scorecard page, the owners view and the group card that the shared
 * components/common/ set does not have: the domain heat-map cell, the level distribution bar, the
 * scorecard's verdict/score/evaluation cells (composed from the shared chips and labels), owner names.
 */
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  alpha,
  decomposeColor,
  makeStyles,
  recomposeColor,
  Theme,
  useTheme,
} from '@material-ui/core/styles';
import ReportProblemOutlinedIcon from '@material-ui/icons/ReportProblemOutlined';
import FiberManualRecordIcon from '@material-ui/icons/FiberManualRecord';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  READINESS_LEVELS,
  ReadinessDomainId,
  ReadinessLevel,
  ReadinessReportState,
  Verdict,
} from '@prodready/plugin-readiness-common';
import {
  CoverageLabel,
  DEFAULT_LEVEL_LABELS,
  EvaluatedAt,
  VerdictChip,
} from '../common';

// ------------------------------------------------------------------ colours

function mix(from: string, to: string, t: number): string {
  const a = decomposeColor(from).values;
  const b = decomposeColor(to).values;
  const values = [0, 1, 2].map(i => Math.round(a[i] + (b[i] - a[i]) * t)) as [
    number,
    number,
    number,
  ];
  return recomposeColor({ type: 'rgb', values });
}

/**
 * The colour of a 0-100 score on the theme's red -> amber -> green scale
 * (status.error at 0, status.warning at 60, status.ok at 100).
 */
export function scoreColor(theme: Theme, score: number): string {
  const { error, warning, ok } = theme.palette.status;
  const s = Math.max(0, Math.min(100, score));
  return s <= 60
    ? mix(error, warning, s / 60)
    : mix(warning, ok, (s - 60) / 40);
}

/** The medal colours of the shared LevelBadge. */
const LEVEL_COLORS: Record<ReadinessLevel, string> = {
  gold: '#C9A227',
  silver: '#8E9AA6',
  bronze: '#B0703C',
  none: '#9E9E9E',
};

export const LEVEL_TITLES: Record<ReadinessLevel, string> =
  DEFAULT_LEVEL_LABELS;

export function levelColor(theme: Theme, level: ReadinessLevel): string {
  return level === 'none' ? theme.palette.action.disabled : LEVEL_COLORS[level];
}

// ------------------------------------------------------------------ names

/** `group:default/checkout-team` -> `checkout-team`; keeps the kind or namespace when they are not the usual ones. */
export function ownerLabel(ref: string): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    const prefix =
      kind.toLocaleLowerCase('en-US') === 'group'
        ? ''
        : `${kind.toLocaleLowerCase('en-US')}:`;
    return namespace === 'default'
      ? `${prefix}${name}`
      : `${prefix}${namespace}/${name}`;
  } catch {
    return ref;
  }
}

/** `system:default/payments` -> `payments`: the name, with the namespace when it is not the default one. */
export function entityNameLabel(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

// ------------------------------------------------------------------ verdict

const useVerdictStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: 2,
  },
  hint: { color: theme.palette.text.secondary, lineHeight: 1.2 },
}));

/** The shared verdict chip; an entity-level configuration error says so under it. */
export const VerdictCell = (props: {
  verdict: Verdict;
  state?: ReadinessReportState;
}) => {
  const classes = useVerdictStyles();
  return (
    <span className={classes.root}>
      <VerdictChip verdict={props.verdict} state={props.state} size="small" />
      {props.state === 'configuration-error' && (
        <Typography variant="caption" className={classes.hint}>
          configuration error
        </Typography>
      )}
    </span>
  );
};

// ------------------------------------------------------------------ score

const useScoreStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'baseline',
    gap: theme.spacing(0.75),
    whiteSpace: 'nowrap',
  },
  score: {
    fontWeight: theme.typography.fontWeightBold as number,
    fontVariantNumeric: 'tabular-nums',
  },
  noData: { color: theme.palette.text.secondary },
}));

/** The overall score with its coverage printed small beside it, so a score built on little evidence shows. */
export const ScoreWithCoverage = (props: {
  score: number | null;
  coverage?: number;
}) => {
  const classes = useScoreStyles();
  const { score, coverage } = props;
  return (
    <span className={classes.root}>
      <span
        className={
          score === null ? `${classes.score} ${classes.noData}` : classes.score
        }
        aria-label={score === null ? 'Score: no data' : `Score: ${score}`}
      >
        {score ?? '–'}
      </span>
      {coverage !== undefined && score !== null && (
        <CoverageLabel coverage={coverage} variant="short" />
      )}
    </span>
  );
};

// ------------------------------------------------------------------ heat map

const useHeatStyles = makeStyles(theme => ({
  cell: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: 36,
    height: 28,
    borderRadius: theme.shape.borderRadius,
    fontSize: '0.8125rem',
    fontWeight: theme.typography.fontWeightMedium as number,
    fontVariantNumeric: 'tabular-nums',
    color: theme.palette.text.primary,
  },
  noData: {
    color: theme.palette.text.secondary,
    backgroundColor: theme.palette.action.hover,
  },
}));

/** One heat-map cell: the domain score on the red -> green scale, the number always printed. */
export const DomainScoreCell = (props: {
  domainTitle: string;
  score: number | null | undefined;
}) => {
  const classes = useHeatStyles();
  const theme = useTheme();
  const { score, domainTitle } = props;
  // A native title, not a Tooltip: a page of the scorecard has hundreds of these cells.
  if (score === null || score === undefined) {
    const label = `${domainTitle}: no data`;
    return (
      <span
        className={`${classes.cell} ${classes.noData}`}
        role="img"
        aria-label={label}
        title={label}
      >
        –
      </span>
    );
  }
  const label = `${domainTitle}: ${score}`;
  return (
    <span
      className={classes.cell}
      role="img"
      aria-label={label}
      title={label}
      style={{
        backgroundColor: alpha(
          scoreColor(theme, score),
          theme.palette.type === 'dark' ? 0.45 : 0.3,
        ),
      }}
    >
      {score}
    </span>
  );
};

// ------------------------------------------------------------------ level distribution

const useDistributionStyles = makeStyles(theme => ({
  root: { display: 'flex', flexDirection: 'column', gap: 4, minWidth: 120 },
  bar: {
    display: 'flex',
    height: 8,
    borderRadius: 4,
    overflow: 'hidden',
    backgroundColor: theme.palette.action.hover,
  },
  legend: {
    display: 'flex',
    gap: theme.spacing(1),
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
  },
  legendItem: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    whiteSpace: 'nowrap',
  },
}));

/** Counts by level as a small stacked bar with the numbers beside it. */
export const LevelDistribution = (props: {
  levels: Partial<Record<ReadinessLevel, number>>;
}) => {
  const classes = useDistributionStyles();
  const theme = useTheme();
  const total = READINESS_LEVELS.reduce(
    (sum, l) => sum + (props.levels[l] ?? 0),
    0,
  );
  const label = READINESS_LEVELS.map(
    l =>
      `${props.levels[l] ?? 0} ${LEVEL_TITLES[l].toLocaleLowerCase('en-US')}`,
  ).join(', ');
  return (
    <div className={classes.root} role="img" aria-label={`Levels: ${label}`}>
      <div className={classes.bar}>
        {total > 0 &&
          READINESS_LEVELS.map(l =>
            props.levels[l] ? (
              <span
                key={l}
                style={{
                  width: `${(100 * (props.levels[l] ?? 0)) / total}%`,
                  backgroundColor: levelColor(theme, l),
                }}
              />
            ) : null,
          )}
      </div>
      <div className={classes.legend} aria-hidden>
        {READINESS_LEVELS.map(l => (
          <Tooltip key={l} title={LEVEL_TITLES[l]}>
            <span className={classes.legendItem}>
              <FiberManualRecordIcon
                style={{ color: levelColor(theme, l), fontSize: '0.7rem' }}
              />
              {props.levels[l] ?? 0}
            </span>
          </Tooltip>
        ))}
      </div>
    </div>
  );
};

// ------------------------------------------------------------------ time

const useTimeStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    whiteSpace: 'nowrap',
  },
  stale: {
    color:
      theme.palette.type === 'dark'
        ? theme.palette.warning.light
        : theme.palette.warning.dark,
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    fontSize: '0.75rem',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  icon: { fontSize: '0.9rem' },
}));

/** When the report was evaluated, relative (exact UTC time on hover), with a stale marker. */
export const EvaluatedCell = (props: {
  evaluatedAt: string;
  stale?: boolean;
}) => {
  const classes = useTimeStyles();
  return (
    <span className={classes.root}>
      <EvaluatedAt evaluatedAt={props.evaluatedAt} variant="relative" />
      {props.stale && (
        <Tooltip title="A cluster could not be read in the last cycle: these results come from its last good read">
          <span className={classes.stale}>
            <ReportProblemOutlinedIcon className={classes.icon} aria-hidden />
            stale
          </span>
        </Tooltip>
      )}
    </span>
  );
};

// ------------------------------------------------------------------ domains

/** Column labels for the eight domains (the full title is in the header tooltip and the cell labels). */
export const DOMAIN_COLUMN_TITLES: Record<ReadinessDomainId, string> = {
  'supply-chain': 'Supply chain',
  'packaging-traffic': 'Packaging',
  observability: 'Observability',
  delivery: 'Delivery',
  security: 'Security',
  'resources-scaling': 'Resources',
  'scheduling-state': 'Scheduling',
  resilience: 'Resilience',
};
