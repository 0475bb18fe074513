import { Typography } from '@material-ui/core';
import { formatAbsoluteTime, formatRelativeTime } from './format';

/** @public */
export interface EvaluatedAtProps {
  /** ISO timestamp. */
  evaluatedAt: string;
  /** "inline" prints both on one line ("5 minutes ago · 2026-11-21 09:00 UTC"); "relative" only the relative time, absolute as its title. */
  variant?: 'inline' | 'relative';
  now?: Date;
  className?: string;
}

/**
 * When something was evaluated, relative and absolute (UTC): "5 minutes ago · 2026-11-21 09:00 UTC".
 * @public
 */
export function EvaluatedAt(props: EvaluatedAtProps) {
  const { evaluatedAt, variant = 'inline', now, className } = props;
  const relative = formatRelativeTime(evaluatedAt, now);
  const absolute = formatAbsoluteTime(evaluatedAt);
  if (variant === 'relative') {
    return (
      <Typography
        component="time"
        variant="body2"
        dateTime={evaluatedAt}
        title={absolute}
        className={className}
      >
        {relative}
      </Typography>
    );
  }
  return (
    <Typography
      component="time"
      variant="body2"
      dateTime={evaluatedAt}
      className={className}
    >
      {relative} · {absolute}
    </Typography>
  );
}
