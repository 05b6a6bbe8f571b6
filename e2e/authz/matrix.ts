/**
 * The authorization matrix: who may use each entry point of the web app. tests/security/authz-matrix
 * .test.ts fails when an entry point (a page, a route handler method, a server action) has no row here or
 * when a row disagrees with the entry point's own guard; e2e/authz.spec.ts calls every one of them over
 * HTTP as anonymous, artist, producer and admin and checks the answer against this table.
 *
 * Adding an entry point? Add its row: the key is printed by the failing test. `sample` is the URL to
 * request when the path has [params] (a made-up id is fine: allowed roles get 404, others 403).
 * A row whose code has no role guard (public, or checked by hand) must say why in `note`.
 */
import type { Role } from '../../lib/domain/auth/actor';

/** 'public': anyone, signed in or not; 'signed-in': any role; or the roles allowed. */
export type Access = 'public' | 'signed-in' | readonly Role[];
export type Row = { access: Access; sample?: string; note?: string };

const ADMIN = ['admin'] as const;
const STAFF = ['admin', 'producer'] as const;
const ARTIST = ['artist'] as const;
const PROBE = 'authz-probe';

export const PAGES: Record<string, Row> = {
  '/': { access: 'signed-in', note: 'sends each person to their home; the proxy sends anonymous visitors to /sign-in' },
  '/sign-in': { access: 'public', note: 'the way in; a signed-in visitor is sent home' },
  '/overview': { access: STAFF },
  '/regions': { access: ADMIN },
  '/workstations': { access: ADMIN },
  '/workstations/profiles': { access: ADMIN },
  '/shots': { access: STAFF },
  '/shots/board': { access: STAFF },
  '/shots/[shotId]': { access: STAFF, sample: `/shots/${PROBE}` },
  '/objectives': { access: ADMIN },
  '/objectives/new': { access: ADMIN },
  '/objectives/[id]': { access: ADMIN, sample: `/objectives/${PROBE}` },
  '/replication': { access: ADMIN },
  '/audit': { access: ADMIN },
  '/settings/webhooks': { access: ADMIN },
  '/settings/notifications': { access: 'signed-in' },
  '/me': { access: ARTIST },
  '/me/shots/[id]': { access: ARTIST, sample: `/me/shots/${PROBE}` },
};

export const ROUTES: Record<string, Row> = {
  'GET /api/health': { access: 'public', note: 'load-balancer liveness; no data' },
  'GET /api/bench/floor': { access: 'public', note: 'benchmark floor: a constant JSON body, no session, no data' },
  'GET /api/auth/[...nextauth]': { access: 'public', sample: '/api/auth/session', note: 'Auth.js: session, csrf, providers, OAuth callbacks' },
  'POST /api/auth/[...nextauth]': { access: 'public', sample: '/api/auth/signout', note: 'Auth.js: sign-in/out, protected by its CSRF token and our origin check' },
  'GET /api/events': { access: 'signed-in', note: 'checks the session by hand (currentActor): a stream needs its own 401' },
  'GET /api/notifications': { access: 'signed-in' },
  'POST /api/notifications/read': { access: 'signed-in' },
  'GET /api/shots/locality': { access: STAFF, sample: `/api/shots/locality?ids=${PROBE}` },
  'GET /api/workstations/[id]/dcv': { access: ['admin', 'artist'], sample: `/api/workstations/${PROBE}/dcv` },
  'GET /api/audit/export': { access: ADMIN },
};

export const ACTIONS: Record<string, Row> = {
  'app/sign-in/actions.ts#signInWithPassword': { access: 'public', note: 'the password form; limits in lib/services/auth/sign-in-limits.ts' },
  'app/sign-in/actions.ts#signInWithSso': { access: 'public', note: 'starts the OIDC redirect' },
  'app/(console)/actions.ts#signOutAction': { access: 'public', note: 'signing out needs no permission' },
  'app/(console)/settings/notifications/actions.ts#saveNotificationPrefsAction': { access: 'signed-in' },
  'app/(console)/me/shots/actions.ts#changeMyStatusAction': { access: ARTIST },
  'app/(console)/shots/board/actions.ts#assignShotsAction': { access: STAFF },
  'app/(console)/shots/board/actions.ts#changeStatusAction': { access: STAFF },
  'app/(console)/shots/board/actions.ts#unassignShotsAction': { access: STAFF },
  'app/(console)/shots/layout-actions.ts#setLayoutAction': { access: ADMIN },
  'app/(console)/workstations/actions.ts#launchAction': { access: ADMIN },
  'app/(console)/workstations/actions.ts#startAction': { access: ['admin', 'artist'], note: 'artists: their own machine, where the site allows it (the service checks)' },
  'app/(console)/workstations/actions.ts#stopAction': { access: ['admin', 'artist'], note: 'artists: their own machine, where the site allows it (the service checks)' },
  'app/(console)/workstations/actions.ts#terminateAction': { access: ADMIN },
  'app/(console)/workstations/actions.ts#relaunchAction': { access: ADMIN },
  'app/(console)/workstations/actions.ts#adoptOrphanAction': { access: ADMIN },
  'app/(console)/workstations/actions.ts#terminateOrphanAction': { access: ADMIN },
  'app/(console)/workstations/actions.ts#updatePriceAction': { access: ADMIN },
  'app/(console)/workstations/actions.ts#saveLaunchProfileAction': { access: ADMIN },
  'app/(console)/objectives/actions.ts#validateExpressionAction': { access: ADMIN },
  'app/(console)/objectives/actions.ts#previewFnmatchAction': { access: ADMIN },
  'app/(console)/objectives/actions.ts#createObjectiveAction': { access: ADMIN },
  'app/(console)/objectives/actions.ts#updateObjectiveAction': { access: ADMIN },
  'app/(console)/objectives/actions.ts#deleteObjectiveAction': { access: ADMIN },
  'app/(console)/objectives/actions.ts#applyObjectiveAction': { access: ADMIN },
  'app/(console)/objectives/actions.ts#removeApplicationAction': { access: ADMIN },
  'app/(console)/objectives/actions.ts#applyPresetAction': { access: ADMIN },
  'app/(console)/regions/actions.ts#registerSiteAction': { access: ADMIN },
  'app/(console)/regions/actions.ts#bringUpAction': { access: ADMIN },
  'app/(console)/regions/actions.ts#checkDrainAction': { access: ADMIN },
  'app/(console)/regions/actions.ts#drainAction': { access: ADMIN },
  'app/(console)/regions/actions.ts#cancelDrainAction': { access: ADMIN },
  'app/(console)/regions/actions.ts#retryAction': { access: ADMIN },
  'app/(console)/regions/actions.ts#forceStopAction': { access: ADMIN },
  'app/(console)/replication/actions.ts#updateLagThresholdAction': { access: ADMIN },
  'app/(console)/settings/webhooks/actions.ts#createWebhookAction': { access: ADMIN },
  'app/(console)/settings/webhooks/actions.ts#deleteWebhookAction': { access: ADMIN },
  'app/(console)/settings/webhooks/actions.ts#setWebhookActiveAction': { access: ADMIN },
  'app/(console)/settings/webhooks/actions.ts#sendTestWebhookAction': { access: ADMIN },
};

export const ROLES_UNDER_TEST = ['anonymous', 'artist', 'producer', 'admin'] as const;
export type Who = (typeof ROLES_UNDER_TEST)[number];

/** Whether `who` may use an entry point with this access. */
export function allows(access: Access, who: Who): boolean {
  if (access === 'public') return true;
  if (who === 'anonymous') return false;
  return access === 'signed-in' || (access as readonly string[]).includes(who);
}
