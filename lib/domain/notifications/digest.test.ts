import { describe, expect, it } from 'vitest';
import { addressedTo, buildDigest, DIGEST_LIST_LIMIT, escapeMrkdwn, type TPendingEvent } from './digest';
import { parsePrefs, wants } from './prefs';

const ev = (i: number, over: Partial<TPendingEvent> = {}): TPendingEvent => ({
  kind: 'assigned', title: `sh${String(i).padStart(3, '0')} assigned to you`, link: `/me/shots/a${i}`, createdAt: `2026-11-25T10:${String(i % 60).padStart(2, '0')}:00.000Z`, ...over,
});

describe('buildDigest', () => {
  it('reads one change as itself, linking to it', () => {
    const d = buildDigest([ev(1)], { baseUrl: 'https://studio.example/', fallbackLink: '/me' });
    expect(d).toMatchObject({ title: 'sh001 assigned to you', body: null, link: '/me/shots/a1', count: 1, kinds: ['assigned'] });
    expect(d.slack.text).toBe('sh001 assigned to you\nhttps://studio.example/me/shots/a1');
  });

  it('folds hundreds of changes into one short message grouped by kind', () => {
    const events = [...Array.from({ length: 300 }, (_, i) => ev(i)), ev(999, { kind: 'status', title: 'sh999 is pending review' })];
    const d = buildDigest(events, { baseUrl: null, fallbackLink: '/me' });
    expect(d.title).toBe('300 shots assigned to you · 1 status change');
    expect(d.count).toBe(301);
    expect(d.link).toBe('/me');
    expect(d.body?.split('\n')).toHaveLength(DIGEST_LIST_LIMIT + 1);
    expect(d.body).toContain('…and 286 more');
    expect(d.slack.text.length).toBeLessThan(3000);
    expect(d.slack.blocks).toHaveLength(3);
  });

  it('keeps shot names from becoming Slack links or mentions', () => {
    expect(escapeMrkdwn('<!channel> & <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
    const d = buildDigest([ev(1, { title: '<!here> sh1' }), ev(2)], { baseUrl: null, fallbackLink: '/me' });
    expect(JSON.stringify(d.slack.blocks)).not.toContain('<!here>');
  });
});

describe('notification preferences', () => {
  it('default to everything on, and survive junk field by field', () => {
    expect(parsePrefs({})).toEqual({ inApp: true, webhook: true, muted: [] });
    expect(parsePrefs(null)).toEqual({ inApp: true, webhook: true, muted: [] });
    expect(parsePrefs({ inApp: 'nope', webhook: false, muted: ['version', 'version'] })).toEqual({ inApp: true, webhook: false, muted: ['version'] });
    expect(parsePrefs({ muted: ['bogus'] })).toEqual({ inApp: true, webhook: true, muted: [] });
  });

  it('say whether a channel carries a kind', () => {
    const prefs = parsePrefs({ webhook: false, muted: ['status'] });
    expect(wants(prefs, 'inApp', 'assigned')).toBe(true);
    expect(wants(prefs, 'inApp', 'status')).toBe(false);
    expect(wants(prefs, 'webhook', 'assigned')).toBe(false);
  });
});

describe('addressedTo', () => {
  it('says whom a message is for when it goes to a studio channel', () => {
    const d = buildDigest([ev(1), ev(2)], { baseUrl: null, fallbackLink: '/me' });
    const channel = addressedTo(d.slack, 'Ana <Artist>');
    expect(channel.text.startsWith('For Ana <Artist>: 2 shots assigned to you')).toBe(true);
    expect(channel.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*For Ana &lt;Artist&gt;:* *2 shots assigned to you*' } });
    expect(channel.blocks.slice(1)).toEqual(d.slack.blocks.slice(1));
  });
});
