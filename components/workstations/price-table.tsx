'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { sizedInput } from '@/components/ui/input';
import { Table, Td, Th } from '@/components/ui/table';
import { useWorkstationAction, type ActionOutcome } from './use-workstation-action';

type Price = { instanceType: string; hourlyUsd: number; inUse: boolean };
type SavePrice = (input: { instanceType: string; hourlyUsd: number }) => Promise<ActionOutcome>;

function PriceRow({ p, save }: { p: Price; save: SavePrice }) {
  const [value, setValue] = useState(String(p.hourlyUsd));
  const { execute, pending, error } = useWorkstationAction(save);
  const changed = Number(value) !== p.hourlyUsd;
  return (
    <tr>
      <Td className="font-mono text-xs">{p.instanceType}{p.inUse ? null : <span className="ml-2 text-faint">(no profile uses it)</span>}</Td>
      <Td>
        <form className="flex items-center gap-2" onSubmit={(e) => { e.preventDefault(); execute({ instanceType: p.instanceType, hourlyUsd: Number(value) }); }}>
          <span className="text-muted">$</span>
          <input aria-label={`Hourly price of ${p.instanceType}`} type="number" step="0.0001" min={0} value={value} onChange={(e) => setValue(e.target.value)} className={`${sizedInput('w-32')} tabular-nums`} />
          <Button type="submit" size="sm" disabled={!changed || pending}>Save</Button>
          {error ? <span role="alert" className="text-xs text-bad">{error}</span> : null}
        </form>
      </Td>
    </tr>
  );
}

/** The editable price list: $/hour per instance type, the basis of every cost figure. */
export function PriceTable({ prices, unpriced, save }: { prices: Price[]; unpriced: string[]; save: SavePrice }) {
  const rows = [...prices, ...unpriced.map((t) => ({ instanceType: t, hourlyUsd: 0, inUse: true }))];
  return (
    <Table label="Instance type prices">
      <thead><tr><Th>Instance type</Th><Th>On-demand $/hour</Th></tr></thead>
      <tbody>{rows.map((p) => <PriceRow key={p.instanceType} p={p} save={save} />)}</tbody>
    </Table>
  );
}
