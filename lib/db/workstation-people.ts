/** The artists a workstation can be assigned to (active users holding the artist role). */
import { db, type Tx } from './client';

export function listAssignableArtists(tx: Tx = db()) {
  return tx.user.findMany({ where: { roles: { has: 'artist' }, disabled: false }, select: { id: true, name: true, email: true }, orderBy: { name: 'asc' } });
}
