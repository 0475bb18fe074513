import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import {
  CHECK_SEVERITIES,
  FailingBySeverity,
} from '@prodready/plugin-readiness-common';
import { SeverityChip } from './SeverityChip';
import { textTone } from './tones';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    alignItems: 'center',
  },
  none: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: textTone(theme, theme.palette.success),
  },
}));

/** @public */
export interface FailingCountsProps {
  failing: Partial<FailingBySeverity>;
  /** Shown when nothing fails; default "No failing checks". */
  emptyText?: string;
  className?: string;
}

/**
 * Failing (unwaived) checks by severity as chips: "1 critical", "3 high"... Only non-zero ones.
 * @public
 */
export function FailingCounts(props: FailingCountsProps) {
  const { failing, emptyText = 'No failing checks', className } = props;
  const classes = useStyles();
  const present = CHECK_SEVERITIES.filter(s => (failing[s] ?? 0) > 0);
  if (present.length === 0) {
    return (
      <Typography
        component="span"
        variant="body2"
        className={[classes.none, className].filter(Boolean).join(' ')}
      >
        <CheckCircleIcon fontSize="small" aria-hidden />
        {emptyText}
      </Typography>
    );
  }
  return (
    <span className={[classes.root, className].filter(Boolean).join(' ')}>
      {present.map(severity => (
        <SeverityChip
          key={severity}
          severity={severity}
          prefix={failing[severity]}
        />
      ))}
    </span>
  );
}
