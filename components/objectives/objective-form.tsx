'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { parseObjectiveExpression, validateObjectiveName } from '@/lib/domain/objectives';
import { ExpressionEditor } from './expression-editor';
import { FnmatchPreview } from './fnmatch-preview';
import type { TExpressionReport, TFnmatchPreview } from './types';
import { ErrorNote, useAction, type ServerAction } from './use-action';

type Saved = { id: string };

/**
 * Create or edit an objective. The name is fixed once created (it is the objective's identity on every
 * Anvil). Saving is refused by the server with line and column if the expression is wrong; what was
 * typed stays in the form.
 */
export function ObjectiveForm(props: {
  initial?: { id: string; name: string; expression: string; description: string | null };
  create: ServerAction<{ name: string; expression: string; description?: string }, Saved & { warnings: string[] }>;
  update: ServerAction<{ id: string; expression: string; description?: string }, Saved>;
  validate: ServerAction<{ expression: string; siteIds?: string[] }, TExpressionReport>;
  preview: ServerAction<{ expression: string }, TFnmatchPreview>;
  siteIds?: string[];
}) {
  const router = useRouter();
  const editing = Boolean(props.initial);
  const [name, setName] = useState(props.initial?.name ?? '');
  const [description, setDescription] = useState(props.initial?.description ?? '');
  const [expression, setExpression] = useState(props.initial?.expression ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const create = useAction(props.create);
  const update = useAction(props.update);
  const act = editing ? update : create;
  const nameCheck = name ? validateObjectiveName(name) : null;
  const parses = expression.trim() !== '' && parseObjectiveExpression(expression).ok;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (props.initial) {
      update.execute({ id: props.initial.id, expression, description }, () => setNotice('Saved. The reconciler updates the Anvils where it is applied.'));
    } else {
      create.execute({ name, expression, description }, (saved) => {
        const warn = saved.warnings.length ? `?note=${encodeURIComponent(saved.warnings.join(' '))}` : '';
        router.push(`/objectives/${saved.id}${warn}`);
      });
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={editing ? 'Edit objective' : 'New objective'}>
      <Field label="Name" error={act.fieldErrors.name ?? (nameCheck && !nameCheck.ok ? [nameCheck.message] : undefined)} hint={editing ? 'The name is the objective’s identity on every Anvil and cannot change.' : 'Letters, digits, “-”, “.” and “_”; at most 80 characters.'}>
        <input value={name} onChange={(e) => setName(e.target.value)} readOnly={editing} required className={`${inputClass} ${editing ? 'opacity-70' : ''}`} autoComplete="off" spellCheck={false} />
      </Field>
      <Field label="Description" error={act.fieldErrors.description}>
        <input value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} maxLength={500} />
      </Field>
      <div>
        <span className="text-sm text-muted">Expression</span>
        <div className="mt-1">
          <ExpressionEditor value={expression} onChange={setExpression} validate={props.validate} serverErrors={act.fieldErrors.expression} siteIds={props.siteIds} />
        </div>
      </div>
      <FnmatchPreview expression={expression} preview={props.preview} disabled={!parses} />
      <ErrorNote message={act.error && !act.fieldErrors.expression ? act.error : null} />
      {notice ? <p role="status" className="text-sm text-ok">{notice}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="primary" type="submit" disabled={act.pending || !parses || (!editing && !nameCheck?.ok)}>
          {act.pending ? 'Saving…' : editing ? 'Save changes' : 'Create objective'}
        </Button>
      </div>
    </form>
  );
}
