import { NextResponse } from 'next/server';

// The benchmark floor (bench/pages.ts): the cheapest answer this app can give, a static JSON body with no
// session, no database and no rendering, so each page's latency is also reported as a multiple of it.
// Public on purpose; it reveals nothing and does no work.
const BODY = { ok: true, floor: 'static-json' } as const;

export function GET() {
  return NextResponse.json(BODY);
}
