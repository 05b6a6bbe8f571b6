/**
 * The Anvil REST client: the `AnvilPort` over one site's session. Identifiers (share and objective
 * names, task ids, expressions) are always URL-encoded path segments. Writes that the Anvil answers
 * with 202 are followed to the task's end before returning.
 */
import { z } from 'zod';
import type { AnvilPort, TObjectiveInput } from '@/lib/domain/hammerspace/port';
import type { TAttribute } from '@/lib/domain/hammerspace/types';
import { AppError } from '@/lib/errors';
import { anvilHttpError, anvilTransportError, isNotFound } from './errors';
import { parsePrometheusText } from './prometheus';
import {
  ZAttributeView, ZClusterView, ZFsNodeView, ZHammerscriptView, ZObjectiveView, ZParticipantView, ZPathObjectivesView, ZShareView, ZSiteView,
  toAttribute, toCluster, toExpressionCheck, toFileNode, toObjective, toParticipant, toPathObjectives, toShare, toSite,
} from './schemas';
import { segments, type AnvilSession, type RequestOptions } from './session';
import { DEFAULT_TASK_FOLLOW, followTask, type TaskFollowOptions } from './tasks';

const ZRecord = z.record(z.string(), z.unknown());

export class AnvilClient implements AnvilPort {
  constructor(
    readonly session: AnvilSession,
    private readonly opts: { metricsUrl: string | null; task: TaskFollowOptions; validateTimeoutMs: number; timeoutMs?: number } = { metricsUrl: null, task: DEFAULT_TASK_FOLLOW, validateTimeoutMs: 5_000 },
  ) {}

  /** Request options with this client's timeout (clients of one site share a session but not a timeout). */
  private o(extra: RequestOptions = {}): RequestOptions {
    return { timeoutMs: this.opts.timeoutMs, ...extra };
  }

  get label(): string {
    return this.session.label;
  }

  async localSite() {
    return toSite(await this.session.json(ZSiteView, 'GET', '/sites/local', this.o()));
  }

  async clusterState() {
    return toCluster(await this.session.json(ZClusterView, 'GET', '/cntl/state', this.o()));
  }

  async listSites() {
    return (await this.session.json(z.array(ZSiteView), 'GET', '/sites', this.o())).map(toSite);
  }

  async addRemoteSite(input: { address: string; username?: string; password?: string; trustClientCert?: boolean }) {
    const json = { address: input.address, trustClientCert: input.trustClientCert ?? true, username: input.username, password: input.password };
    return toSite(await this.session.json(ZSiteView, 'POST', '/sites', this.o({ json })));
  }

  async listShares() {
    return (await this.session.json(z.array(ZShareView), 'GET', '/shares', this.o())).map(toShare);
  }

  async getShare(name: string) {
    return toShare(await this.session.json(ZShareView, 'GET', segments`/shares/${name}`, this.o()));
  }

  async createShare(input: { name: string; path?: string; comment?: string }) {
    const res = await this.session.request('POST', '/shares', this.o({ json: { name: input.name, path: input.path ?? `/${input.name}`, comment: input.comment ?? '' } }));
    return followTask(this.session, res, `share-create ${input.name}`, this.opts.task);
  }

  async deleteShare(name: string) {
    const res = await this.session.request('DELETE', segments`/shares/${name}`, this.o());
    return followTask(this.session, res, `share-delete ${name}`, this.opts.task);
  }

  async listParticipants() {
    return (await this.session.json(z.array(ZParticipantView), 'GET', '/share-participants', this.o())).map((p) => toParticipant(p));
  }

  async addParticipant(input: { share: string; site: string; username: string; password: string }) {
    const json = { shareName: input.share, name: input.site, addSpec: { siteUsername: input.username, sitePassword: input.password } };
    const res = await this.session.request('POST', '/share-participants', this.o({ json }));
    return followTask(this.session, res, `share-participant-add ${input.site} to ${input.share}`, this.opts.task);
  }

  async removeParticipant(input: { share: string; site: string; ignoreRemoveFailures?: boolean }) {
    const res = await this.session.request('DELETE', segments`/share-participants/${input.share}/${input.site}`, this.o({ query: { ignoreRemoveFailures: input.ignoreRemoveFailures } }));
    return followTask(this.session, res, `share-participant-remove ${input.site} from ${input.share}`, this.opts.task);
  }

  async listObjectives() {
    return (await this.session.json(z.array(ZObjectiveView), 'GET', '/objectives', this.o())).map(toObjective);
  }

  async getObjective(name: string) {
    try {
      return toObjective(await this.session.json(ZObjectiveView, 'GET', segments`/objectives/${name}`, this.o()));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async createObjective(input: TObjectiveInput) {
    const json = { name: input.name, comment: input.comment ?? '', basic: false, expression: input.expression, extendedInfo: { isAdvanced: 'true', ...input.extendedInfo } };
    return toObjective(await this.session.json(ZObjectiveView, 'POST', '/objectives', this.o({ json })));
  }

  /** PUT is a full replace: read the whole view, change our fields, send it all back. */
  async updateObjective(input: TObjectiveInput) {
    const current = await this.session.json(ZRecord, 'GET', segments`/objectives/${input.name}`, this.o());
    const extendedInfo = { ...(current.extendedInfo as Record<string, string> | undefined), isAdvanced: 'true', ...input.extendedInfo };
    const json = { ...current, basic: false, expression: input.expression, comment: input.comment ?? current.comment ?? '', extendedInfo };
    return toObjective(await this.session.json(ZObjectiveView, 'PUT', segments`/objectives/${input.name}`, this.o({ json })));
  }

  async deleteObjective(name: string) {
    try {
      await this.session.request('DELETE', segments`/objectives/${name}`, this.o());
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async validateExpression(expression: string) {
    const view = await this.session.json(ZHammerscriptView, 'GET', segments`/objectives/validate/${expression}`, this.o({ timeoutMs: this.opts.validateTimeoutMs }));
    return toExpressionCheck(view);
  }

  async pathObjectives(share: string, path: string) {
    const view = await this.session.json(ZPathObjectivesView, 'GET', segments`/shares/${share}/objective-list`, this.o({ query: { path } }));
    return toPathObjectives(view, share, path);
  }

  async setObjective(share: string, path: string, objective: string, applicability = 'TRUE') {
    const query = { path, 'objective-identifier': objective, applicability };
    return toPathObjectives(await this.session.json(ZPathObjectivesView, 'POST', segments`/shares/${share}/objective-set`, this.o({ query })), share, path);
  }

  async unsetObjective(share: string, path: string, objective: string) {
    const query = { path, 'objective-identifier': objective, applicability: 'TRUE' };
    return toPathObjectives(await this.session.json(ZPathObjectivesView, 'POST', segments`/shares/${share}/objective-unset`, this.o({ query })), share, path);
  }

  async files(path: string, opts: { replicationDetails?: boolean } = {}) {
    const query = { path, includeReplicationDetails: opts.replicationDetails ? true : undefined };
    return toFileNode(await this.session.json(ZFsNodeView, 'GET', '/files', this.o({ query })));
  }

  async getAttributes(share: string, path: string) {
    return (await this.session.json(z.array(ZAttributeView), 'GET', segments`/shares/${share}/attribute`, this.o({ query: { path } }))).map(toAttribute);
  }

  async setAttribute(share: string, path: string, attribute: TAttribute) {
    const json = { name: attribute.name, type: attribute.type, value: attribute.value };
    return toAttribute(await this.session.json(ZAttributeView, 'POST', segments`/shares/${share}/attribute`, this.o({ query: { path }, json })));
  }

  /** The exporter needs no session (Prometheus scrapes it anonymously). */
  async metrics() {
    const url = this.opts.metricsUrl;
    if (!url) throw new AppError('UPSTREAM', `${this.label}: no Prometheus exporter address is known`);
    let res;
    try {
      res = await this.session.transport.send({ method: 'GET', url: new URL(url), headers: { accept: 'text/plain' }, timeoutMs: Math.min(this.opts.timeoutMs ?? 5_000, 5_000) });
    } catch (err) {
      throw anvilTransportError(`${this.label} exporter`, err, `GET ${url}`);
    }
    if (res.status >= 400) throw anvilHttpError(`${this.label} exporter`, res.status, res.text, `GET ${url}`);
    return parsePrometheusText(res.text);
  }
}
