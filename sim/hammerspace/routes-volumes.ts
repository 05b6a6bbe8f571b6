/** Storage: one DSX volume in the local-volumes group and the shared S3 bucket every site uses. */
import { listReply, param, type AnvilRouter } from './context';
import { notFound } from './errors';
import { objectVolumeView, storageVolumeView, volumeGroupView } from './shapes';

export function registerVolumeRoutes(r: AnvilRouter): void {
  r.get('/base-storage-volumes', (ctx) => listReply(ctx, [storageVolumeView(ctx.world, ctx.anvil), objectVolumeView(ctx.world, ctx.anvil)]));
  r.get('/storage-volumes', (ctx) => listReply(ctx, [storageVolumeView(ctx.world, ctx.anvil)]));
  r.get('/storage-volumes/:id', (ctx) => {
    const v = storageVolumeView(ctx.world, ctx.anvil);
    if (param(ctx, 'id') !== v.name && param(ctx, 'id') !== v.uoid.uuid) throw notFound('Storage volume', param(ctx, 'id'));
    return { body: v };
  });
  r.get('/object-storage-volumes', (ctx) => listReply(ctx, [objectVolumeView(ctx.world, ctx.anvil)]));
  r.get('/object-storage-volumes/:id', (ctx) => {
    const v = objectVolumeView(ctx.world, ctx.anvil);
    if (param(ctx, 'id') !== v.name && param(ctx, 'id') !== v.uoid.uuid) throw notFound('Object storage volume', param(ctx, 'id'));
    return { body: v };
  });
  r.get('/volume-groups', (ctx) => listReply(ctx, [volumeGroupView(ctx.anvil)]));
}
