import { describe, expect, it } from "vitest";
import { isForeignModule } from "@/lib/extract/detectors/foreign-module";
import { detect, evidenceOf, kindsOf } from "./detect-snippet";

describe("isForeignModule", () => {
  it("tells another package's module from the file's own package, relative imports and tools", () => {
    expect(isForeignModule("asyncio", "/usr/lib/python3/dist-packages/tornado/platform/asyncio.py")).toBe(true);
    expect(isForeignModule("pg", "node_modules/sequelize/lib/dialects/postgres/connection-manager.js")).toBe(true);
    expect(isForeignModule("tornado.ioloop", "/usr/lib/python3/dist-packages/tornado/netutil.py")).toBe(false);
    expect(isForeignModule(".abc", "aiohttp/resolver.py")).toBe(false);
    expect(isForeignModule("os.path", "aiohttp/resolver.py")).toBe(false);
    expect(isForeignModule("json", "aiohttp/resolver.py")).toBe(false);
  });
});

describe("adapter: the operations of a class whose delegation profile reads as an adapter", () => {
  it("finds an operation translating onto a loop handed in typed as the library's class", async () => {
    const found = await detect(
      `import asyncio
import socket
from typing import Optional
from .abc import AbstractResolver


class ThreadedResolver(AbstractResolver):
    def __init__(self, loop: Optional[asyncio.AbstractEventLoop] = None) -> None:
        self._loop = get_running_loop(loop)

    async def resolve(self, hostname, port=0, family=socket.AF_INET):
        infos = await self._loop.getaddrinfo(hostname, port, type=socket.SOCK_STREAM, family=family)
        return [{"hostname": hostname, "host": address[0], "port": port} for _, _, _, _, address in infos]

    async def close(self) -> None:
        pass
`,
      "python",
    );
    expect(kindsOf(found, "ThreadedResolver.resolve")).toContain("adapter");
    expect(evidenceOf(found, "ThreadedResolver.resolve")).toMatch(/resolve\(\) → self\._loop\.getaddrinfo/);
  });

  it("finds operations mapping a foreign module's failures to the interface's own", async () => {
    const found = await detect(
      `import inotify_syscalls


class _SyscallsWrapper(INotifyWrapper):
    def __init__(self):
        self._last_errno = None

    def _inotify_init(self):
        try:
            fd = inotify_syscalls.inotify_init()
        except IOError as err:
            self._last_errno = err.errno
            return -1
        return fd

    def _inotify_add_watch(self, fd, pathname, mask):
        try:
            wd = inotify_syscalls.inotify_add_watch(fd, pathname, mask)
        except IOError as err:
            self._last_errno = err.errno
            return -1
        return wd
`,
      "python",
    );
    expect(kindsOf(found, "_SyscallsWrapper._inotify_add_watch")).toContain("adapter");
    expect(evidenceOf(found, "_SyscallsWrapper._inotify_add_watch")).toMatch(/maps the library's failures/);
  });

  it("leaves alone a subclass whose operations call tool modules (paths, JSON) under other names", async () => {
    const found = await detect(
      `import json
import os


class FileStore(BaseStore):
    def __init__(self, root):
        self.root = root

    def load(self, name):
        return json.loads(open(os.path.join(self.root, name)).read())

    def save(self, name, value):
        with open(os.path.join(self.root, name), "w") as handle:
            handle.write(json.dumps(value))
`,
      "python",
    );
    expect(kindsOf(found, "FileStore.load")).not.toContain("adapter");
    expect(kindsOf(found, "FileStore.save")).not.toContain("adapter");
  });

  it("leaves alone a subclass where one operation of three touches a library and the rest do their own work", async () => {
    const found = await detect(
      `import requests


class Report(BaseReport):
    def title(self):
        return self.name.upper()

    def rows(self):
        return [row for row in self.data if row]

    def publish(self, url):
        return requests.post(url, json=self.rows())
`,
      "python",
    );
    expect(kindsOf(found, "Report.publish")).not.toContain("adapter");
  });

  it("leaves alone a lone operation that calls one function of a library module", async () => {
    const found = await detect(
      `import asyncio


class MainLoop(BaseLoop):
    def make_current(self):
        self.old = asyncio.get_event_loop()
`,
      "python",
    );
    expect(kindsOf(found, "MainLoop.make_current")).not.toContain("adapter");
  });

  it("leaves alone protocol callbacks that only signal events and a context manager's enter and exit", async () => {
    const found = await detect(
      `import asyncio


class StreamProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.read_event = asyncio.Event()
        self.write_event = asyncio.Event()
        self.write_event.set()

    def data_received(self, data):
        self.read_queue.append(data)
        self.read_event.set()

    def resume_writing(self):
        self.write_event.set()


class TimerContext(BaseTimer):
    def __enter__(self):
        task = asyncio.current_task(loop=self._loop)
        self._tasks.append(task)
        return None

    def __exit__(self, exc_type, exc_val, exc_tb):
        self._tasks.pop()
        return asyncio.sleep(0)
`,
      "python",
    );
    for (const unit of ["StreamProtocol.data_received", "StreamProtocol.resume_writing", "TimerContext.__enter__", "TimerContext.__exit__"]) {
      expect(kindsOf(found, unit)).not.toContain("adapter");
    }
  });

  it("leaves alone test classes exercising a library, beside a class over a library's stream", async () => {
    const found = await detect(
      `import asyncio
from tornado import iostream
from tornado.testing import AsyncTestCase


class LockTests(AsyncTestCase):
    def test_acquire(self):
        future = asyncio.ensure_future(self.lock.acquire())
        self.io_loop.run_sync(lambda: future)

    def test_release(self):
        asyncio.get_event_loop().run_until_complete(self.lock.release())


class Connection(BaseConnection):
    def __init__(self, stream: iostream.IOStream):
        self.stream = stream

    def start_serving(self, delegate):
        self.stream.set_close_callback(delegate.on_close)

    def finish(self):
        self.stream.close_on_finish()
`,
      "python",
    );
    for (const unit of ["LockTests.test_acquire", "LockTests.test_release"]) expect(kindsOf(found, unit)).not.toContain("adapter");
    expect(kindsOf(found, "Connection.start_serving")).toContain("adapter");
  });
});
