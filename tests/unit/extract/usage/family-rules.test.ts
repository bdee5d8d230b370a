import { describe, expect, it } from "vitest";
import { familyBase } from "@/lib/extract/usage";
import { evidenceIn, kindsIn, unitsWithRules } from "./repository";

// The repository-level stage's rules over families of classes across files (docs/detector-evaluation.md,
// "Session 12: usage across files"): each needs the other files, so each test is a small repository.

// Tried in session 12 and not shipped (it did not carry to the other tune half): tested so its figures can be reproduced.
describe("strategy: a base that leaves its operations to subclasses in other files", () => {
  const cache = `class CacheImpl:\n    """Provide a cache implementation."""\n\n    def __init__(self, cache):\n        self.cache = cache\n\n    def get(self, key, **kw):\n        r"""Retrieve a value.\n\n        :param key: the key.\n        """\n        raise NotImplementedError()\n\n    def set(self, key, value, **kw):\n        raise NotImplementedError()\n\n    def get_or_create(self, key, creation_function, **kw):\n        raise NotImplementedError()\n\n    def invalidate(self, key, **kw):\n        raise NotImplementedError()\n`;
  const plain = `from pkg.cache import CacheImpl\n\nclass PlainCacheImpl(CacheImpl):\n    def __init__(self, cache):\n        self.data = {}\n\n    def get(self, key, **kw):\n        return self.data.get(key)\n\n    def set(self, key, value, **kw):\n        self.data[key] = value\n`;
  const beaker = `from pkg.cache import CacheImpl\n\nclass BeakerCacheImpl(CacheImpl):\n    def get(self, key, **kw):\n        return self.cache.region.get(key)\n\n    def set(self, key, value, **kw):\n        self.cache.region.put(key, value)\n`;

  it("finds the base of a family whose implementations sit in other files", async () => {
    const units = await unitsWithRules({ "pkg/cache.py": cache, "pkg/plain.py": plain, "pkg/ext/beaker.py": beaker }, [familyBase]);
    expect(kindsIn(units, "pkg/cache.py", "CacheImpl")).toContain("strategy");
    expect(evidenceIn(units, "pkg/cache.py", "CacheImpl", "strategy")).toMatch(/leaves get, set, get_or_create to 2 subclasses, e\.g\. \w+CacheImpl \(pkg\/(plain|ext\/beaker)\.py:3\)/);
  });

  it("leaves alone a concrete base that subclasses in other files specialise, and an exception base", async () => {
    const units = await unitsWithRules({
      "pkg/connection.py": `class HTTPConnection:\n    def connect(self):\n        self.sock = make_socket()\n        return self.sock\n\nclass ProtocolError(Exception):\n    def describe(self):\n        raise NotImplementedError()\n`,
      "pkg/secure.py": `from pkg.connection import HTTPConnection, ProtocolError\n\nclass HTTPSConnection(HTTPConnection):\n    def connect(self):\n        return wrap(super().connect())\n\nclass TLSError(ProtocolError):\n    pass\n`,
      "pkg/socks.py": `from pkg.connection import HTTPConnection, ProtocolError\n\nclass SOCKSConnection(HTTPConnection):\n    def connect(self):\n        return tunnel(super().connect())\n\nclass ProxyError(ProtocolError):\n    pass\n`,
    }, [familyBase]);
    expect(kindsIn(units, "pkg/connection.py", "HTTPConnection")).not.toContain("strategy");
    expect(kindsIn(units, "pkg/connection.py", "ProtocolError")).not.toContain("strategy");
  });
});
