// The remote database a Deno function uses in embedded mode, end to end on real parts: a real
// PGlite (in this Deno process, standing in for the server that owns the data dir), the host
// behind a real HTTP server, and the driver speaking to it over fetch.
import { assertEquals, assertRejects } from "./assert.ts";
import { createRemoteDatabaseHost, openPgliteDatabase, openRemoteDatabase, remoteOperationSchema } from "@/lib/db/index.ts";
import { databaseErrorFields } from "@/lib/errors/index.ts";

// One PGlite for every case (it takes seconds to start); each case starts from an empty table.
const database = await openPgliteDatabase("memory://");
await database.exec(`create table notes (id serial primary key, body text not null, made timestamptz not null default now(), raw bytea)`);

const cases: Array<[string, () => Promise<void>]> = [];
const test = (name: string, fn: () => Promise<void>) => cases.push([name, fn]);

async function startHost(idleMs = 10_000) {
  await database.exec(`truncate notes`);
  const host = createRemoteDatabaseHost(database, { idleMs });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    const answer = await host.handle(remoteOperationSchema.parse(await request.json()));
    return Response.json(answer.body, { status: answer.status });
  });
  const remote = openRemoteDatabase({ url: `http://127.0.0.1:${server.addr.port}/`, secret: "unused-here" });
  return {
    database, host, remote,
    async close() {
      await host.close();
      await server.shutdown();
    },
  };
}

test("a remote transaction commits what it wrote and returns typed rows", async () => {
  const world = await startHost();
  try {
    const rows = await world.remote.transaction(async (transaction) => {
      await transaction.query(`insert into notes (body, raw) values ($1, decode('00ff', 'hex'))`, ["kept"]);
      return transaction.query<{ body: string; made: Date; raw: Uint8Array }>(`select body, made, raw from notes`);
    });
    assertEquals(rows[0].body, "kept");
    assertEquals(rows[0].made instanceof Date, true);
    assertEquals([...rows[0].raw], [0, 255]);
    assertEquals((await world.database.query(`select count(*)::int as count from notes`))[0], { count: 1 });
    assertEquals(world.host.openTransactions(), 0);
  } finally {
    await world.close();
  }
});

test("a remote transaction that throws is rolled back on the server", async () => {
  const world = await startHost();
  try {
    await assertRejects(() => world.remote.transaction(async (transaction) => {
      await transaction.query(`insert into notes (body) values ('lost')`);
      throw new Error("the function failed midway");
    }), Error, "the function failed midway");
    assertEquals((await world.database.query(`select count(*)::int as count from notes`))[0], { count: 0 });
    assertEquals(world.host.openTransactions(), 0);
  } finally {
    await world.close();
  }
});

test("a database error keeps its SQLSTATE and the column it names across the wire", async () => {
  const world = await startHost();
  try {
    const error = await assertRejects(() => world.remote.query(`insert into notes (body) values (null)`));
    const fields = databaseErrorFields(error);
    assertEquals([fields?.sqlState, fields?.column], ["23502", "body"]);
  } finally {
    await world.close();
  }
});

test("a transaction its function abandons is rolled back after the idle time", async () => {
  const world = await startHost(200);
  try {
    await assertRejects(() => world.remote.transaction(async (transaction) => {
      await transaction.query(`insert into notes (body) values ('abandoned')`);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await transaction.query(`select 1`);
    }), Error, "is not open");
    assertEquals((await world.database.query(`select count(*)::int as count from notes`))[0], { count: 0 });
    assertEquals(world.host.openTransactions(), 0);
  } finally {
    await world.close();
  }
});

Deno.test("the remote database", async (context) => {
  try {
    for (const [name, fn] of cases) await context.step(name, fn);
  } finally {
    await database.close();
  }
});
