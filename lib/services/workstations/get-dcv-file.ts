/**
 * The `.dcv` connection file for one workstation: for its artist and for admins; anyone else gets "not
 * found" (never "forbidden", which would confirm the machine exists).
 */
import { findWorkstationDetail } from '@/lib/db/workstations';
import { hasRole, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { dcvConnectionFile, dcvFileName, resolveDcvEndpoint } from '@/lib/domain/workstations/dcv';
import { AppError } from '@/lib/errors';
import { ZWorkstationId } from './get-workstation-detail';

export async function getDcvFile(actor: Actor, input: { id: string }): Promise<{ fileName: string; content: string }> {
  requireRole(actor, 'admin', 'artist');
  const { id } = ZWorkstationId.parse(input);
  const w = await findWorkstationDetail(id);
  const mine = actor.kind === 'user' && w?.artistId === actor.userId;
  if (!w || (!hasRole(actor, 'admin') && !mine)) throw new AppError('NOT_FOUND', 'That workstation does not exist.');
  const endpoint = w.lost ? null : resolveDcvEndpoint({ observedState: w.observedState, dcvHost: w.dcvHost, dcvPort: w.dcvPort, dcvSessionId: w.dcvSessionId, gatewayHost: w.site.dcvGatewayHost });
  if (!endpoint) throw new AppError('CONFLICT', `${w.name} is not running, so there is nothing to connect to yet.`);
  const user = mine && actor.kind === 'user' ? actor.email : (w.artist?.email ?? null);
  return { fileName: dcvFileName(w.name), content: dcvConnectionFile(endpoint, { user, title: w.name }) };
}
