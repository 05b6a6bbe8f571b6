import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './prometheus';

describe('parsePrometheusText', () => {
  it('reads names, labels (with escapes) and values, skipping comments', () => {
    const text = [
      '# HELP hammerspace_filesystem_replication_send_behind Seconds behind.',
      '# TYPE hammerspace_filesystem_replication_send_behind gauge',
      'hammerspace_filesystem_replication_send_behind{share="projects",from_site="Studio West",to_site="Studio East"} 6.93',
      'hammerspace_filesystem_replication_send_behind{share="a\\"b",from_site="x\\\\y",to_site="z"} 0 1732550000000',
      'up 1',
      'bad_value{a="b"} NaN',
      'broken{a="b} 1',
      '',
    ].join('\n');
    expect(parsePrometheusText(text)).toEqual([
      { name: 'hammerspace_filesystem_replication_send_behind', labels: { share: 'projects', from_site: 'Studio West', to_site: 'Studio East' }, value: 6.93 },
      { name: 'hammerspace_filesystem_replication_send_behind', labels: { share: 'a"b', from_site: 'x\\y', to_site: 'z' }, value: 0 },
      { name: 'up', labels: {}, value: 1 },
    ]);
  });
});
