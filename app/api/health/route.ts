import { NextResponse } from 'next/server';

// Liveness for load balancers and the dev script: answers without touching the database.
export function GET() {
  return NextResponse.json({ ok: true });
}
