// A process that owns a data dir (MOTIF_DATA_DIR) and writes to it: 50 rows, then "ready",
// then 50 more rows once its stdin closes, then "done". Used by the data-dir lock test.
import { once } from "node:events";
import { getDatabase } from "@/lib/db";

const database = await getDatabase({ command: "lock-test holder" });
await database.exec("create table if not exists lock_probe (n int)");
for (let n = 0; n < 50; n++) await database.query("insert into lock_probe values ($1)", [n]);
process.stdout.write("ready\n");
process.stdin.resume();
await once(process.stdin, "end");
for (let n = 50; n < 100; n++) await database.query("insert into lock_probe values ($1)", [n]);
await database.close();
process.stdout.write("done\n");
