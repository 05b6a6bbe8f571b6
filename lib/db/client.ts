/**
 * The Prisma client (the only place the generated client is constructed). One pool per process,
 * created on first use so that importing a service costs nothing.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { env } from '@/lib/env';

export type Db = PrismaClient;
/** A transaction client or the root client: queries take an optional `tx`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const holder = globalThis as unknown as { __studioDb?: PrismaClient; __studioDbUrl?: string };

export function db(): PrismaClient {
  const url = env().DATABASE_URL;
  if (holder.__studioDb && holder.__studioDbUrl === url) return holder.__studioDb;
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  holder.__studioDb = new PrismaClient({ adapter });
  holder.__studioDbUrl = url;
  return holder.__studioDb;
}

export async function disconnectDb(): Promise<void> {
  const client = holder.__studioDb;
  holder.__studioDb = undefined;
  holder.__studioDbUrl = undefined;
  if (client) await client.$disconnect();
}
