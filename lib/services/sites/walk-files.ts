/**
 * Walks a namespace folder through one Anvil's `/files` (one directory per call, breadth first), with
 * limits on calls, files and depth so a huge share cannot hold a worker for ever: the caller learns the
 * walk was cut short and treats the unvisited part as unknown. Not a use case of its own.
 */
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import type { TFileNode } from '@/lib/domain/hammerspace/types';
import type { TWalkLimits } from '@/lib/domain/sites/data-copies';

export async function walkFiles(port: AnvilPort, root: string, limits: TWalkLimits, visit: (file: TFileNode) => void, opts: { replicationDetails?: boolean } = {}): Promise<{ files: number; truncated: boolean }> {
  const queue: Array<{ path: string; depth: number }> = [{ path: root, depth: 0 }];
  let calls = 0;
  let files = 0;
  while (queue.length) {
    const dir = queue.shift()!;
    if (calls >= limits.calls || dir.depth > limits.depth) return { files, truncated: true };
    calls++;
    const node = await port.files(dir.path, { replicationDetails: opts.replicationDetails });
    const entries = node.isDirectory ? node.children : [node];
    for (const child of entries) {
      if (child.isDirectory) {
        queue.push({ path: child.path, depth: dir.depth + 1 });
        continue;
      }
      if (++files > limits.files) return { files, truncated: true };
      visit(child);
    }
  }
  return { files, truncated: false };
}
