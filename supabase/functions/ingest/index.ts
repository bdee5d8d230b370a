// POST /functions/v1/ingest — see lib/edge-functions/ingest-function.ts.
import { ingestFunction } from "@/lib/edge-functions/index.ts";
import { serveFunction } from "../_shared/serve-function.ts";

serveFunction(ingestFunction);
