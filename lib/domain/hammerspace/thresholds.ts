/**
 * When a share's lag raises or clears an alert. A little hysteresis (clear below 80 % of the threshold)
 * keeps a lag hovering at the threshold from raising a notification every 15 seconds.
 */

export const CLEAR_RATIO = 0.8;

export type TAlertDecision = 'raise' | 'resolve' | 'keep' | 'none';

export function decideLagAlert(input: { lagSeconds: number | null; thresholdSeconds: number; open: boolean }): TAlertDecision {
  const { lagSeconds, thresholdSeconds, open } = input;
  if (lagSeconds === null || thresholdSeconds <= 0) return open ? 'keep' : 'none';
  if (lagSeconds >= thresholdSeconds) return open ? 'keep' : 'raise';
  if (open) return lagSeconds < thresholdSeconds * CLEAR_RATIO ? 'resolve' : 'keep';
  return 'none';
}

export type TLagTone = 'ok' | 'warn' | 'bad';

/** Green under half the threshold, amber up to it, red at or over it. */
export function lagTone(lagSeconds: number, thresholdSeconds: number): TLagTone {
  if (lagSeconds >= thresholdSeconds) return 'bad';
  if (lagSeconds >= thresholdSeconds / 2) return 'warn';
  return 'ok';
}

export const lagAlertKey = (shareId: string, fromSiteId: string, toSiteId: string) => `lag:${shareId}:${fromSiteId}:${toSiteId}`;
export const unreachableAlertKey = (siteId: string) => `anvil-unreachable:${siteId}`;
export const skewAlertKey = (siteId: string) => `clock-skew:${siteId}`;
