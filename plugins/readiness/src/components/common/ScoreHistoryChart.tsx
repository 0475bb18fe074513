import { Typography } from '@material-ui/core';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  ReadinessHistoryPoint,
  Verdict,
} from '@prodready/plugin-readiness-common';
import { RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatAbsoluteTime, formatDate, VERDICT_LABELS } from './format';
import { textTone } from './tones';

/** Drawing width before the container has been measured (and in tests, where nothing is laid out). */
const DEFAULT_WIDTH = 760;
const MIN_WIDTH = 320;
const MARGIN = { top: 24, right: 20, bottom: 30, left: 40 };
const X_ANCHORS = ['start', 'middle', 'end'] as const;

const useStyles = makeStyles(theme => ({
  root: { width: '100%' },
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
    color: theme.palette.text.secondary,
  },
  legendItem: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
  },
}));

/** One point of the chart after collapsing repeats. */
interface ChartPoint extends ReadinessHistoryPoint {
  time: number;
  verdictChanged: boolean;
}

/**
 * Keeps the points where something visible changes (score or verdict), plus the first and the
 * last, so a series of thousands of identical evaluations stays readable and cheap to draw.
 */
export function summarizeHistory(
  points: ReadinessHistoryPoint[],
): ChartPoint[] {
  const sorted = points
    .map(p => ({ ...p, time: new Date(p.evaluatedAt).getTime() }))
    .filter(p => !Number.isNaN(p.time))
    .sort((a, b) => a.time - b.time);
  const kept: ChartPoint[] = [];
  sorted.forEach((point, i) => {
    const previous = sorted[i - 1];
    const verdictChanged =
      previous !== undefined && previous.verdict !== point.verdict;
    const changed =
      !previous || verdictChanged || previous.score !== point.score;
    if (changed || i === sorted.length - 1)
      kept.push({ ...point, verdictChanged });
  });
  return kept;
}

function describe(points: ChartPoint[]): string {
  if (points.length === 0) return 'No evaluations in this period.';
  const first = points[0];
  const last = points[points.length - 1];
  const scores = points
    .map(p => p.score)
    .filter((s): s is number => s !== null);
  const parts = [
    `From ${formatAbsoluteTime(first.evaluatedAt)} to ${formatAbsoluteTime(
      last.evaluatedAt,
    )}.`,
  ];
  if (scores.length > 0) {
    parts.push(
      `Score ${first.score ?? 'no data'} at the start, ${
        last.score ?? 'no data'
      } at the end ` +
        `(lowest ${Math.min(...scores)}, highest ${Math.max(...scores)}).`,
    );
  } else {
    parts.push('No score in this period.');
  }
  const changes = points.filter(p => p.verdictChanged);
  if (changes.length === 0) {
    parts.push(`Verdict ${VERDICT_LABELS[last.verdict]} throughout.`);
  } else {
    parts.push(
      `Verdict changed ${changes.length} time${
        changes.length === 1 ? '' : 's'
      }: ${changes
        .map(
          c =>
            `to ${VERDICT_LABELS[c.verdict]} on ${formatAbsoluteTime(
              c.evaluatedAt,
            )}`,
        )
        .join(', ')}.`,
    );
  }
  return parts.join(' ');
}

function Marker(props: {
  x: number;
  y: number;
  verdict: Verdict;
  color: string;
  stroke: string;
}) {
  const { x, y, verdict, color, stroke } = props;
  // A circle for GO, a diamond for NO-GO: the shape says it as well as the colour.
  if (verdict === 'go') {
    return (
      <circle
        cx={x}
        cy={y}
        r={4.5}
        fill={color}
        stroke={stroke}
        strokeWidth={1.5}
      />
    );
  }
  const s = 5.5;
  return (
    <polygon
      points={`${x},${y - s} ${x + s},${y} ${x},${y + s} ${x - s},${y}`}
      fill={color}
      stroke={stroke}
      strokeWidth={1.5}
    />
  );
}

/**
 * The width of an element, followed as it resizes, so the chart draws in real pixels: text stays
 * at its size and the height stays fixed at any width.
 */
function useContainerWidth(
  ref: RefObject<HTMLElement>,
  drawn: boolean,
): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(Math.max(MIN_WIDTH, measured));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, drawn]);
  return width;
}

/** @public */
export interface ScoreHistoryChartProps {
  points: ReadinessHistoryPoint[];
  /** Accessible title; default "Readiness score over time". */
  title?: string;
  /** Drawing height in SVG units (the chart scales to its container's width). */
  height?: number;
}

/**
 * The score over time as an SVG step line (a score holds until the next evaluation), each
 * evaluation that changed something marked by its verdict (circle GO, diamond NO-GO), and every
 * verdict change marked by a labelled vertical line. Has a title and a text description.
 * @public
 */
export function ScoreHistoryChart(props: ScoreHistoryChartProps) {
  const {
    points: raw,
    title = 'Readiness score over time',
    height = 240,
  } = props;
  const classes = useStyles();
  const theme = useTheme();
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const points = useMemo(() => summarizeHistory(raw), [raw]);
  const WIDTH = useContainerWidth(container, points.length > 0);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No evaluations recorded in this period yet.
      </Typography>
    );
  }

  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const t0 = points[0].time;
  const t1 = points[points.length - 1].time;
  const x = (time: number) =>
    MARGIN.left +
    (t1 === t0 ? innerWidth / 2 : ((time - t0) / (t1 - t0)) * innerWidth);
  const y = (score: number) =>
    MARGIN.top + innerHeight - (score / 100) * innerHeight;

  const goColor = textTone(theme, theme.palette.success);
  const noGoColor = textTone(theme, theme.palette.error);
  const lineColor = theme.palette.primary.main;
  const gridColor = theme.palette.divider;
  const textColor = theme.palette.text.secondary;
  const surface = theme.palette.background.paper;

  // Step line; a null score breaks the line.
  const segments: string[] = [];
  let current = '';
  points.forEach((point, i) => {
    if (point.score === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    const px = x(point.time);
    const py = y(point.score);
    if (!current) current = `M${px.toFixed(1)},${py.toFixed(1)}`;
    else current += ` H${px.toFixed(1)} V${py.toFixed(1)}`;
    const next = points[i + 1];
    if (!next) current += ` H${x(t1).toFixed(1)}`;
  });
  if (current) segments.push(current);

  const xTicks = t1 === t0 ? [t0] : [t0, t0 + (t1 - t0) / 2, t1];

  return (
    <div className={classes.root} ref={container}>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-testid="readiness-history-chart"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{describe(points)}</desc>

        {[0, 25, 50, 75, 100].map(tick => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={gridColor}
              strokeDasharray={tick === 0 ? undefined : '2 4'}
            />
            <text
              x={MARGIN.left - 8}
              y={y(tick)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={11}
              fill={textColor}
            >
              {tick}
            </text>
          </g>
        ))}

        {xTicks.map((tick, i) => (
          <text
            key={tick}
            x={x(tick)}
            y={height - 8}
            textAnchor={xTicks.length === 1 ? 'middle' : X_ANCHORS[i]}
            fontSize={11}
            fill={textColor}
          >
            {formatDate(new Date(tick).toISOString())}
          </text>
        ))}

        {points
          .filter(p => p.verdictChanged)
          .map(p => (
            <g key={`change-${p.time}`} data-testid="history-verdict-change">
              <line
                x1={x(p.time)}
                x2={x(p.time)}
                y1={MARGIN.top - 6}
                y2={MARGIN.top + innerHeight}
                stroke={p.verdict === 'go' ? goColor : noGoColor}
                strokeDasharray="4 3"
                strokeWidth={1.5}
              />
              <text
                x={x(p.time)}
                y={MARGIN.top - 10}
                textAnchor={x(p.time) > WIDTH - 80 ? 'end' : 'middle'}
                fontSize={11}
                fontWeight="bold"
                fill={p.verdict === 'go' ? goColor : noGoColor}
              >
                {`→ ${VERDICT_LABELS[p.verdict]}`}
              </text>
            </g>
          ))}

        {segments.map((d, i) => (
          <path
            key={i}
            d={d}
            fill="none"
            stroke={lineColor}
            strokeWidth={2}
            strokeLinejoin="round"
          />
        ))}

        {points.map(p => (
          <g
            key={p.time}
            data-testid="history-point"
            data-verdict={p.verdict}
            data-score={p.score ?? ''}
          >
            <title>
              {`${formatAbsoluteTime(p.evaluatedAt)}: ${
                VERDICT_LABELS[p.verdict]
              }, score ${p.score ?? 'no data'}, level ${p.level}`}
            </title>
            <Marker
              x={x(p.time)}
              y={p.score === null ? MARGIN.top + innerHeight : y(p.score)}
              verdict={p.verdict}
              color={p.verdict === 'go' ? goColor : noGoColor}
              stroke={surface}
            />
          </g>
        ))}
      </svg>
      <div className={classes.legend} aria-hidden>
        <Typography variant="caption" className={classes.legendItem}>
          <svg width="12" height="12" viewBox="0 0 12 12">
            <circle cx="6" cy="6" r="4.5" fill={goColor} />
          </svg>
          GO
        </Typography>
        <Typography variant="caption" className={classes.legendItem}>
          <svg width="12" height="12" viewBox="0 0 12 12">
            <polygon points="6,0.5 11.5,6 6,11.5 0.5,6" fill={noGoColor} />
          </svg>
          NO-GO
        </Typography>
        <Typography variant="caption" className={classes.legendItem}>
          <svg width="12" height="12" viewBox="0 0 12 12">
            <line
              x1="6"
              x2="6"
              y1="0"
              y2="12"
              stroke={textColor}
              strokeDasharray="3 2"
              strokeWidth="1.5"
            />
          </svg>
          verdict change
        </Typography>
        <Typography variant="caption" className={classes.legendItem}>
          <svg width="16" height="12" viewBox="0 0 16 12">
            <line
              x1="0"
              x2="16"
              y1="6"
              y2="6"
              stroke={lineColor}
              strokeWidth="2"
            />
          </svg>
          score (0–100)
        </Typography>
      </div>
    </div>
  );
}
