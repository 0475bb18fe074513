import { Link } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import DescriptionOutlinedIcon from '@material-ui/icons/DescriptionOutlined';
import { useCallback } from 'react';

/** Where a check's documentation page lives in the Prodready repository. @public */
export function checkDocPath(checkId: string): string {
  return `docs/checks/${checkId}.md`;
}

/**
 * The URL of a check's documentation page: `<readiness.docsBaseUrl>/<id>.md` when the app config
 * sets `readiness.docsBaseUrl` (e.g. `https://github.com/acme/prodready/blob/main/docs/checks`),
 * undefined otherwise.
 * @public
 */
export function useCheckDocUrl(): (checkId: string) => string | undefined {
  const configApi = useApi(configApiRef);
  const base = configApi.getOptionalString('readiness.docsBaseUrl');
  return useCallback(
    (checkId: string) =>
      base
        ? `${base.replace(/\/+$/, '')}/${encodeURIComponent(checkId)}.md`
        : undefined,
    [base],
  );
}

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  path: { fontFamily: theme.typography.fontFamily, wordBreak: 'break-all' },
}));

/** @public */
export interface CheckDocLinkProps {
  checkId: string;
  className?: string;
}

/**
 * A link to a check's documentation page, or its path in the repository (docs/checks/<id>.md)
 * as text when `readiness.docsBaseUrl` is not configured.
 * @public
 */
export function CheckDocLink(props: CheckDocLinkProps) {
  const { checkId, className } = props;
  const classes = useStyles();
  const url = useCheckDocUrl()(checkId);
  return (
    <Typography
      component="span"
      variant="body2"
      className={[classes.root, className].filter(Boolean).join(' ')}
    >
      <DescriptionOutlinedIcon fontSize="small" color="action" aria-hidden />
      {url ? (
        <Link to={url}>Documentation of {checkId}</Link>
      ) : (
        <span>
          Documentation:{' '}
          <code className={classes.path}>{checkDocPath(checkId)}</code> in the
          Prodready repository
        </span>
      )}
    </Typography>
  );
}
