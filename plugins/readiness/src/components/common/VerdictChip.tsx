import { Chip } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import SearchIcon from '@material-ui/icons/Search';
import {
  ReadinessReportState,
  Verdict,
} from '@prodready/plugin-readiness-common';
import { VERDICT_LABELS } from './format';
import { fillTone } from './tones';

const useStyles = makeStyles(theme => ({
  chip: {
    fontWeight: theme.typography.fontWeightBold as number,
    letterSpacing: '0.04em',
  },
  go: {
    backgroundColor: fillTone(theme.palette.success),
    color: theme.palette.common.white,
  },
  noGo: {
    backgroundColor: fillTone(theme.palette.error),
    color: theme.palette.common.white,
  },
  neutral: {
    color: theme.palette.text.secondary,
    letterSpacing: 0,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  icon: { color: 'inherit' },
}));

/** @public */
export interface VerdictChipProps {
  verdict: Verdict;
  /**
   * The report's state, when known: `not-mapped` and `no-workloads` are not scored, so they show
   * "Not mapped" / "No workloads" (outlined) instead of a verdict.
   */
  state?: ReadinessReportState;
  size?: 'small' | 'medium';
  className?: string;
}

/**
 * The verdict as a chip: an icon and the word GO or NO-GO (never colour alone).
 * @public
 */
export function VerdictChip(props: VerdictChipProps) {
  const { verdict, state, size = 'medium', className } = props;
  const classes = useStyles();
  if (state === 'not-mapped' || state === 'no-workloads') {
    const Icon = state === 'not-mapped' ? LinkOffIcon : SearchIcon;
    return (
      <Chip
        size={size}
        variant="outlined"
        icon={<Icon className={classes.icon} aria-hidden />}
        label={state === 'not-mapped' ? 'Not mapped' : 'No workloads'}
        className={[classes.chip, classes.neutral, className]
          .filter(Boolean)
          .join(' ')}
      />
    );
  }
  const Icon = verdict === 'go' ? CheckCircleIcon : BlockIcon;
  return (
    <Chip
      size={size}
      icon={<Icon className={classes.icon} aria-hidden />}
      label={VERDICT_LABELS[verdict]}
      className={[
        classes.chip,
        verdict === 'go' ? classes.go : classes.noGo,
        className,
      ]
        .filter(Boolean)
        .join(' ')}
    />
  );
}
