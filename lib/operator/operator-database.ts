import { getDatabase, type Database } from "@/lib/db";
import { requireOperator } from "./require-operator";

/**
 * The database of an `/api/operator/*` request: refuses anyone but the holder of the data
 * dir's operator token (401), then hands over the database the server owns.
 */
export async function operatorDatabase(request: Request): Promise<Database> {
  requireOperator(request);
  return getDatabase();
}
