import { AnyApiFactory } from '@backstage/core-plugin-api';

/** The app's own API factories; every plugin (readiness included) brings its own. */
export const apis: AnyApiFactory[] = [];
