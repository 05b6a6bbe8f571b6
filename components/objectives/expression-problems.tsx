import type { TProblem } from './types';

/** One problem with the line it is on and a caret under the column, so "line 2, column 7" is visible. */
export function ProblemList({ problems, source, text }: { problems: TProblem[]; source: string; text: string }) {
  if (!problems.length) return null;
  const lines = text.split('\n');
  return (
    <ul className="space-y-2" aria-label={`${source} problems`}>
      {problems.map((p, i) => {
        const line = lines[p.line - 1] ?? '';
        return (
          <li key={i} className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm">
            <p className="text-bad" data-testid="expression-problem">
              {source}: line {p.line}, column {p.column}: {p.message}
            </p>
            {line ? (
              <pre className="mt-1 overflow-x-auto font-mono text-xs text-muted" aria-hidden="true">
                {line}
                {'\n'}
                <span className="text-bad">{' '.repeat(Math.max(0, p.column - 1))}^</span>
              </pre>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
