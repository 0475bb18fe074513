/**
 * The `prodready` command line: the same checks as the Backstage plugin, on manifests or a
 * live cluster, so CI can stop a release before it ships.
 *
 * @packageDocumentation
 */
export { main, createProgram } from './program';
