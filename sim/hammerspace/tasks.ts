/**
 * Asynchronous tasks behind every 202: QUEUED → VALIDATING → EXECUTING → COMPLETED, one step per
 * `stepMs`. The change a task makes (create a share, add a participant) happens when it completes,
 * so a client that does not poll to the end sees the world as a real Anvil would show it.
 * A fault queued for a task kind takes the next such task to FAILED, CANCELLED, HALTED,
 * VALIDATION_FAILED, or NEVER (stays EXECUTING, for client timeouts).
 */
import { ApiError } from './errors';
import { newUuid, uoidString } from './model';

export type TaskStatus =
  | 'QUEUED' | 'VALIDATING' | 'EXECUTING' | 'RESUMED' | 'CANCELLING' | 'HALTED'
  | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'VALIDATION_FAILED';

export type FaultStatus = 'FAILED' | 'CANCELLED' | 'HALTED' | 'VALIDATION_FAILED' | 'NEVER';
export const FAULT_STATUSES: FaultStatus[] = ['FAILED', 'CANCELLED', 'HALTED', 'VALIDATION_FAILED', 'NEVER'];

export interface TaskFault {
  kind: string;
  status: FaultStatus;
  message?: string;
}

export interface TaskEntity {
  uuid: string;
  name: string;
  status: TaskStatus;
  statusMessage: string;
  created: number;
  started?: number;
  ended?: number;
  progress: number;
  paramsMap: Record<string, string>;
  ctxMap: Record<string, string>;
  resumedFromId?: string;
  executingSteps: number;
  stepStartedAt: number;
  fault?: TaskFault;
  apply: () => void;
}

const TERMINAL: TaskStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'VALIDATION_FAILED'];
export const isTerminal = (s: TaskStatus) => TERMINAL.includes(s);

export class TaskEngine {
  readonly tasks: TaskEntity[] = [];
  faults: TaskFault[] = [];

  constructor(
    private readonly clock: () => number,
    private readonly stepMs: () => number,
  ) {}

  create(opts: { name: string; params: Record<string, string>; entity?: { uuid: string; objectType: string }; apply: () => void; user?: string }): TaskEntity {
    const i = this.faults.findIndex((f) => f.kind === opts.name || f.kind === '*');
    const fault = i >= 0 ? this.faults.splice(i, 1)[0] : undefined;
    const t: TaskEntity = {
      uuid: newUuid(),
      name: opts.name,
      status: 'QUEUED',
      statusMessage: 'QUEUED',
      created: this.clock(),
      progress: 0,
      paramsMap: { ...opts.params, ...(opts.user ? { 'created-by-name': opts.user } : {}) },
      ctxMap: opts.entity ? { 'entity-uoid': uoidString(opts.entity.uuid, opts.entity.objectType) } : {},
      executingSteps: 0,
      stepStartedAt: Date.now(),
      fault,
      apply: opts.apply,
    };
    this.tasks.push(t);
    return t;
  }

  running(name: string, paramName: string): TaskEntity | undefined {
    return this.tasks.find((t) => t.name === name && t.paramsMap.name === paramName && !isTerminal(t.status) && t.status !== 'HALTED');
  }

  tick(now = Date.now()): void {
    for (const t of this.tasks) {
      if (isTerminal(t.status) || t.status === 'HALTED') continue;
      if (now - t.stepStartedAt < this.stepMs()) continue;
      t.stepStartedAt = now;
      this.step(t);
    }
  }

  private finish(t: TaskEntity, status: TaskStatus, message: string): void {
    t.status = status;
    t.statusMessage = message;
    t.ended = this.clock();
    if (status === 'COMPLETED') t.progress = 1;
  }

  private step(t: TaskEntity): void {
    const f = t.fault?.status;
    switch (t.status) {
      case 'QUEUED':
        t.status = 'VALIDATING';
        t.started = this.clock();
        break;
      case 'VALIDATING':
        if (f === 'VALIDATION_FAILED') return this.finish(t, 'VALIDATION_FAILED', t.fault?.message ?? 'Validation failed (simulated)');
        t.status = 'EXECUTING';
        t.progress = 0.1;
        break;
      case 'RESUMED':
        t.status = 'EXECUTING';
        t.started ??= this.clock();
        break;
      case 'CANCELLING':
        return this.finish(t, 'CANCELLED', 'CANCELLED');
      case 'EXECUTING':
        t.executingSteps++;
        if (f === 'NEVER') {
          t.progress = Math.min(0.9, t.progress + 0.05);
          break;
        }
        if (t.executingSteps < 2) {
          t.progress = 0.5;
          break;
        }
        if (f === 'FAILED') return this.finish(t, 'FAILED', `Status: 500, Output: ${t.fault?.message ?? 'simulated failure'}`);
        if (f === 'CANCELLED') return this.finish(t, 'CANCELLED', t.fault?.message ?? 'CANCELLED');
        if (f === 'HALTED') {
          t.status = 'HALTED';
          t.statusMessage = t.fault?.message ?? 'HALTED';
          return;
        }
        try {
          t.apply();
          this.finish(t, 'COMPLETED', 'COMPLETED');
        } catch (e) {
          const status = e instanceof ApiError ? e.status : 500;
          this.finish(t, 'FAILED', `Status: ${status}, Output: ${e instanceof Error ? e.message : String(e)}`);
        }
        break;
      default:
        break;
    }
    if (!isTerminal(t.status)) t.statusMessage = t.status;
  }

  cancel(t: TaskEntity): TaskEntity {
    if (isTerminal(t.status)) throw new ApiError(400, 'INVALID_STATE_ERROR', `Task ${t.uuid} is already ${t.status}`);
    t.status = 'CANCELLING';
    t.statusMessage = 'CANCELLING';
    t.stepStartedAt = Date.now();
    return t;
  }

  /** HALTED resumes and FAILED retries as a new task, as the CLI's task-resume does. */
  resume(t: TaskEntity): TaskEntity {
    if (t.status !== 'HALTED' && t.status !== 'FAILED') {
      throw new ApiError(400, 'INVALID_STATE_ERROR', `Task ${t.uuid} is ${t.status}; only HALTED or FAILED tasks resume`);
    }
    if (t.status === 'HALTED') this.finish(t, 'CANCELLED', 'Resumed as a new task');
    const n: TaskEntity = {
      ...t,
      uuid: newUuid(),
      status: 'RESUMED',
      statusMessage: 'RESUMED',
      created: this.clock(),
      started: undefined,
      ended: undefined,
      progress: 0.1,
      resumedFromId: t.uuid,
      executingSteps: 0,
      stepStartedAt: Date.now(),
      fault: undefined,
    };
    this.tasks.push(n);
    return n;
  }
}
