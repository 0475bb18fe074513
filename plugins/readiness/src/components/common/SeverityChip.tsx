import { Chip } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { CheckSeverity } from '@prodready/plugin-readiness-common';
import { SEVERITY_LABELS } from './format';
import { fillTone, textTone } from './tones';

const useStyles = makeStyles(theme => ({
  chip: {
    fontWeight: theme.typography.fontWeightMedium as number,
    minWidth: 64,
  },
  critical: {
    backgroundColor: fillTone(theme.palette.error),
    color: theme.palette.common.white,
    borderColor: fillTone(theme.palette.error),
  },
  high: {
    color: textTone(theme, theme.palette.warning),
    borderColor: theme.palette.warning.main,
  },
  medium: {
    color: theme.palette.text.primary,
  },
  low: {
    color: theme.palette.text.secondary,
  },
}));

/** @public */
export interface SeverityChipProps {
  severity: CheckSeverity;
  /** Text before the severity word, e.g. a count: "2" gives "2 High". */
  prefix?: string | number;
  size?: 'small' | 'medium';
  className?: string;
}

/**
 * A severity as a small chip with its word: Critical is filled, the others outlined.
 * @public
 */
export function SeverityChip(props: SeverityChipProps) {
  const { severity, prefix, size = 'small', className } = props;
  const classes = useStyles();
  const word = SEVERITY_LABELS[severity] ?? severity;
  const label =
    prefix !== undefined
      ? `${prefix} ${word.toLocaleLowerCase('en-US')}`
      : word;
  return (
    <Chip
      size={size}
      variant={severity === 'critical' ? 'default' : 'outlined'}
      label={label}
      className={[classes.chip, classes[severity], className]
        .filter(Boolean)
        .join(' ')}
    />
  );
}
