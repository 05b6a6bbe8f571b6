/** `npm run db:migrate`: applies pending migrations to DATABASE_URL. */
import { prepareDatabase } from '../lib/db/prepare';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (npm run dev migrates the embedded database by itself.)');
  process.exit(2);
}
const result = await prepareDatabase(url);
console.log(result.applied.length ? `applied: ${result.applied.join(', ')}` : 'database is up to date');
