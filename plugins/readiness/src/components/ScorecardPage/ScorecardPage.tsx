import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Content, Header, HeaderTabs, Page } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { readinessApiRef } from '../../api';
import { OwnersView } from '../OwnersView';
import { ScorecardView } from './scorecardSearchParams';
import { useScorecardUrlState } from './useScorecardUrlState';
import { ServicesView } from './ServicesView';
import { NoServicesEmptyState } from './NoServicesEmptyState';

const TABS: Array<{ id: ScorecardView; label: string }> = [
  { id: 'services', label: 'Services' },
  { id: 'owners', label: 'Owners' },
];

/** Org-wide counts for the header: every service the caller may read, and the no-go ones. */
function useScorecardTotals() {
  const api = useApi(readinessApiRef);
  return useAsync(async () => {
    // limit 1: only totalCount is read.
    const [all, noGo] = await Promise.all([
      api.getScorecard({ limit: 1 }),
      api.getScorecard({ verdict: ['no-go'], limit: 1 }),
    ]);
    return { services: all.totalCount, noGo: noGo.totalCount };
  }, [api]);
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/**
 * The org-wide scorecard at /readiness: every service ranked, by domain, with its owner
 * (Services), and the owners ranked by their gaps (Owners). The whole view state is in the URL.
 * @public
 */
export const ScorecardPage = () => {
  const [state, update] = useScorecardUrlState();
  const totals = useScorecardTotals();

  const subtitle = totals.value
    ? `${plural(totals.value.services, 'service')}, ${totals.value.noGo} no-go`
    : 'Which services are not production-ready, and who owns each gap';

  const viewServicesOf = useCallback(
    (owner: string[]) =>
      update({
        view: 'services',
        owner,
        kind: [],
        lifecycle: [],
        verdict: [],
        level: [],
        domain: undefined,
        q: '',
        page: 1,
      }),
    [update],
  );

  const selectedIndex = TABS.findIndex(t => t.id === state.view);
  let content;
  if (totals.value && totals.value.services === 0) {
    content = <NoServicesEmptyState />;
  } else if (state.view === 'owners') {
    content = <OwnersView onViewServices={viewServicesOf} />;
  } else {
    content = <ServicesView state={state} update={update} />;
  }

  return (
    <Page themeId="tool">
      <Header title="Production readiness" subtitle={subtitle} />
      <HeaderTabs
        tabs={TABS.map(t => ({ id: t.id, label: t.label }))}
        selectedIndex={selectedIndex}
        onChange={index => update({ view: TABS[index]?.id ?? 'services' })}
      />
      <Content>{content}</Content>
    </Page>
  );
};
