/** Objective definitions (per site, synchronous 200) and expression validation. */
import { listReply, param, type AnvilRouter, type Ctx } from './context';
import { ApiError, alreadyExists, badRequest, invalid, notFound } from './errors';
import { checkExpression, validateResponse } from './expression-validate';
import { asRecord, bool, str } from './http';
import { newUuid, type ObjectiveEntity } from './model';
import { objectiveView } from './shapes-share';

const KNOWN_FIELDS = ['name', 'comment', 'basic', 'expression', 'appliedObjectives', 'extendedInfo', 'uoid', 'internalId', 'created', 'modified', 'zombie', 'hidden', 'unclearedEvents', 'errors', 'techPreview'];

function objectiveOf(ctx: Ctx): ObjectiveEntity {
  const id = param(ctx, 'id');
  const o = ctx.anvil.objective(id);
  if (!o) throw notFound('Objective', id);
  return o;
}

function checkOrThrow(ctx: Ctx, src: string, what: string): void {
  const problems = checkExpression(src, (n) => Boolean(ctx.anvil.objective(n)));
  const p = problems[0];
  if (p) throw invalid(`Invalid ${what} at line ${p.line}, column ${p.column}: ${p.message}`, [String(p.line), String(p.column), p.message]);
}

function appliedFrom(ctx: Ctx, raw: unknown): ObjectiveEntity['appliedObjectives'] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalid('appliedObjectives must be an array', ['appliedObjectives']);
  return raw.map((item) => {
    const a = asRecord(item);
    const ref = a.objective && typeof a.objective === 'object' ? asRecord(a.objective) : {};
    const name = str(ref.name) ?? str(a.name) ?? str(a.id);
    const target = name ? ctx.anvil.objective(name) : undefined;
    if (!target) throw notFound('Objective', name ?? '(none)');
    const applicability = str(a.applicability) ?? 'TRUE';
    checkOrThrow(ctx, applicability, 'applicability');
    return { objective: target.name, applicability };
  });
}

function apply(ctx: Ctx, o: ObjectiveEntity, b: Record<string, unknown>): void {
  const expression = str(b.expression);
  if (expression !== undefined && expression.trim()) checkOrThrow(ctx, expression, 'expression');
  o.comment = str(b.comment) ?? '';
  o.expression = expression?.trim() ? expression : undefined;
  o.basic = bool(b.basic) ?? !o.expression;
  o.appliedObjectives = appliedFrom(ctx, b.appliedObjectives);
  o.extendedInfo = b.extendedInfo && typeof b.extendedInfo === 'object' ? (b.extendedInfo as Record<string, string>) : {};
  o.extra = Object.fromEntries(Object.entries(b).filter(([k]) => !KNOWN_FIELDS.includes(k)));
  o.modified = ctx.anvil.now();
}

function usedBy(ctx: Ctx, o: ObjectiveEntity): string[] {
  const users: string[] = [];
  for (const s of ctx.anvil.shares) if (s.applications.some((a) => a.objective === o.name)) users.push(`share ${s.name}`);
  for (const other of ctx.anvil.objectives) {
    if (other.appliedObjectives.some((a) => a.objective === o.name)) users.push(`objective ${other.name}`);
  }
  return users;
}

export function registerObjectiveRoutes(r: AnvilRouter): void {
  r.get('/objectives', (ctx) => listReply(ctx, ctx.anvil.objectives.map(objectiveView)));
  r.get('/objectives/validate/*exp', (ctx) => ({
    body: validateResponse(param(ctx, 'exp'), (n) => Boolean(ctx.anvil.objective(n))),
  }));
  r.get('/objectives/:id', (ctx) => ({ body: objectiveView(objectiveOf(ctx)) }));

  r.post('/objectives', (ctx) => {
    const b = asRecord(ctx.body);
    const name = str(b.name)?.trim();
    if (!name) throw invalid('Objective name is required', ['name']);
    if (name.length > 80) throw invalid('Objective name must be at most 80 characters', ['name']);
    if (ctx.anvil.objective(name)) throw alreadyExists('Objective', name);
    const t = ctx.anvil.now();
    const o: ObjectiveEntity = {
      uuid: newUuid(), internalId: ctx.anvil.nextId(), name, comment: '', basic: true, appliedObjectives: [],
      extendedInfo: {}, created: t, modified: t, system: false, extra: {},
    };
    apply(ctx, o, b);
    ctx.anvil.objectives.push(o);
    return { body: objectiveView(o) };
  });

  r.put('/objectives/:id', (ctx) => {
    const o = objectiveOf(ctx);
    if (o.system) throw badRequest(`System objective ${o.name} cannot be modified`, 'VALIDATION_VIOLATION', [o.name]);
    const b = asRecord(ctx.body);
    if (str(b.name) !== undefined && b.name !== o.name) {
      if (ctx.anvil.objective(String(b.name))) throw alreadyExists('Objective', String(b.name));
      if (usedBy(ctx, o).length) throw new ApiError(400, 'ENTITY_IN_USE', `Objective ${o.name} is applied and cannot be renamed`);
      o.name = String(b.name);
    }
    apply(ctx, o, b);
    for (const s of ctx.anvil.shares) {
      const L = ctx.world.federation.get(s.logicalUuid);
      if (L) ctx.world.replication.placeAll(ctx.anvil, L);
    }
    return { body: objectiveView(o) };
  });

  r.delete('/objectives/:id', (ctx) => {
    const o = objectiveOf(ctx);
    if (o.system) throw badRequest(`System objective ${o.name} cannot be deleted`, 'VALIDATION_VIOLATION', [o.name]);
    const users = usedBy(ctx, o);
    if (users.length) throw new ApiError(400, 'DELETE_FORBIDDEN_ENTITY_USED_BY', `Objective ${o.name} is used by ${users.join(', ')}`, users);
    ctx.anvil.objectives.splice(ctx.anvil.objectives.indexOf(o), 1);
    return { body: objectiveView(o) };
  });
}
