import Link from 'next/link';
import { Badge, stateTone } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { ClipProblem } from './clip-problem';
import { LocalityBadges } from './locality-badges';
import { VersionCell, type TVersionCell } from './version-cell';

export type TShotRow = {
  id: string;
  name: string;
  versionCount: number;
  latest: TVersionCell;
  current: TVersionCell;
  parseError: string | null;
  parseErrorAt: string | null;
  missingSince: string | null;
  assignment: { status: string; artist: string } | null;
};

/** The shots of one sequence: latest and current version, where the data is, and any clip problem. */
export function ShotsTable({ sequence, shots }: { sequence: string; shots: TShotRow[] }) {
  return (
    <Table label={`Shots of ${sequence}`}>
      <thead>
        <tr>
          <Th>Shot</Th>
          <Th>Latest</Th>
          <Th>Current</Th>
          <Th>Versions</Th>
          <Th>Data</Th>
          <Th>Assignment</Th>
        </tr>
      </thead>
      <tbody>
        {shots.map((shot) => (
          <tr key={shot.id} data-testid={`shot-${shot.name}`}>
            <Td className="font-medium">
              <Link href={`/shots/${shot.id}`} className="hover:underline">
                {shot.name}
              </Link>
              <ClipProblem parseError={shot.parseError} parseErrorAt={shot.parseErrorAt} missingSince={shot.missingSince} />
            </Td>
            <Td>
              <VersionCell version={shot.latest} testId={`latest-${shot.name}`} />
            </Td>
            <Td>
              <VersionCell version={shot.current} testId={`current-${shot.name}`} />
            </Td>
            <Td className="tabular-nums">{shot.versionCount}</Td>
            <Td>
              <LocalityBadges shotId={shot.id} />
            </Td>
            <Td>
              {shot.assignment ? (
                <>
                  <Badge tone={stateTone(shot.assignment.status)}>{shot.assignment.status.replace('_', ' ')}</Badge> <span className="text-muted">{shot.assignment.artist}</span>
                </>
              ) : (
                <span className="text-faint">unassigned</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
