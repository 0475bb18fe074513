/**
 * Isomorphic parts of Prodready: domains, statuses, report types, scoring and permissions.
 * The frontend, the backend and the CLI import these so they agree by construction.
 *
 * @packageDocumentation
 */
export * from './domains';
export * from './types';
export * from './permissions';
export * from './scoring';
export * from './waivers';
export * from './report';
export * from './api';
