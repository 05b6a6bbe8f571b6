import type { Tx } from './client';
import { db } from './client';

export function findUserByEmail(email: string, tx: Tx = db()) {
  return tx.user.findUnique({ where: { email: email.toLowerCase() } });
}

export function findUserById(id: string, tx: Tx = db()) {
  return tx.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, roles: true, disabled: true, timeZone: true } });
}

export function recordFailedSignIn(id: string, lockedUntil: Date | null, tx: Tx = db()) {
  return tx.user.update({ where: { id }, data: { failedSignIns: { increment: 1 }, lockedUntil } });
}

export function recordSuccessfulSignIn(id: string, tx: Tx = db()) {
  return tx.user.update({ where: { id }, data: { failedSignIns: 0, lockedUntil: null } });
}
