// POST /functions/v1/match — see lib/edge-functions/match-function.ts.
import { matchFunction } from "@/lib/edge-functions/index.ts";
import { serveFunction } from "../_shared/serve-function.ts";

serveFunction(matchFunction);
