/**
 * Each scenario module runs alone (`npx tsx bench/<scenario>.ts`) and is importable by bench/main.ts.
 * When run alone it prints its one JSON object on stdout (progress goes to stderr) and exits.
 */
import { pathToFileURL } from 'node:url';

export function isMain(importMetaUrl: string): boolean {
  return Boolean(process.argv[1]) && importMetaUrl === pathToFileURL(process.argv[1]!).href;
}

export function runAlone<T>(importMetaUrl: string, run: () => Promise<T>): void {
  if (!isMain(importMetaUrl)) return;
  run().then(
    (result) => {
      process.stdout.write(JSON.stringify(result) + '\n');
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

export const progress = (scenario: string, line: string) => process.stderr.write(`[bench:${scenario}] ${line}\n`);
