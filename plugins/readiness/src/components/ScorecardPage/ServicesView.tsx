import { CSSProperties, useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useMeasure from 'react-use/esm/useMeasure';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import SwapHorizIcon from '@material-ui/icons/SwapHoriz';
import {
  ContentHeader,
  Progress,
  ResponseErrorPanel,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  READINESS_DOMAINS,
  ReadinessSummary,
  ScorecardSort,
} from '@prodready/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import {
  hasScorecardFilter,
  PAGE_SIZES,
  ScorecardUrlState,
  toScorecardFilter,
  toScorecardQuery,
} from './scorecardSearchParams';
import { UpdateScorecardUrlState } from './useScorecardUrlState';
import { ScorecardFilters } from './ScorecardFilters';
import { NoServicesEmptyState } from './NoServicesEmptyState';
import { LevelBadge } from '../common';
import {
  DOMAIN_COLUMN_TITLES,
  DomainScoreCell,
  entityNameLabel,
  EvaluatedCell,
  ScoreWithCoverage,
  VerdictCell,
} from './readinessDisplay';

export const CSV_FILENAME = 'readiness-scorecard.csv';

/** Container width from which System and Lifecycle get columns of their own (else a line under the name). */
const WIDE_TABLE_MIN_WIDTH = 1280;

/** Below this container width the table scrolls sideways (verdict and service stay put). */
const NO_SCROLL_MIN_WIDTH = 1120;

/** Fixed, so the Service column can stick right after it when the table scrolls sideways. */
const VERDICT_COLUMN_WIDTH = 148;

const useStyles = makeStyles(theme => ({
  tableWrapper: {
    // Domain headers are rotated, so eight heat-map columns stay narrow; their sort arrow goes under the label.
    '& th': { verticalAlign: 'bottom' },
    // On narrow screens the table scrolls sideways: verdict and service stay in view.
    '& thead th:nth-child(-n+2), & tbody td:nth-child(-n+2)': {
      position: 'sticky',
      zIndex: 1,
    },
    '& thead th:nth-child(1), & tbody td:nth-child(1)': { left: 0 },
    '& thead th:nth-child(2), & tbody td:nth-child(2)': {
      left: VERDICT_COLUMN_WIDTH,
      boxShadow: `inset -1px 0 0 ${theme.palette.divider}`,
    },
    '& thead th:nth-child(-n+2)': {
      backgroundColor: theme.palette.background.paper,
      zIndex: 2,
    },
    '& tbody tr td:nth-child(-n+2)': {
      backgroundColor: theme.palette.background.paper,
    },
    '& tbody tr:nth-of-type(odd) td:nth-child(-n+2)': {
      backgroundColor: theme.palette.background.default,
    },
    '& th:has([data-heat-header]) [class*="MuiTableSortLabel-root"]': {
      flexDirection: 'column-reverse',
      alignItems: 'center',
    },
    '& th:has([data-heat-header]) [class*="MuiTableSortLabel-icon"]': {
      margin: '2px 0 0',
    },
  },
  heatHeader: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    whiteSpace: 'nowrap',
    textAlign: 'left',
    lineHeight: 1.2,
  },
  summaryLine: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    minHeight: 28,
    color: theme.palette.text.secondary,
  },
  scrollHint: { display: 'inline-flex', alignItems: 'center', gap: 4 },
  progressSlot: { height: 4, marginBottom: theme.spacing(0.5) },
  secondary: {
    color: theme.palette.text.secondary,
    fontSize: '0.75rem',
    lineHeight: 1.4,
    whiteSpace: 'nowrap',
  },
  noMatch: { padding: theme.spacing(4), textAlign: 'center' },
  nowrap: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
}));

const CELL: CSSProperties = { padding: '6px 10px' };
const HEADER: CSSProperties = { padding: '8px 10px', whiteSpace: 'nowrap' };
const HEAT_CELL: CSSProperties = { padding: '4px 3px', width: 44 };
const HEAT_HEADER: CSSProperties = {
  padding: '8px 3px',
  textAlign: 'center',
  width: 44,
};

/** material-table sorts the page it is given; the backend already sorted it, so keep its order. */
const keepServerOrder = () => 0;

type ServiceColumn = TableColumn<ReadinessSummary> & {
  field?: ScorecardSort | 'system' | 'lifecycle';
};

function buildColumns(options: {
  wide: boolean;
  sort: ScorecardSort;
  order: 'asc' | 'desc';
  secondaryClass: string;
  nowrapClass: string;
  heatHeaderClass: string;
}): ServiceColumn[] {
  const { wide, sort, order, secondaryClass, nowrapClass, heatHeaderClass } =
    options;
  const sortable = (field: ScorecardSort): Partial<ServiceColumn> => ({
    field,
    customSort: keepServerOrder,
    ...(sort === field ? { defaultSort: order } : {}),
  });
  const columns: ServiceColumn[] = [
    {
      title: 'Verdict',
      ...sortable('verdict'),
      cellStyle: {
        ...CELL,
        width: VERDICT_COLUMN_WIDTH,
        minWidth: VERDICT_COLUMN_WIDTH,
        boxSizing: 'border-box',
      },
      headerStyle: {
        ...HEADER,
        width: VERDICT_COLUMN_WIDTH,
        minWidth: VERDICT_COLUMN_WIDTH,
        boxSizing: 'border-box',
      },
      render: row => <VerdictCell verdict={row.verdict} state={row.state} />,
    },
    {
      title: 'Service',
      ...sortable('name'),
      cellStyle: { ...CELL, minWidth: 150 },
      headerStyle: HEADER,
      render: row => (
        <div>
          <EntityRefLink
            entityRef={row.entityRef}
            hideIcon
            className={nowrapClass}
          />
          {!wide && (row.system || row.lifecycle) && (
            <div className={secondaryClass}>
              {[row.system && entityNameLabel(row.system), row.lifecycle]
                .filter(Boolean)
                .join(' · ')}
            </div>
          )}
        </div>
      ),
    },
    {
      title: 'Score',
      ...sortable('score'),
      cellStyle: CELL,
      headerStyle: HEADER,
      render: row => (
        <ScoreWithCoverage score={row.score} coverage={row.coverage} />
      ),
    },
    {
      title: 'Level',
      ...sortable('level'),
      cellStyle: CELL,
      headerStyle: HEADER,
      render: row => <LevelBadge level={row.level} state={row.state} />,
    },
    ...READINESS_DOMAINS.map(
      (domain): ServiceColumn => ({
        title: (
          <span
            data-heat-header
            className={heatHeaderClass}
            aria-label={domain.title}
          >
            {DOMAIN_COLUMN_TITLES[domain.id]}
          </span>
        ),
        tooltip: `${domain.title}: ${domain.description}`,
        ...sortable(`domain:${domain.id}`),
        align: 'center',
        cellStyle: HEAT_CELL,
        headerStyle: HEAT_HEADER,
        render: row => (
          <DomainScoreCell
            domainTitle={domain.title}
            score={row.domainScores?.[domain.id]}
          />
        ),
      }),
    ),
    {
      title: 'Owner',
      ...sortable('owner'),
      cellStyle: CELL,
      headerStyle: HEADER,
      render: row =>
        row.owner ? (
          <EntityRefLink
            entityRef={row.owner}
            defaultKind="group"
            hideIcon
            className={nowrapClass}
          />
        ) : (
          <span className={secondaryClass}>no owner</span>
        ),
    },
  ];
  if (wide) {
    columns.push(
      {
        title: 'System',
        field: 'system',
        sorting: false,
        cellStyle: CELL,
        headerStyle: HEADER,
        render: row =>
          row.system ? (
            <EntityRefLink
              entityRef={row.system}
              defaultKind="system"
              hideIcon
              className={nowrapClass}
            />
          ) : (
            '–'
          ),
      },
      {
        title: 'Lifecycle',
        field: 'lifecycle',
        sorting: false,
        cellStyle: CELL,
        headerStyle: HEADER,
        render: row => row.lifecycle ?? '–',
      },
    );
  }
  columns.push({
    title: 'Evaluated',
    ...sortable('evaluatedAt'),
    cellStyle: CELL,
    headerStyle: HEADER,
    render: row => (
      <EvaluatedCell evaluatedAt={row.evaluatedAt} stale={row.stale} />
    ),
  });
  return columns;
}

/** Saves a blob as a file through a temporary link. */
function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The org-wide ranking: server-side filtered, sorted and paged, all of it in the URL. */
export const ServicesView = (props: {
  state: ScorecardUrlState;
  update: UpdateScorecardUrlState;
}) => {
  const { state, update } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const [measureRef, { width }] = useMeasure<HTMLDivElement>();
  // Unmeasured (0) counts as wide: no ResizeObserver, or the first render.
  const wide = width === 0 || width >= WIDE_TABLE_MIN_WIDTH;
  const scrollsSideways = width > 0 && width < NO_SCROLL_MIN_WIDTH;

  const query = useMemo(() => toScorecardQuery(state), [state]);
  const queryKey = JSON.stringify(query);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const page = useAsync(() => api.getScorecard(query), [api, queryKey]);
  // A shared link may point past the last page once services went away: go to the last one.
  const pageCount = page.value
    ? Math.ceil(page.value.totalCount / state.limit)
    : 0;
  const pastLastPage =
    !!page.value &&
    page.value.items.length === 0 &&
    pageCount > 0 &&
    state.page > pageCount;
  useEffect(() => {
    if (pastLastPage) update({ page: pageCount }, { replace: true });
  }, [pastLastPage, pageCount, update]);

  // Owners for the owner filter; the filter still works (from the rows) if this fails.
  const owners = useAsync(() => api.getOwners(), [api]);

  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    setExporting(true);
    try {
      const blob = await api.downloadScorecardCsv({
        ...toScorecardFilter(state),
        sort: state.sort,
        order: state.order,
      });
      saveBlob(blob, CSV_FILENAME);
    } catch (e) {
      alertApi.post({
        message: `Could not export the scorecard: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setExporting(false);
    }
  };

  const columns = useMemo(
    () =>
      buildColumns({
        wide,
        sort: state.sort,
        order: state.order,
        secondaryClass: classes.secondary,
        nowrapClass: classes.nowrap,
        heatHeaderClass: classes.heatHeader,
      }),
    [
      wide,
      state.sort,
      state.order,
      classes.secondary,
      classes.nowrap,
      classes.heatHeader,
    ],
  );

  const ownerTitles = useMemo(
    () =>
      Object.fromEntries(
        (owners.value?.items ?? []).map(o => [o.owner, o.title]),
      ),
    [owners.value],
  );
  const ownerOptions = useMemo(
    () => [
      ...new Set([
        ...(owners.value?.items ?? []).map(o => o.owner),
        ...(page.value?.items ?? []).flatMap(r => (r.owner ? [r.owner] : [])),
      ]),
    ],
    [owners.value, page.value],
  );

  // material-table keys rows by `id`.
  const rows = useMemo(
    () =>
      (page.value?.items ?? []).map(item => ({ ...item, id: item.entityRef })),
    [page.value],
  );
  const filtered = hasScorecardFilter(state);
  const header = (
    <ContentHeader
      title="Services"
      description="Every service, worst first. Share the URL to share this view, filters included."
    >
      <div className={classes.actions}>
        <Button
          variant="outlined"
          color="primary"
          startIcon={<GetAppIcon />}
          onClick={exportCsv}
          disabled={exporting}
        >
          {exporting ? 'Exporting…' : 'Export CSV'}
        </Button>
        <SupportButton>
          Each row is a catalog entity mapped to Kubernetes workloads. Domain
          cells show the domain score (0-100, &quot;–&quot; when no check of the
          domain could be decided); coverage is the share of checks whose status
          is known.
        </SupportButton>
      </div>
    </ContentHeader>
  );

  if (page.value && page.value.totalCount === 0 && !filtered) {
    return (
      <>
        <ContentHeader title="Services" />
        <NoServicesEmptyState />
      </>
    );
  }

  let body;
  if (page.error) {
    body = <ResponseErrorPanel error={page.error} />;
  } else if (!page.value || pastLastPage) {
    body = <Progress />;
  } else {
    body = (
      <>
        <div className={classes.summaryLine}>
          <Typography variant="body2" role="status">
            {page.value.totalCount === 1
              ? '1 service'
              : `${page.value.totalCount} services`}
            {filtered &&
              (page.value.totalCount === 1
                ? ' matches the filters'
                : ' match the filters')}
          </Typography>
          {scrollsSideways && (
            <Typography variant="caption" className={classes.scrollHint}>
              <SwapHorizIcon fontSize="small" aria-hidden />
              Scroll the table sideways for every domain, owner and time
            </Typography>
          )}
        </div>
        <div className={classes.progressSlot}>
          {page.loading && <LinearProgress aria-label="Loading services" />}
        </div>
        <Table<ReadinessSummary>
          key={state.limit}
          options={{
            toolbar: false,
            paging: true,
            pageSize: state.limit,
            pageSizeOptions: [...PAGE_SIZES],
            search: false,
            sorting: true,
            draggable: false,
            padding: 'dense',
            emptyRowsWhenPaging: false,
            thirdSortClick: false,
            // A newly sorted column starts ascending: worst first for scores, verdicts and levels.
            keepSortDirectionOnColumnSwitch: false,
            showFirstLastPageButtons: true,
          }}
          columns={columns}
          data={rows}
          page={state.page - 1}
          totalCount={page.value.totalCount}
          onPageChange={(pageIndex, pageSize) =>
            update({ page: pageIndex + 1, limit: pageSize })
          }
          onOrderChange={(columnIndex, direction) => {
            const field = columns[columnIndex]?.field as
              | ScorecardSort
              | undefined;
            if (!field) return;
            update({
              sort: field,
              order: direction === 'desc' ? 'desc' : 'asc',
              page: 1,
            });
          }}
          emptyContent={
            <div className={classes.noMatch}>
              <Typography variant="body1" paragraph>
                No service matches these filters.
              </Typography>
              <Button
                variant="outlined"
                onClick={() =>
                  update({
                    owner: [],
                    kind: [],
                    lifecycle: [],
                    verdict: [],
                    level: [],
                    domain: undefined,
                    q: '',
                    page: 1,
                  })
                }
              >
                Clear filters
              </Button>
            </div>
          }
        />
      </>
    );
  }

  return (
    <div ref={measureRef}>
      {header}
      <ScorecardFilters
        state={state}
        update={update}
        ownerOptions={ownerOptions}
        ownerTitles={ownerTitles}
      />
      <div className={classes.tableWrapper}>{body}</div>
    </div>
  );
};
