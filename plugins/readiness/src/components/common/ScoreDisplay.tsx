import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { formatPercent } from './format';
import { textTone } from './tones';

const useStyles = makeStyles(theme => ({
  root: { display: 'inline-flex', flexDirection: 'column', minWidth: 0 },
  line: {
    display: 'inline-flex',
    alignItems: 'baseline',
    gap: theme.spacing(0.5),
  },
  large: {
    fontSize: '2.25rem',
    lineHeight: 1.1,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  medium: {
    fontSize: '1.5rem',
    lineHeight: 1.2,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  small: { fontWeight: theme.typography.fontWeightBold as number },
  outOf: { color: theme.palette.text.secondary },
  noData: { color: theme.palette.text.secondary, fontStyle: 'italic' },
  lowCoverage: { color: textTone(theme, theme.palette.warning) },
}));

/** Below this share of checks with a known status, the coverage line is shown as a warning. @public */
export const LOW_COVERAGE = 0.5;

/** @public */
export interface CoverageLabelProps {
  /** 0..1 share of checks (by weight) whose status is known. */
  coverage: number;
  /** "short" prints "87% coverage" (for tables and cards). */
  variant?: 'long' | 'short';
  className?: string;
}

/**
 * How much evidence a score rests on: "score rests on 87% of checks". Low coverage reads as a warning.
 * @public
 */
export function CoverageLabel(props: CoverageLabelProps) {
  const { coverage, variant = 'long', className } = props;
  const classes = useStyles();
  const text =
    variant === 'short'
      ? `${formatPercent(coverage)} coverage`
      : `score rests on ${formatPercent(coverage)} of checks`;
  return (
    <Typography
      component="span"
      variant="caption"
      color="textSecondary"
      className={[
        coverage < LOW_COVERAGE ? classes.lowCoverage : undefined,
        className,
      ]
        .filter(Boolean)
        .join(' ')}
    >
      {text}
    </Typography>
  );
}

/** @public */
export interface ScoreDisplayProps {
  /** 0..100, or null for "no data". */
  score: number | null;
  /** 0..1; when given, the coverage line is shown under the score. */
  coverage?: number;
  size?: 'small' | 'medium' | 'large';
  /** "short" coverage text ("87% coverage") for narrow places. */
  coverageVariant?: 'long' | 'short';
  className?: string;
}

/**
 * A score out of 100 ("94 /100", or "No data" when null, never 100) with its coverage under it.
 * @public
 */
export function ScoreDisplay(props: ScoreDisplayProps) {
  const {
    score,
    coverage,
    size = 'medium',
    coverageVariant,
    className,
  } = props;
  const classes = useStyles();
  return (
    <span className={[classes.root, className].filter(Boolean).join(' ')}>
      {score === null ? (
        <Typography component="span" variant="body1" className={classes.noData}>
          No data
        </Typography>
      ) : (
        <span className={classes.line}>
          <Typography component="span" className={classes[size]}>
            {score}
          </Typography>
          <Typography
            component="span"
            variant="caption"
            className={classes.outOf}
          >
            /100
          </Typography>
        </span>
      )}
      {coverage !== undefined && (
        <CoverageLabel coverage={coverage} variant={coverageVariant} />
      )}
    </span>
  );
}
