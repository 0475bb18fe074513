import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { CheckStatus } from '@prodready/plugin-readiness-common';
import { CHECK_STATUS_LABELS } from './format';
import { textTone } from './tones';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  icon: { fontSize: '1.15em' },
  pass: { color: textTone(theme, theme.palette.success) },
  fail: { color: textTone(theme, theme.palette.error) },
  unknown: { color: textTone(theme, theme.palette.warning) },
  waived: { color: textTone(theme, theme.palette.info) },
  na: { color: theme.palette.text.secondary },
}));

const ICONS = {
  pass: CheckCircleIcon,
  fail: CancelIcon,
  unknown: HelpOutlineIcon,
  waived: VerifiedUserIcon,
  'not-applicable': RemoveCircleOutlineIcon,
};

/** @public */
export interface CheckStatusLabelProps {
  status: CheckStatus;
  /** Replaces the status word (e.g. "Accepted risk (expired)"). */
  label?: string;
  className?: string;
}

/**
 * A check status as an icon and a word: Pass, Fail, Unknown, Accepted risk, Not applicable.
 * @public
 */
export function CheckStatusLabel(props: CheckStatusLabelProps) {
  const { status, label, className } = props;
  const classes = useStyles();
  const Icon = ICONS[status] ?? HelpOutlineIcon;
  const tone =
    status === 'not-applicable'
      ? classes.na
      : classes[status as 'pass' | 'fail' | 'unknown' | 'waived'];
  return (
    <Typography
      component="span"
      variant="body2"
      className={[classes.root, tone, className].filter(Boolean).join(' ')}
    >
      <Icon className={classes.icon} aria-hidden />
      {label ?? CHECK_STATUS_LABELS[status] ?? status}
    </Typography>
  );
}
