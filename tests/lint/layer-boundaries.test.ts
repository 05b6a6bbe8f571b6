import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of docs/architecture.md, proven against the real lint configuration.
const eslint = new ESLint();

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['components/x.tsx', "import { db } from '@/lib/db/client';", 'lib/db'],
    ['app/(console)/x/page.tsx', "import { db } from '@/lib/db/client';", 'lib/db'],
    ['app/(console)/x/page.tsx', "import { ec2 } from '@/lib/adapters/aws/ec2';", 'lib/adapters'],
    ['lib/domain/x.ts', "import { env } from '@/lib/env';", 'lib/env'],
    ['lib/domain/x.ts', "import { db } from '../db/client';", 'lib/db'],
    ['lib/services/x.ts', "import { startAwsSimulator } from '@/sim/aws/server';", 'sim/'],
    ['sim/aws/x.ts', "import { AppError } from '../../lib/errors';", 'sim/'],
    ['workers/x.ts', "import Page from '@/app/(console)/overview/page';", 'app/'],
  ])('%s may not: %s', async (file, source, named) => {
    const errors = await importErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(named);
  });

  it.each([
    ['lib/services/x.ts', "import { db } from '@/lib/db/client';"],
    ['app/(console)/x/page.tsx', "import { listSites } from '@/lib/services/sites/list-sites';"],
    ['components/x.tsx', "import { Badge } from '@/components/ui/badge';"],
  ])('%s may: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
