/**
 * RunInstances' ClientToken, derived from what the control plane intends: one workstation, one launch
 * generation. The same intent always gives the same token, so a launch retried after any crash returns
 * the original instance instead of starting a second one. A relaunch (after the instance was lost) bumps
 * the generation, which is the only way to ask EC2 for a new instance for the same row.
 */
export const MAX_CLIENT_TOKEN_LENGTH = 64;

export function clientTokenFor(workstationId: string, generation: number): string {
  if (!Number.isInteger(generation) || generation < 1) throw new Error(`launch generation must be a positive integer, got ${generation}`);
  const token = `${workstationId}-g${generation}`;
  if (token.length > MAX_CLIENT_TOKEN_LENGTH) throw new Error(`ClientToken for ${workstationId} is longer than ${MAX_CLIENT_TOKEN_LENGTH} characters`);
  // EC2 accepts ASCII only; ids are ours, but a bad one must fail here, not as a vague AWS error later.
  if (!/^[\x21-\x7e]+$/.test(token)) throw new Error(`ClientToken for ${workstationId} must be printable ASCII`);
  return token;
}

/** Workstation ids are made by the launch service from random bytes; the prefix makes them recognisable. */
export function workstationIdFrom(randomHex: string): string {
  if (!/^[0-9a-f]{16,32}$/.test(randomHex)) throw new Error('workstation ids need 16 to 32 random hex characters');
  return `ws_${randomHex}`;
}
