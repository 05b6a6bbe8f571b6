/**
 * An admin registers a site (name, AWS region, its Anvil's URL and account) or changes the Anvil of a
 * site that is not running a workflow. The password is sealed before it is stored and never audited;
 * an empty password on an edit keeps the sealed one. A new site starts `planned`.
 */
import type { z } from 'zod';
import { db } from '@/lib/db/client';
import { actorLabel, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { hostPort } from '@/lib/domain/hammerspace/peers';
import { ZRegisterSite } from '@/lib/domain/sites/registration';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { parseInput } from '../hammerspace/parse-input';
import { publishChange } from '../live/publish-change';
import { sealSecret } from '../secrets';

const EDITABLE = new Set(['planned', 'failed', 'stopped']);

export async function registerSite(actor: Actor, raw: z.input<typeof ZRegisterSite>): Promise<{ siteId: string }> {
  requireRole(actor, 'admin');
  const input = parseInput(ZRegisterSite, raw);
  const existing = input.siteId ? await db().site.findUnique({ where: { id: input.siteId }, select: { id: true, name: true, state: true, region: true } }) : null;
  if (input.siteId && !existing) throw new AppError('NOT_FOUND', 'That site does not exist.');
  if (existing && !EDITABLE.has(existing.state)) throw new AppError('CONFLICT', `${existing.name} is ${existing.state}: its Anvil can be changed only while it is planned, failed or stopped.`);
  if (!existing && !input.anvilPassword) throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: { anvilPassword: ['Give the Anvil account’s password'] } });

  // Two sites on one Anvil would join the namespace to itself.
  const address = hostPort(input.anvilUrl);
  const others = await db().site.findMany({ where: { anvilUrl: { not: null }, id: { not: existing?.id ?? '' } }, select: { name: true, anvilUrl: true } });
  const clash = others.find((o) => hostPort(o.anvilUrl) === address);
  if (clash) throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: { anvilUrl: [`${clash.name} already uses this Anvil`] } });

  const anvil = {
    anvilUrl: input.anvilUrl, anvilUsername: input.anvilUsername, anvilTrustSelfSigned: input.trustSelfSigned,
    ...(input.anvilPassword ? { anvilPasswordEnc: sealSecret(input.anvilPassword) } : {}),
    // The health seen for the old Anvil says nothing about the new one.
    anvilHealthy: null, anvilUnreachableAt: null,
  };
  try {
    return await db().$transaction(async (tx) => {
      const row = existing
        ? await tx.site.update({ where: { id: existing.id }, data: { name: input.name, region: input.region, ...anvil }, select: { id: true } })
        : await tx.site.create({ data: { name: input.name, region: input.region, state: 'planned', launchesAllowed: false, ...anvil }, select: { id: true } });
      const what = existing ? 'site.update_anvil' : 'site.register';
      await audit(tx, actor, what, { type: 'site', id: row.id }, `${existing ? 'Updated' : 'Registered'} ${input.name} (${input.region}) with its Anvil at ${input.anvilUrl}`, {
        region: input.region, anvilUrl: input.anvilUrl, anvilUsername: input.anvilUsername, passwordChanged: Boolean(input.anvilPassword), by: actorLabel(actor),
      });
      await publishChange(tx, { topic: 'sites', id: row.id });
      return { siteId: row.id };
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') {
      const target = String((err as { meta?: { target?: unknown } }).meta?.target ?? '');
      const field = target.includes('region') ? 'region' : 'name';
      throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: { [field]: [field === 'region' ? 'Another site already uses this region' : 'Another site already has this name'] }, cause: err });
    }
    throw err;
  }
}
