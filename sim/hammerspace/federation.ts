/**
 * The global namespace: one LogicalShare per GFS share, with its member sites and what each member
 * has applied. `latest` is the newest version anywhere; `views` is what each site's Anvil lists;
 * `dataAt` says which sites' folders hold the bytes of the latest version.
 */
import { newUuid } from './model';

export interface FileVersion {
  path: string;
  seq: number;
  origin: string;
  size: number;
  mtimeMs: number;
  deleted: boolean;
  /** When the change was made, on the origin site's clock. */
  stampMs: number;
}

export interface AttrVersion {
  path: string;
  name: string;
  type: string;
  value: unknown;
  seq: number;
  origin: string;
  deleted: boolean;
  stampMs: number;
}

export interface Member {
  region: string;
  participantId: number;
  adminState: 'UP' | 'DOWN' | 'DISABLED';
  created: number;
  comment: string;
  extendedInfo: Record<string, string>;
}

export const attrKey = (path: string, name: string) => `${path}\u0000${name}`;

export class LogicalShare {
  readonly members = new Map<string, Member>();
  nextParticipantId = 1;
  readonly latest = new Map<string, FileVersion>();
  readonly dataAt = new Map<string, Set<string>>();
  private readonly views = new Map<string, Map<string, FileVersion>>();
  private readonly attrViews = new Map<string, Map<string, AttrVersion>>();

  constructor(
    readonly uuid: string,
    public name: string,
    public path: string,
  ) {}

  view(region: string): Map<string, FileVersion> {
    let v = this.views.get(region);
    if (!v) this.views.set(region, (v = new Map()));
    return v;
  }

  attrs(region: string): Map<string, AttrVersion> {
    let v = this.attrViews.get(region);
    if (!v) this.attrViews.set(region, (v = new Map()));
    return v;
  }

  dropView(region: string): void {
    this.views.delete(region);
    this.attrViews.delete(region);
    for (const sites of this.dataAt.values()) sites.delete(region);
  }

  addMember(region: string, created: number): Member {
    const existing = this.members.get(region);
    if (existing) return existing;
    const m: Member = { region, participantId: this.nextParticipantId++, adminState: 'UP', created, comment: '', extendedInfo: {} };
    this.members.set(region, m);
    return m;
  }

  hasData(region: string, path: string): boolean {
    return this.dataAt.get(path)?.has(region) ?? false;
  }

  /** Files (not deleted) visible at a site. */
  liveFiles(region: string): FileVersion[] {
    return [...this.view(region).values()].filter((v) => !v.deleted);
  }

  isGlobal(): boolean {
    return this.members.size > 1;
  }
}

export class Federation {
  readonly shares = new Map<string, LogicalShare>();
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  create(name: string, path: string): LogicalShare {
    const s = new LogicalShare(newUuid(), name, path);
    this.shares.set(s.uuid, s);
    return s;
  }

  get(uuid: string): LogicalShare | undefined {
    return this.shares.get(uuid);
  }

  /** Shares in which both sites take part; used to refuse removing a remote site still in use. */
  sharedBetween(a: string, b: string): LogicalShare[] {
    return [...this.shares.values()].filter((s) => s.members.has(a) && s.members.has(b));
  }
}
