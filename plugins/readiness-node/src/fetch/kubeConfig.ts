import { KubeConfig } from '@kubernetes/client-node';

/**
 * One cluster as the Backstage `kubernetes` config describes it
 * (`kubernetes.clusterLocatorMethods[].clusters[]`, authProvider `serviceAccount`).
 * @public
 */
export interface KubernetesClusterConfig {
  name: string;
  /** API server URL, e.g. `https://10.0.0.1:6443` (a path prefix, as behind Rancher, is kept). */
  url: string;
  serviceAccountToken?: string;
  /** Base64-encoded PEM CA bundle. */
  caData?: string;
  /** Path to a PEM CA bundle. */
  caFile?: string;
  /** Required for `http://` URLs: client-node refuses plain HTTP otherwise. */
  skipTLSVerify?: boolean;
}

/**
 * A KubeConfig with one context for a Backstage-configured cluster: bearer token, CA and TLS
 * verification as configured.
 * @public
 */
export function kubeConfigForCluster(
  cluster: KubernetesClusterConfig,
): KubeConfig {
  const kc = new KubeConfig();
  const user = `${cluster.name}-user`;
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url.replace(/\/+$/, ''),
        skipTLSVerify: cluster.skipTLSVerify === true,
        ...(cluster.caData ? { caData: cluster.caData } : {}),
        ...(cluster.caFile ? { caFile: cluster.caFile } : {}),
      },
    ],
    // client-node applies the cluster's CA and skipTLSVerify only when the context has a user,
    // so there is always one, with or without a token.
    users: [
      {
        name: user,
        ...(cluster.serviceAccountToken
          ? { token: cluster.serviceAccountToken }
          : {}),
      },
    ],
    contexts: [{ name: cluster.name, cluster: cluster.name, user }],
    currentContext: cluster.name,
  });
  return kc;
}
