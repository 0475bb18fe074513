export interface Config {
  /** Prodready: production readiness of catalog entities. */
  readiness?: {
    /**
     * Base URL of the check documentation pages (the `docs/checks` folder of the Prodready
     * repository), e.g. `https://github.com/acme/prodready/blob/main/docs/checks`. Each check links
     * to `<docsBaseUrl>/<check-id>.md`. When unset, the UI prints the page's path in the repository.
     * @visibility frontend
     */
    docsBaseUrl?: string;
  };
}
