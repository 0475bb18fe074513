import { CSSProperties, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useMeasure from 'react-use/esm/useMeasure';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import ListIcon from '@material-ui/icons/List';
import {
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OwnerRollup } from '@prodready/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { SeverityChip } from '../common';
import {
  DomainScoreCell,
  LevelDistribution,
  ownerLabel,
} from '../ScorecardPage/readinessDisplay';
import {
  countChildGroups,
  findOwnerRollup,
  ownerWithDescendants,
  rankOwners,
} from './ownerHierarchy';

const useStyles = makeStyles(theme => ({
  tableWrapper: {
    // On narrow screens the table scrolls sideways: the owner stays in view.
    '& thead th:nth-child(1), & tbody td:nth-child(1)': {
      position: 'sticky',
      left: 0,
      zIndex: 1,
      backgroundColor: theme.palette.background.paper,
      boxShadow: `inset -1px 0 0 ${theme.palette.divider}`,
    },
    '& thead th:nth-child(1)': { zIndex: 2 },
    '& tbody tr:nth-of-type(odd) td:nth-child(1)': {
      backgroundColor: theme.palette.background.default,
    },
  },
  summaryLine: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    minHeight: 40,
    marginBottom: theme.spacing(1),
    color: theme.palette.text.secondary,
  },
  secondary: {
    color: theme.palette.text.secondary,
    fontSize: '0.75rem',
    lineHeight: 1.4,
  },
  number: {
    fontVariantNumeric: 'tabular-nums',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  noGo: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.status.error,
    fontWeight: theme.typography.fontWeightBold as number,
    fontVariantNumeric: 'tabular-nums',
  },
  zero: {
    color: theme.palette.text.secondary,
    fontVariantNumeric: 'tabular-nums',
  },
  gaps: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: 4,
  },
  gap: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    fontSize: '0.8125rem',
    lineHeight: 1.3,
  },
  gapSeverity: { width: 72, flexShrink: 0 },
  gapTitle: { flex: 1, paddingTop: 3 },
  gapCount: {
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
  meanScore: { width: 48 },
  compactServices: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  nowrap: { whiteSpace: 'nowrap' },
}));

const CELL: CSSProperties = { padding: '8px 10px', verticalAlign: 'top' };
const HEADER: CSSProperties = { padding: '8px 10px', whiteSpace: 'nowrap' };

/** Below this container width, services, no-go and levels share one column and the action is an icon. */
const COMPACT_TABLE_MAX_WIDTH = 1100;

/** The owners rollup, ranked: who owns the gaps. A row opens the Services view filtered by that owner. */
export const OwnersView = (props: {
  /** Open the services of an owner: its ref first, then the refs of the groups below it. */
  onViewServices: (ownerRefs: string[]) => void;
}) => {
  const { onViewServices } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(() => api.getOwners(), [api]);

  const [measureRef, { width }] = useMeasure<HTMLDivElement>();
  const compact = width > 0 && width < COMPACT_TABLE_MAX_WIDTH;
  const all = value?.items;
  const [teamsOnly, setTeamsOnly] = useState(false);
  // material-table keys rows by `id`.
  const ranked = useMemo(
    () =>
      rankOwners(all ?? [])
        .filter(r => !teamsOnly || countChildGroups(r.owner, all ?? []) === 0)
        .map(r => ({ ...r, id: r.owner })),
    [all, teamsOnly],
  );

  const columns = useMemo((): TableColumn<OwnerRollup>[] => {
    const rollups = all ?? [];
    const noGoCount = (row: OwnerRollup) => {
      const n = row.verdicts?.['no-go'] ?? 0;
      return n > 0 ? (
        <span className={classes.noGo} aria-label={`${n} no-go`}>
          <BlockIcon fontSize="inherit" aria-hidden />
          {n}
        </span>
      ) : (
        <span className={classes.zero} aria-label="0 no-go">
          0
        </span>
      );
    };
    const viewServices =
      (row: OwnerRollup) => (e: { stopPropagation(): void }) => {
        e.stopPropagation();
        onViewServices(ownerWithDescendants(row.owner, rollups));
      };
    const ownerColumns: TableColumn<OwnerRollup>[] = [
      {
        title: 'Owner',
        field: 'owner',
        width: compact ? '150px' : '190px',
        cellStyle: { ...CELL, minWidth: 150 },
        headerStyle: HEADER,
        customSort: (a, b) =>
          (a.title ?? ownerLabel(a.owner)).localeCompare(
            b.title ?? ownerLabel(b.owner),
          ),
        render: row => {
          const subGroups = countChildGroups(row.owner, rollups);
          const parent = row.parent
            ? findOwnerRollup(row.parent, rollups)
            : undefined;
          return (
            <div>
              <EntityRefLink
                entityRef={row.owner}
                defaultKind="group"
                hideIcon
                className={classes.nowrap}
                onClick={e => e.stopPropagation()}
              />
              {(row.parent || subGroups > 0) && (
                <div className={classes.secondary}>
                  {[
                    row.parent
                      ? `in ${parent?.title ?? ownerLabel(row.parent)}`
                      : undefined,
                    subGroups > 0
                      ? `incl. ${subGroups} sub-group${
                          subGroups === 1 ? '' : 's'
                        }`
                      : undefined,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              )}
            </div>
          );
        },
      },
      ...(compact
        ? [
            {
              title: 'Services',
              field: 'verdicts.no-go',
              width: '150px',
              cellStyle: CELL,
              headerStyle: HEADER,
              customSort: (a: OwnerRollup, b: OwnerRollup) =>
                (a.verdicts?.['no-go'] ?? 0) - (b.verdicts?.['no-go'] ?? 0),
              render: (row: OwnerRollup) => (
                <div className={classes.compactServices}>
                  <span className={classes.nowrap}>
                    <span className={classes.number}>{row.entityCount}</span>
                    {' · '}
                    {noGoCount(row)} no-go
                  </span>
                  <LevelDistribution levels={row.levels ?? {}} />
                </div>
              ),
            },
          ]
        : [
            {
              title: 'Services',
              field: 'entityCount',
              type: 'numeric' as const,
              width: '90px',
              cellStyle: CELL,
              headerStyle: HEADER,
              render: (row: OwnerRollup) => (
                <div>
                  <span className={classes.number}>{row.entityCount}</span>
                  {row.scoredCount !== row.entityCount && (
                    <div className={classes.secondary}>
                      {row.scoredCount} scored
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: 'No-go',
              field: 'verdicts.no-go',
              type: 'numeric' as const,
              width: '80px',
              cellStyle: CELL,
              headerStyle: HEADER,
              customSort: (a: OwnerRollup, b: OwnerRollup) =>
                (a.verdicts?.['no-go'] ?? 0) - (b.verdicts?.['no-go'] ?? 0),
              render: noGoCount,
            },
            {
              title: 'Levels',
              field: 'levels',
              sorting: false,
              width: '150px',
              cellStyle: CELL,
              headerStyle: HEADER,
              render: (row: OwnerRollup) => (
                <LevelDistribution levels={row.levels ?? {}} />
              ),
            },
          ]),
      {
        title: compact ? 'Mean' : 'Mean score',
        field: 'meanScore',
        width: compact ? '70px' : '110px',
        cellStyle: CELL,
        headerStyle: HEADER,
        customSort: (a, b) => (a.meanScore ?? 101) - (b.meanScore ?? 101),
        render: row => (
          <div className={classes.meanScore}>
            <DomainScoreCell domainTitle="Mean score" score={row.meanScore} />
          </div>
        ),
      },
      {
        title: 'Worst gaps',
        field: 'worstGaps',
        sorting: false,
        cellStyle: { ...CELL, minWidth: compact ? 220 : 320 },
        headerStyle: HEADER,
        render: row =>
          row.worstGaps?.length ? (
            <ul className={classes.gaps} aria-label="Worst gaps">
              {row.worstGaps.slice(0, 3).map(gap => (
                <li key={gap.checkId} className={classes.gap}>
                  <span className={classes.gapSeverity}>
                    <SeverityChip severity={gap.severity} />
                  </span>
                  <span className={classes.gapTitle}>
                    {gap.title}
                    <span className={classes.gapCount}>
                      {' · '}
                      {gap.entityCount}{' '}
                      {gap.entityCount === 1 ? 'service' : 'services'}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <span className={classes.secondary}>No failing checks</span>
          ),
      },
      {
        title: '',
        field: 'actions',
        sorting: false,
        width: compact ? '40px' : '150px',
        cellStyle: { ...CELL, textAlign: 'right' },
        headerStyle: HEADER,
        render: row => {
          const label = `View services of ${
            row.title ?? ownerLabel(row.owner)
          }`;
          return compact ? (
            <Tooltip title={label}>
              <IconButton
                size="small"
                color="primary"
                aria-label={label}
                onClick={viewServices(row)}
              >
                <ListIcon />
              </IconButton>
            </Tooltip>
          ) : (
            <Button
              size="small"
              color="primary"
              startIcon={<ListIcon />}
              className={classes.nowrap}
              aria-label={label}
              onClick={viewServices(row)}
            >
              View services
            </Button>
          );
        },
      },
    ];
    return ownerColumns;
  }, [all, classes, onViewServices, compact]);

  const header = (
    <ContentHeader
      title="Owners"
      description="Teams ranked by services that are no-go, then by lowest mean score. A group counts its sub-groups' services."
    >
      <SupportButton>
        Each row is a group that owns evaluated services, counting its
        sub-groups. Worst gaps are the failing checks shared by most of its
        services. Open a row to see the services.
      </SupportButton>
    </ContentHeader>
  );

  if (error) {
    return (
      <>
        {header}
        <ResponseErrorPanel error={error} />
      </>
    );
  }
  if (loading || !value) {
    return (
      <>
        {header}
        <Progress />
      </>
    );
  }
  if (!all?.length) {
    return (
      <>
        {header}
        <EmptyState
          missing="data"
          title="No owners yet"
          description="Owners appear here once services with a spec.owner have been evaluated. Map your components to their Kubernetes workloads with the backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation."
        />
      </>
    );
  }
  return (
    <div ref={measureRef}>
      {header}
      <div className={classes.summaryLine}>
        <Typography variant="body2" role="status">
          {ranked.length === 1 ? '1 owner' : `${ranked.length} owners`}
        </Typography>
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={teamsOnly}
              onChange={e => setTeamsOnly(e.target.checked)}
            />
          }
          label="Teams only (hide groups with sub-groups)"
        />
      </div>
      <div className={classes.tableWrapper}>
        <Table<OwnerRollup>
          options={{
            toolbar: false,
            paging: ranked.length > 25,
            pageSize: 25,
            pageSizeOptions: [25, 50, 100],
            search: false,
            draggable: false,
            padding: 'dense',
            thirdSortClick: true,
            emptyRowsWhenPaging: false,
            rowStyle: { cursor: 'pointer' },
          }}
          columns={columns}
          data={ranked}
          onRowClick={(_event, row) =>
            row && onViewServices(ownerWithDescendants(row.owner, all ?? []))
          }
        />
      </div>
    </div>
  );
};
