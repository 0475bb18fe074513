import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import { ReadinessLevel, ReadinessReportState } from '@prodready/plugin-readiness-common';
import { DEFAULT_LEVEL_LABELS } from './format';

/** Medal colours: they decorate the icon only; the level's name is always written next to it. */
const MEDAL: Record<Exclude<ReadinessLevel, 'none'>, string> = {
  gold: '#C9A227',
  silver: '#8E9AA6',
  bronze: '#B0703C',
};

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  large: {
    ...theme.typography.h6,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  icon: { fontSize: '1.25em' },
  none: { color: theme.palette.text.secondary },
}));

/** @public */
export interface LevelBadgeProps {
  level: ReadinessLevel;
  /** Display names in force (`report.levelNames`); defaults Gold, Silver, Bronze, None. */
  levelNames?: Partial<Record<ReadinessLevel, string>>;
  size?: 'small' | 'large';
  className?: string;
  /** The report's state: an entity that was not evaluated reads "Not rated", whatever its level. */
  state?: ReadinessReportState;
}

/**
 * A readiness level as a medal icon and its name ("Gold"). `none` reads "No level".
 * @public
 */
export function LevelBadge(props: LevelBadgeProps) {
  const { level, levelNames, size = 'small', className, state } = props;
  const classes = useStyles();
  if (state && state !== 'evaluated') {
    return (
      <Typography component="span" variant="body2" color="textSecondary" className={[classes.root, className].filter(Boolean).join(' ')}>
        Not rated
      </Typography>
    );
  }
  const name = levelNames?.[level] ?? DEFAULT_LEVEL_LABELS[level] ?? level;
  const text =
    level === 'none' ? `No level${name !== 'None' ? ` (${name})` : ''}` : name;
  return (
    <Typography
      component="span"
      variant="body2"
      className={[
        classes.root,
        size === 'large' ? classes.large : undefined,
        className,
      ]
        .filter(Boolean)
        .join(' ')}
    >
      {level === 'none' ? (
        <RemoveCircleOutlineIcon
          className={`${classes.icon} ${classes.none}`}
          aria-hidden
        />
      ) : (
        <EmojiEventsIcon
          className={classes.icon}
          style={{ color: MEDAL[level] }}
          aria-hidden
        />
      )}
      {text}
    </Typography>
  );
}
