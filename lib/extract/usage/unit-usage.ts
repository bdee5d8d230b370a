import type { CodeUnit } from "@/lib/domain";

/** One place where a unit is used: the unit that uses it (undefined: module-level code) and the line. */
export interface UsageSite {
  from: CodeUnit | undefined;
  file: string;
  line: number;
}

/** A call of a method on an instance of its class, with the text of its arguments. */
export interface InstanceCall extends UsageSite {
  /** What is written between the call's parentheses (cut at 200 characters). */
  argumentsText: string;
  /** Applied as a decorator through the instance (`@app.before_request` on `from`), not called. */
  decorates?: boolean;
  /** The instance is a module-level variable (`app = Flask(__name__)`), possibly imported from another file. */
  throughModule?: boolean;
}

/**
 * How one unit is used by the rest of the repository, read after every file is extracted:
 * facts no single file shows (see `collectUsage`).
 */
export interface UnitUsage {
  /** Applied as a decorator (`@name`, `@name(...)`) to these units. */
  decorates: UsageSite[];
  /** Entered with `with name(...)` / `async with name(...)`. */
  entered: UsageSite[];
  /** Called as a method of an instance made from its class (`x = Cls(); x.on("e", f)`), or through a parameter typed with it. */
  instanceCalls: InstanceCall[];
  /** Classes extending it. */
  subclasses: CodeUnit[];
  /** Other classes extending or implementing a base of the same name (the base may be an interface or a library's class). */
  siblings: CodeUnit[];
}

/** An empty usage record. */
export function emptyUsage(): UnitUsage {
  return { decorates: [], entered: [], instanceCalls: [], subclasses: [], siblings: [] };
}
