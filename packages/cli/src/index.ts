/**
 * The `prodready` command line: the same checks as the Backstage plugin, on manifests or a
 * live cluster, so CI can stop a release before it ships.
 *
 * @packageDocumentation
 */
export { main, run, createProgram } from './program';
export type { CliIo, CliOutput } from './io';
