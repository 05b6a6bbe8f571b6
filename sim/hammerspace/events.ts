/** The per-Anvil event log behind GET /events (EventView), bounded so a long demo stays small. */
import { newUuid, type EventEntity, type SourceRef } from './model';

const MAX_EVENTS = 2000;

export class EventLog {
  readonly items: EventEntity[] = [];
  private sequence = 0;

  constructor(private readonly clock: () => number) {}

  emit(type: string, severity: EventEntity['severity'], source: SourceRef, params: string[] = []): EventEntity {
    const e: EventEntity = {
      uuid: newUuid(),
      sequence: ++this.sequence,
      type,
      severity,
      source,
      params,
      created: this.clock(),
      cleared: false,
      count: 1,
    };
    this.items.push(e);
    if (this.items.length > MAX_EVENTS) this.items.splice(0, this.items.length - MAX_EVENTS);
    return e;
  }

  clear(e: EventEntity, reason: 'USER' | 'CONDITION'): void {
    if (e.cleared) return;
    e.cleared = true;
    e.clearTime = this.clock();
    e.clearReason = reason;
  }

  /** Conditions that end (a participant back UP) clear the events they raised. */
  clearCondition(type: string, sourceUuid: string): void {
    for (const e of this.items) if (e.type === type && e.source.uuid === sourceUuid) this.clear(e, 'CONDITION');
  }
}
