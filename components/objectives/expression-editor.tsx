'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { parseObjectiveExpression } from '@/lib/domain/objectives';
import { ProblemList } from './expression-problems';
import type { TExpressionReport } from './types';
import type { ServerAction } from './use-action';

// Each verdict remembers the text it was for, so a verdict never shows next to text it did not check.
type AnvilState = { status: 'idle' } | { status: 'checking' } | { status: 'done'; text: string; report: TExpressionReport } | { status: 'error'; text: string; message: string };

const position = (text: string, offset: number) => {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
};

/**
 * The objective expression editor: our parser runs on every keystroke (errors with line and column, and
 * a caret under the spot); once the text parses, the Anvil's own validation runs, debounced, and its
 * verdict is shown per site. The text is never changed for the user.
 */
export function ExpressionEditor(props: {
  value: string;
  onChange: (value: string) => void;
  validate: ServerAction<{ expression: string; siteIds?: string[] }, TExpressionReport>;
  serverErrors?: string[];
  siteIds?: string[];
}) {
  const { value, validate } = props;
  const parsed = useMemo(() => parseObjectiveExpression(value), [value]);
  const [cursor, setCursor] = useState({ line: 1, column: 1 });
  const [anvil, setAnvil] = useState<AnvilState>({ status: 'idle' });
  const request = useRef(0);
  const sites = (props.siteIds ?? []).join(',');

  useEffect(() => {
    const id = ++request.current;
    if (!parsed.ok || !value.trim()) return;
    const timer = setTimeout(() => {
      setAnvil({ status: 'checking' });
      validate({ expression: value, siteIds: sites ? sites.split(',') : undefined }).then(
        (r) => id === request.current && setAnvil(r.ok ? { status: 'done', text: value, report: r.data } : { status: 'error', text: value, message: r.error.userMessage }),
        () => id === request.current && setAnvil({ status: 'error', text: value, message: 'The Anvil check could not be made.' }),
      );
    }, 700);
    return () => clearTimeout(timer);
  }, [parsed.ok, value, validate, sites]);

  const track = (el: HTMLTextAreaElement) => setCursor(position(el.value, el.selectionStart));
  const problems = parsed.ok ? [] : parsed.errors;
  return (
    <div className="space-y-2">
      <textarea
        aria-label="Expression"
        aria-invalid={!parsed.ok}
        name="expression"
        value={value}
        rows={5}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          props.onChange(e.target.value);
          track(e.target);
        }}
        onSelect={(e) => track(e.currentTarget)}
        placeholder={'IF FNMATCH("*.clip",PATH) THEN {SLO(\'place-on-local-volumes\')}'}
        className="w-full rounded-md border border-line bg-canvas px-3 py-2 font-mono text-sm outline-none focus:border-accent aria-[invalid=true]:border-bad/60"
      />
      <div className="flex items-center justify-between text-xs text-faint">
        <span data-testid="expression-status">
          {!value.trim() ? 'Empty' : parsed.ok ? <span className="text-ok">Syntax OK</span> : <span className="text-bad">{problems.length} problem{problems.length === 1 ? '' : 's'}</span>}
        </span>
        <span className="tabular-nums">Ln {cursor.line}, Col {cursor.column}</span>
      </div>
      {value.trim() ? <ProblemList problems={[...problems]} source="Parser" text={value} /> : null}
      {parsed.ok && value.trim() ? <AnvilVerdict state={anvil} text={value} /> : null}
      {props.serverErrors?.length ? (
        <ul role="alert" className="space-y-1 text-sm text-bad">
          {props.serverErrors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
    </div>
  );
}

function AnvilVerdict({ state, text }: { state: AnvilState; text: string }) {
  if (state.status === 'idle' || state.status === 'checking' || state.text !== text) return <p className="text-xs text-muted">Checking with the Anvil…</p>;
  if (state.status === 'error') return <p className="text-xs text-warn">{state.message}</p>;
  if (!state.report.anvils.length) return <p className="text-xs text-muted">No Anvil to check with yet.</p>;
  return (
    <div className="space-y-2" data-testid="anvil-verdict">
      {state.report.anvils.map((a) =>
        a.ok === true ? (
          <p key={a.siteId} className="text-xs text-ok">{a.siteName}&apos;s Anvil accepts it.</p>
        ) : a.ok === null ? (
          <p key={a.siteId} className="text-xs text-warn">{a.siteName}&apos;s Anvil could not check it: {a.unavailable}</p>
        ) : (
          <ProblemList key={a.siteId} problems={a.errors} source={`${a.siteName}'s Anvil`} text={text} />
        ),
      )}
    </div>
  );
}
