// POST /functions/v1/extract — see lib/edge-functions/extract-function.ts.
import { extractFunction } from "@/lib/edge-functions/index.ts";
import { serveFunction } from "../_shared/serve-function.ts";

serveFunction(extractFunction);
