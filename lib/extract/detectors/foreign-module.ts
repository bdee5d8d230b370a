// Modules a class uses as tools (text, paths, time, logging, containers, typing), not an API it
// adapts: a class calling `os.path.join` or `json.dumps` does not thereby serve another library.
const pythonTools = new Set(
  (
    "os posixpath ntpath sys re time json math logging warnings functools itertools operator typing typing_extensions collections " +
    "abc inspect copy types enum dataclasses contextlib traceback weakref threading _thread string struct binascii base64 hashlib " +
    "hmac random datetime calendar textwrap pathlib errno platform uuid numbers decimal fractions heapq bisect array queue " +
    "unittest pprint codecs locale gettext shutil tempfile glob fnmatch stat io pickle copyreg keyword builtins __future__ " +
    "atexit gc importlib pkgutil attr attrs six"
  ).split(" "),
);
const scriptTools = new Set("tslib util path assert events buffer process url querystring string_decoder".split(" "));

/** The top-level name of a module specifier (`tornado.netutil` → tornado, `@mikro-orm/core/x` → @mikro-orm/core, `node:net` → net). */
export function moduleTop(module: string): string {
  const bare = module.replace(/^node:/, "");
  if (bare.startsWith("@")) return bare.split("/").slice(0, 2).join("/");
  return bare.split(/[./]/)[0] ?? bare;
}

/**
 * Whether an imported module lies outside the unit's own package and is not a mere tool:
 * not relative, not the top-level package the file sits in (`from tornado.ioloop import …`
 * inside `tornado/netutil.py`), not a text/path/time/container
 * utility. Such a module's objects are what an adapter translates onto.
 */
export function isForeignModule(module: string, file: string): boolean {
  if (!module || module.startsWith(".") || module.startsWith("/")) return false;
  const top = moduleTop(module);
  if (!top || pythonTools.has(top) || scriptTools.has(top)) return false;
  return !ownSegments(file).has(top.replace(/^@[^/]+\//, ""));
}

const segmentsByFile = new Map<string, Set<string>>();

/** The directory names of a file (`…/tornado/platform/asyncio.py` → tornado, platform, …; not the file's own name, which shadows nothing). */
function ownSegments(file: string): Set<string> {
  let segments = segmentsByFile.get(file);
  if (!segments) {
    const parts = file.split(/[\\/]/).filter((part) => part && part !== "." && part !== "..");
    parts.pop();
    segments = new Set(parts);
    if (segmentsByFile.size > 5000) segmentsByFile.clear();
    segmentsByFile.set(file, segments);
  }
  return segments;
}
