import { ChangeEvent, useEffect, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import SearchIcon from '@material-ui/icons/Search';
import ClearAllIcon from '@material-ui/icons/ClearAll';
import {
  isReadinessDomainId,
  READINESS_DOMAINS,
  READINESS_LEVELS,
  ReadinessLevel,
  Verdict,
} from '@prodready/plugin-readiness-common';
import { hasScorecardFilter, ScorecardUrlState } from './scorecardSearchParams';
import { UpdateScorecardUrlState } from './useScorecardUrlState';
import { LEVEL_TITLES, ownerLabel } from './readinessDisplay';

export const SEARCH_DEBOUNCE_MS = 400;
const DEFAULT_THRESHOLD = 60;
const KIND_SUGGESTIONS = ['Component', 'Resource', 'System', 'API'];
const LIFECYCLE_SUGGESTIONS = ['production', 'experimental', 'deprecated'];
const VERDICT_TITLES: Record<Verdict, string> = { 'no-go': 'No-go', go: 'Go' };

const useStyles = makeStyles(theme => ({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    alignItems: 'start',
    gap: theme.spacing(2),
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  search: { gridColumn: 'span 2' },
  owner: {},
  narrow: {},
  domainGroup: { display: 'flex', gap: theme.spacing(1), gridColumn: 'span 2' },
  selection: {
    maxWidth: 'calc(100% - 36px)',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    paddingLeft: 6,
  },
  option: { padding: 0, marginRight: theme.spacing(1) },
  inputRoot: { flexWrap: 'nowrap' },
  domain: { flex: 1, minWidth: 0 },
  threshold: { width: 80, flexShrink: 0 },
  clear: { alignSelf: 'center', justifySelf: 'start' },
}));

/** A multi-value filter with suggestions; `freeSolo` also accepts values typed in (Enter). */
function MultiFilter<T extends string>(props: {
  label: string;
  options: T[];
  value: T[];
  onChange: (value: T[]) => void;
  getLabel?: (value: T) => string;
  freeSolo?: boolean;
  className: string;
}) {
  const { label, options, value, onChange, freeSolo, className } = props;
  const classes = useStyles();
  const getLabel = (option: T) =>
    props.getLabel ? props.getLabel(option) : option;
  return (
    <Autocomplete<T, true, false, boolean>
      className={className}
      classes={{ inputRoot: classes.inputRoot }}
      multiple
      size="small"
      disableCloseOnSelect
      freeSolo={freeSolo}
      options={options}
      value={value}
      getOptionLabel={getLabel}
      renderOption={(option, { selected }) => (
        <>
          <Checkbox
            size="small"
            checked={selected}
            className={classes.option}
          />
          {getLabel(option)}
        </>
      )}
      // One line whatever is selected: "Checkout Team +2".
      renderTags={selected => (
        <span
          className={classes.selection}
          title={selected.map(getLabel).join(', ')}
        >
          {getLabel(selected[0])}
          {selected.length > 1 ? ` +${selected.length - 1}` : ''}
        </span>
      )}
      onChange={(_event, next) =>
        onChange((next as string[]).map(v => v.trim()).filter(Boolean) as T[])
      }
      renderInput={params => (
        <TextField
          {...params}
          fullWidth
          label={label}
          variant="outlined"
          placeholder={value.length ? undefined : 'Any'}
        />
      )}
    />
  );
}

/** The filter bar of the Services view; every change goes to the URL and resets paging. */
export const ScorecardFilters = (props: {
  state: ScorecardUrlState;
  update: UpdateScorecardUrlState;
  /** Owners to suggest (from the owners rollup and the rows shown). */
  ownerOptions: string[];
  /** Titles of owners, by ref, when the rollup knows them. */
  ownerTitles?: Record<string, string | undefined>;
  kindOptions?: string[];
  lifecycleOptions?: string[];
}) => {
  const { state, update } = props;
  const classes = useStyles();
  const setFilter = (patch: Partial<ScorecardUrlState>) =>
    update({ ...patch, page: 1 });

  // Free text: typed locally, written to the URL once typing pauses.
  const [text, setText] = useState(state.q);
  const committedText = useRef(state.q);
  useEffect(() => {
    if (state.q !== committedText.current) {
      committedText.current = state.q;
      setText(state.q);
    }
  }, [state.q]);
  useDebounce(
    () => {
      const q = text.trim();
      if (q !== committedText.current) {
        committedText.current = q;
        update({ q, page: 1 }, { replace: true });
      }
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );

  // Domain threshold: same, so typing "45" does not query for "4" first.
  const [threshold, setThreshold] = useState(
    String(state.domain?.below ?? DEFAULT_THRESHOLD),
  );
  const urlThreshold = state.domain?.below;
  useEffect(() => {
    if (urlThreshold !== undefined) setThreshold(String(urlThreshold));
  }, [urlThreshold]);
  useDebounce(
    () => {
      const below = Number(threshold);
      if (
        state.domain &&
        threshold.trim() !== '' &&
        Number.isInteger(below) &&
        below >= 0 &&
        below <= 100
      ) {
        if (below !== state.domain.below)
          setFilter({ domain: { id: state.domain.id, below } });
      }
    },
    SEARCH_DEBOUNCE_MS,
    [threshold],
  );

  const ownerOptions = [
    ...new Set([...props.ownerOptions, ...state.owner]),
  ].sort((a, b) =>
    (props.ownerTitles?.[a] ?? ownerLabel(a)).localeCompare(
      props.ownerTitles?.[b] ?? ownerLabel(b),
    ),
  );
  const withSelected = (suggestions: string[], selected: string[]) => [
    ...new Set([...suggestions, ...selected]),
  ];

  return (
    <Paper className={classes.root} aria-label="Filters" role="search">
      <TextField
        id="readiness-scorecard-search"
        className={classes.search}
        fullWidth
        size="small"
        variant="outlined"
        label="Search"
        placeholder="Name, title, owner or system"
        value={text}
        onChange={(e: ChangeEvent<HTMLInputElement>) => setText(e.target.value)}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      <MultiFilter
        className={classes.owner}
        label="Owner"
        options={ownerOptions}
        value={state.owner}
        getLabel={ref => props.ownerTitles?.[ref] ?? ownerLabel(ref)}
        onChange={owner => setFilter({ owner })}
      />
      <MultiFilter
        className={classes.narrow}
        label="Kind"
        freeSolo
        options={withSelected(
          props.kindOptions ?? KIND_SUGGESTIONS,
          state.kind,
        )}
        value={state.kind}
        onChange={kind => setFilter({ kind })}
      />
      <MultiFilter
        className={classes.narrow}
        label="Lifecycle"
        freeSolo
        options={withSelected(
          props.lifecycleOptions ?? LIFECYCLE_SUGGESTIONS,
          state.lifecycle,
        )}
        value={state.lifecycle}
        onChange={lifecycle => setFilter({ lifecycle })}
      />
      <MultiFilter<Verdict>
        className={classes.narrow}
        label="Verdict"
        options={['no-go', 'go']}
        value={state.verdict}
        getLabel={v => VERDICT_TITLES[v] ?? v}
        onChange={verdict => setFilter({ verdict })}
      />
      <MultiFilter<ReadinessLevel>
        className={classes.narrow}
        label="Level"
        options={[...READINESS_LEVELS]}
        value={state.level}
        getLabel={l => (l === 'none' ? 'No level' : LEVEL_TITLES[l] ?? l)}
        onChange={level => setFilter({ level })}
      />
      <div className={classes.domainGroup}>
        <TextField
          id="readiness-scorecard-domain"
          className={classes.domain}
          select
          fullWidth
          size="small"
          variant="outlined"
          label="Domain score"
          value={state.domain?.id ?? ''}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          onChange={e => {
            const id = e.target.value;
            if (!isReadinessDomainId(id)) {
              setFilter({ domain: undefined });
              return;
            }
            const below = Number(threshold);
            setFilter({
              domain: {
                id,
                below:
                  Number.isInteger(below) && below >= 0 && below <= 100
                    ? below
                    : DEFAULT_THRESHOLD,
              },
            });
          }}
        >
          <MenuItem value="">Any domain</MenuItem>
          {READINESS_DOMAINS.map(d => (
            <MenuItem key={d.id} value={d.id}>
              {d.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="readiness-scorecard-domain-below"
          className={classes.threshold}
          size="small"
          variant="outlined"
          type="number"
          label="Below"
          disabled={!state.domain}
          value={threshold}
          inputProps={{
            min: 0,
            max: 100,
            step: 5,
            'aria-label': 'Domain score below',
          }}
          onChange={e => setThreshold(e.target.value)}
        />
      </div>
      {hasScorecardFilter(state) && (
        <Button
          className={classes.clear}
          size="small"
          startIcon={<ClearAllIcon />}
          onClick={() =>
            setFilter({
              owner: [],
              kind: [],
              lifecycle: [],
              verdict: [],
              level: [],
              domain: undefined,
              q: '',
            })
          }
        >
          Clear filters
        </Button>
      )}
    </Paper>
  );
};
