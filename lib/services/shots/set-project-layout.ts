/**
 * Sets the publish layout a project's clips are read with: a ready-made layout, optionally with the
 * studio's own clip and Batch setup patterns. Validated exactly as the scanner will read it back, audited,
 * and followed by a full rescan (a new layout can turn files into shot clips, or stop them being ones).
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { writeProjectLayout } from '@/lib/domain/shots/project-layout';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/jobs';
import { audit } from '../audit';
import { parseInput } from '../hammerspace/parse-input';
import { publishChange } from '../live/publish-change';

const pattern = z
  .string()
  .trim()
  .max(500)
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const ZSetProjectLayout = z.object({
  projectId: z.string().min(1),
  base: z.string().min(1).max(64),
  clip: pattern,
  batch: pattern,
});

export async function setProjectLayout(actor: Actor, raw: z.input<typeof ZSetProjectLayout>): Promise<{ layout: string | null }> {
  requireRole(actor, 'admin');
  const input = parseInput(ZSetProjectLayout, raw);
  const patterns = { ...(input.clip ? { clip: input.clip } : {}), ...(input.batch ? { batch: input.batch } : {}) };
  const written = writeProjectLayout({ base: input.base, override: Object.keys(patterns).length ? { patterns } : undefined });
  if (!written.ok) {
    const field = /clip pattern|<project> and <shot>/.test(written.reason) ? 'clip' : /unknown layout/.test(written.reason) ? 'base' : 'clip';
    throw new AppError('VALIDATION', 'That layout cannot be used.', { fieldErrors: { [field]: [written.reason] } });
  }
  return db().$transaction(async (tx) => {
    const project = await tx.project.findUnique({ where: { id: input.projectId }, select: { id: true, name: true, layout: true } });
    if (!project) throw new AppError('NOT_FOUND', 'That project does not exist.');
    if (project.layout === written.text) return { layout: written.text };
    await tx.project.update({ where: { id: project.id }, data: { layout: written.text } });
    await audit(tx, actor, 'project.layout', { type: 'project', id: project.id }, `Publish layout of ${project.name} set to ${written.layout.name}`, {
      from: project.layout,
      to: written.text,
    });
    await enqueue(tx, 'shots:rescan', { reason: `layout of ${project.name} changed`, full: true }, { jobKey: 'shots:rescan:layout', queueName: 'shots-rescan' });
    await publishChange(tx, { topic: 'shots' });
    return { layout: written.text };
  });
}
