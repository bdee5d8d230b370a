/** Field schemas shared by several requests: tags and project references. */
import { z } from "zod";

/** A tag: lowercase words joined by underscores or dashes, as extraction writes them. */
export const tagSchema = z.string().trim().min(1).max(64).regex(/^[a-z0-9][a-z0-9_:.-]*$/, "must be lowercase letters, digits, _ : . or -");

/** A project named by slug or id. */
export const projectReferenceSchema = z.string().trim().min(1).max(100).describe("project slug or id");
