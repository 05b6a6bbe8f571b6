import { Badge, stateTone } from '@/components/ui/badge';
import { STATUS_LABELS, type TBoardStatus } from '@/lib/domain/assignments/status';

/** One look per status word, on the board and the artist's pages alike. */
export function AssignmentStatusBadge({ status }: { status: TBoardStatus }) {
  return <Badge tone={status === 'unassigned' ? 'muted' : stateTone(status)}>{STATUS_LABELS[status]}</Badge>;
}
