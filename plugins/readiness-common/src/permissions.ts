import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows creating and revoking accepted risks (waivers) through the API and the UI.
 * @public
 */
export const readinessWaiverManagePermission = createPermission({
  name: 'readiness.waiver.manage',
  attributes: { action: 'update' },
});

/**
 * Allows asking for an evaluation run now.
 * @public
 */
export const readinessRefreshPermission = createPermission({
  name: 'readiness.refresh',
  attributes: { action: 'update' },
});

/** Every permission of the readiness plugin. @public */
export const readinessPermissions = [readinessWaiverManagePermission, readinessRefreshPermission];
