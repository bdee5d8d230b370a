import { z } from "zod";

/**
 * One database operation a Deno function asks of the server that owns the embedded data dir
 * (see remote-driver.ts): open, use and end a transaction, or run one statement outside any.
 */
export const remoteOperationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("begin") }),
  z.object({ op: z.literal("query"), transaction: z.string().optional(), text: z.string().min(1), params: z.array(z.unknown()).default([]) }),
  z.object({ op: z.literal("exec"), transaction: z.string().optional(), script: z.string().min(1) }),
  z.object({
    op: z.literal("copy"), transaction: z.string(), table: z.string(), columns: z.array(z.string()).min(1), data: z.unknown(),
  }),
  z.object({ op: z.literal("commit"), transaction: z.string() }),
  z.object({ op: z.literal("rollback"), transaction: z.string() }),
]);

/** A valid remote database operation. */
export type RemoteOperation = z.infer<typeof remoteOperationSchema>;

/**
 * A database error as it crosses the wire: its message, SQLSTATE and the constraint, table and
 * column Postgres named (toMotifError reads them), nothing else.
 */
export interface RemoteDatabaseError {
  message: string;
  sqlState?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** Header carrying the secret `motif serve` gives the Deno process it starts. */
export const functionsSecretHeader = "x-motif-functions-secret";
