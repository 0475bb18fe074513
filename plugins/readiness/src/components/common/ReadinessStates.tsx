import { Entity } from '@backstage/catalog-model';
import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { Alert, AlertTitle } from '@material-ui/lab';
import { EntityConfigurationError } from '@prodready/plugin-readiness-common';
import { formatAbsoluteTime, formatRelativeTime } from './format';
import {
  currentMappingSnippet,
  mappingAnnotationsOf,
  mappingSnippet,
} from './mapping';

const useStyles = makeStyles(theme => ({
  snippet: {
    marginTop: theme.spacing(1.5),
    maxWidth: '100%',
    overflowX: 'auto',
  },
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2.5) },
  code: { fontFamily: 'monospace', wordBreak: 'break-word' },
}));

interface StateProps {
  entity: Entity;
  /** Short form for overview cards. */
  compact?: boolean;
}

/**
 * The entity carries no mapping annotation: explain it and show the YAML to add.
 * @public
 */
export function NotMappedState(props: StateProps) {
  const { entity, compact } = props;
  const classes = useStyles();
  const body = (
    <>
      <Typography variant="body2" paragraph={!compact}>
        Prodready finds a service's workloads through the Backstage Kubernetes
        annotations, and <strong>{entity.metadata.name}</strong> has none, so it
        is not scored.
        {!compact &&
          ' Add the annotation below to its catalog-info.yaml and the same label to its workloads; ' +
            'or use backstage.io/kubernetes-label-selector to match existing labels.'}
      </Typography>
      <div className={classes.snippet}>
        <CodeSnippet
          text={
            compact
              ? `backstage.io/kubernetes-id: ${entity.metadata.name}`
              : mappingSnippet(entity)
          }
          language="yaml"
          showCopyCodeButton
        />
      </div>
    </>
  );
  return (
    <Alert
      severity="info"
      variant="outlined"
      data-testid="readiness-not-mapped"
    >
      <AlertTitle>Not mapped to Kubernetes workloads</AlertTitle>
      {body}
    </Alert>
  );
}

/**
 * The entity is mapped but no workload matches its annotations.
 * @public
 */
export function NoWorkloadsState(
  props: StateProps & {
    clusters?: string[];
    /** When the last evaluation ran (ISO); shown so the reader knows the answer is current. */
    evaluatedAt?: string;
  },
) {
  const { entity, compact, clusters, evaluatedAt } = props;
  const classes = useStyles();
  return (
    <Alert
      severity="warning"
      variant="outlined"
      data-testid="readiness-no-workloads"
    >
      <AlertTitle>No workloads found</AlertTitle>
      <Typography variant="body2">
        <strong>{entity.metadata.name}</strong> is mapped, but no workload
        {clusters && clusters.length > 0
          ? ` in ${clusters.join(', ')}`
          : ' in any cluster'}{' '}
        matches its annotations, so there is nothing to score. If it is
        deployed, check that its workloads and their pod templates carry the
        matching labels.
      </Typography>
      {evaluatedAt && (
        <Typography variant="caption" component="p">
          Last evaluated {formatRelativeTime(evaluatedAt)} (
          {formatAbsoluteTime(evaluatedAt)}).
        </Typography>
      )}
      {!compact && mappingAnnotationsOf(entity).length > 0 && (
        <div className={classes.snippet}>
          <CodeSnippet text={currentMappingSnippet(entity)} language="yaml" />
        </div>
      )}
    </Alert>
  );
}

/**
 * The backend has no report for the entity yet (404).
 * @public
 */
export function NotEvaluatedState(props: { compact?: boolean }) {
  if (props.compact) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="readiness-not-evaluated"
      >
        Not evaluated yet. A report appears here after the next evaluation
        cycle.
      </Typography>
    );
  }
  return (
    <Box data-testid="readiness-not-evaluated">
      <EmptyState
        missing="data"
        title="Not evaluated yet"
        description="Prodready has not evaluated this entity yet. Its report appears here after the next evaluation cycle (every few minutes)."
      />
    </Box>
  );
}

/**
 * Entity-level configuration errors (a bad selector, a malformed accepted-risk annotation). Each
 * one makes the verdict NO-GO, so they are shown prominently.
 * @public
 */
export function ConfigurationErrorsAlert(props: {
  errors: EntityConfigurationError[];
  entity?: Entity;
  compact?: boolean;
}) {
  const { errors, entity, compact } = props;
  const classes = useStyles();
  if (errors.length === 0) return null;
  const annotations = entity?.metadata.annotations ?? {};
  const shown = errors
    .map(e => e.source)
    .filter(
      (source, i, all) =>
        annotations[source] !== undefined && all.indexOf(source) === i,
    );
  return (
    <Alert severity="error" data-testid="readiness-configuration-errors">
      <AlertTitle>
        {errors.length === 1
          ? 'Configuration error'
          : `${errors.length} configuration errors`}
        : the verdict is NO-GO until fixed
      </AlertTitle>
      <ul className={classes.list}>
        {errors.map((error, i) => (
          <li key={i}>
            <Typography variant="body2" component="span">
              <code className={classes.code}>{error.source}</code>:{' '}
              {error.message}
            </Typography>
          </li>
        ))}
      </ul>
      {!compact && shown.length > 0 && (
        <div className={classes.snippet}>
          <CodeSnippet
            text={shown.map(key => `${key}: '${annotations[key]}'`).join('\n')}
            language="yaml"
          />
        </div>
      )}
    </Alert>
  );
}

/**
 * Some cluster could not be read in the last evaluation; older results were kept.
 * @public
 */
export function StaleAlert(props: {
  /** cluster -> time of the last good read. */
  stale?: Record<string, string>;
  compact?: boolean;
  now?: Date;
}) {
  const { stale, compact, now } = props;
  const classes = useStyles();
  const clusters = Object.entries(stale ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <Alert severity="warning" data-testid="readiness-stale">
      <AlertTitle>Results may be out of date</AlertTitle>
      {clusters.length === 0 ? (
        <Typography variant="body2">
          A source could not be read in the last evaluation; older results were
          kept.
        </Typography>
      ) : (
        <>
          <Typography variant="body2">
            {clusters.length === 1
              ? 'A cluster'
              : `${clusters.length} clusters`}{' '}
            could not be read in the last evaluation; the results from{' '}
            {clusters.length === 1 ? 'it' : 'them'} are older:
          </Typography>
          <ul className={classes.list}>
            {clusters.map(([cluster, since]) => (
              <li key={cluster}>
                <Typography variant="body2" component="span">
                  <strong>{cluster}</strong>: last read{' '}
                  {compact ? '' : 'successfully '}
                  {formatRelativeTime(since, now)} ({formatAbsoluteTime(since)})
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
