import { describe, expect, it } from "vitest";
import { detect, kindsOf, evidenceOf } from "./detect-snippet";

describe("repository_crud: a generic repository reaching its store through an accessor", () => {
  it("marks the CRUD methods that call the entity manager the accessor hands out, qualified verbs included", async () => {
    const found = await detect(
      `class EntityRepository {
  constructor(em, entityName) {
    this.em = em;
    this.entityName = entityName;
  }
  async findOne(where) {
    return this.getEntityManager().findOne(this.entityName, where);
  }
  async insert(data) {
    return this.getEntityManager().insert(this.entityName, data);
  }
  async nativeDelete(where) {
    return this.getEntityManager().nativeDelete(this.entityName, where);
  }
  getEntityManager() {
    return this.em;
  }
}
`,
      "javascript",
    );
    for (const name of ["EntityRepository", "EntityRepository.findOne", "EntityRepository.insert", "EntityRepository.nativeDelete"]) {
      expect(kindsOf(found, name)).toContain("repository_crud");
    }
    expect(evidenceOf(found, "EntityRepository.nativeDelete")).toContain("this.em");
  });

  it("leaves a class whose CRUD-named methods only log through an accessor alone", async () => {
    const found = await detect(
      `class AuditTrail {
  constructor(logger) {
    this.logger = logger;
  }
  find(what) {
    return this.getLogger().info("find", what);
  }
  insert(what) {
    return this.getLogger().info("insert", what);
  }
  delete(what) {
    return this.getLogger().warn("delete", what);
  }
  getLogger() {
    return this.logger;
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "AuditTrail")).not.toContain("repository_crud");
    expect(kindsOf(found, "AuditTrail.insert")).not.toContain("repository_crud");
  });
});

describe("observer_event: registries that store a reference, choose the list by event name, or hand over", () => {
  it("marks connect storing a weak reference made from the receiver, and disconnect popping it through a helper", async () => {
    const found = await detect(
      `import weakref


class Signal:
    def __init__(self):
        self.receivers = {}

    def connect(self, receiver):
        receiver_ref = weakref.ref(receiver)
        self.receivers.setdefault(id(receiver), receiver_ref)
        return receiver

    def send(self, sender):
        return [ref()(sender) for ref in list(self.receivers.values())]

    def disconnect(self, receiver):
        self._disconnect(id(receiver))

    def _disconnect(self, receiver_id):
        self.receivers.pop(receiver_id, None)

    def connect_via(self, sender):
        def decorator(fn):
            self.connect(fn)
            return fn
        return decorator
`,
      "python",
    );
    for (const name of ["Signal.connect", "Signal.disconnect", "Signal._disconnect", "Signal.connect_via"]) expect(kindsOf(found, name)).toContain("observer_event");
    expect(evidenceOf(found, "Signal._disconnect")).toContain("unregisters callbacks");
    expect(evidenceOf(found, "Signal.connect_via")).toContain("self.connect");
  });

  it("marks a method returning a decorator that subscribes the function it is given", async () => {
    const found = await detect(
      `from events import listen


class Mapper:
    def listens_for(self, name):
        def decorate(fn):
            listen(self, name, fn)
            return fn
        return decorate
`,
      "python",
    );
    expect(kindsOf(found, "Mapper.listens_for")).toContain("observer_event");
    expect(evidenceOf(found, "Mapper.listens_for")).toContain("registers the function it decorates");
  });

  it("leaves a keyed store of references to plain values, and a decorator factory that only wraps, alone", async () => {
    const found = await detect(
      `import weakref


class Index:
    def __init__(self):
        self.items = {}

    def add(self, item):
        item_ref = weakref.ref(item)
        self.items.setdefault(id(item), item_ref)

    def drop(self, item_id):
        self.items.pop(item_id, None)

    def timed(self, label):
        def decorator(fn):
            def wrapper(*args):
                return fn(*args)
            return wrapper
        return decorator
`,
      "python",
    );
    for (const name of ["Index", "Index.add", "Index.drop", "Index.timed"]) expect(kindsOf(found, name)).not.toContain("observer_event");
  });

  it("marks callbacks registered into the list chosen by the event name and the methods handing that list over", async () => {
    const found = await detect(
      `class State:
    def __init__(self, on_enter=None, on_exit=None):
        self.on_enter = list(on_enter or [])
        self.on_exit = list(on_exit or [])

    def enter(self, event_data):
        event_data.machine.callbacks(self.on_enter, event_data)

    def exit(self, event_data):
        event_data.machine.callbacks(self.on_exit, event_data)

    def add_callback(self, trigger, func):
        callback_list = getattr(self, "on_" + trigger)
        callback_list.append(func)


class Event:
    def __init__(self, transitions):
        self.transitions = transitions

    def add_callback(self, trigger, func):
        for transition in self.transitions:
            transition.add_callback(trigger, func)
`,
      "python",
    );
    for (const name of ["State.enter", "State.exit", "State.add_callback", "Event.add_callback"]) expect(kindsOf(found, name)).toContain("observer_event");
    expect(evidenceOf(found, "State.enter")).toContain("hands the registered callbacks (on_*)");
    expect(evidenceOf(found, "Event.add_callback")).toContain("transition.add_callback(trigger, func)");
  });

  it("leaves tags appended to a list chosen by name, and an emit handing a message to a logger, alone", async () => {
    const found = await detect(
      `class Labels:
    def __init__(self):
        self.tags_user = []
        self.tags_system = []

    def add_tag(self, kind, tag):
        values = getattr(self, "tags_" + kind)
        values.append(tag)

    def render(self, out):
        out.write(self.tags_user)


class Reporter:
    def __init__(self, logger):
        self.logger = logger

    def emit(self, record):
        self.logger.emit(record)
`,
      "python",
    );
    for (const name of ["Labels.add_tag", "Labels.render", "Reporter.emit"]) expect(kindsOf(found, name)).not.toContain("observer_event");
  });
});

describe("observer_event: hook tables storing records, indexed dispatch, and what is not a delegate", () => {
  it("marks a hook table storing records built from the handler, its dispatch, and the methods handing over to them; no repository", async () => {
    const found = await detect(
      `class Hooks {
  constructor() {
    this._hooks = new Map();
    this._listeners = [];
  }
  onHook(eventOrHook, handler) {
    let hook;
    if (typeof eventOrHook === "string") hook = { event: eventOrHook, handler };
    else hook = eventOrHook;
    const entry = this.clone ? { ...hook } : hook;
    const handlers = this._hooks.get(hook.event);
    if (handlers) handlers.push(entry);
    else this._hooks.set(hook.event, [entry]);
  }
  addHook(event, handler) {
    this.onHook({ event, handler });
  }
  removeHook(hook) {
    this._hooks.delete(hook.event);
  }
  findHooks(event) {
    return this._hooks.get(event) ?? [];
  }
  removeHooks(hooks) {
    for (const hook of hooks) this.removeHook(hook);
  }
  getHooks(event) {
    return this._hooks.get(event);
  }
  async hook(event, ...args) {
    for (const entry of [...(this._hooks.get(event) ?? [])]) await entry.handler(...args);
  }
  callHook(event, ...args) {
    return this.hook(event, ...args);
  }
  emit(...args) {
    const listeners = this._listeners.slice();
    const count = listeners.length;
    for (let i = 0; i < count; i++) listeners[i](...args);
  }
}
`,
      "javascript",
    );
    for (const name of ["Hooks", "Hooks.onHook", "Hooks.removeHook", "Hooks.removeHooks", "Hooks.hook", "Hooks.callHook", "Hooks.emit"]) expect(kindsOf(found, name)).toContain("observer_event");
    for (const name of ["Hooks", "Hooks.addHook", "Hooks.removeHook", "Hooks.findHooks"]) expect(kindsOf(found, name)).not.toContain("repository_crud");
  });

  it("leaves a method that calls a method firing a hook, without handing anything on, alone", async () => {
    const found = await detect(
      `class App:
    def __init__(self):
        self._hooks = {"reset": []}
        self.plugins = []

    def add_hook(self, name, func):
        self._hooks[name].append(func)

    def trigger_hook(self, name, *args):
        return [hook(*args) for hook in self._hooks[name][:]]

    def reset(self):
        self.routes = []
        self.trigger_hook("reset")

    def install(self, plugin):
        self.plugins.append(plugin)
        self.reset()
        return plugin
`,
      "python",
    );
    expect(kindsOf(found, "App.trigger_hook")).toContain("observer_event");
    expect(kindsOf(found, "App.install")).not.toContain("observer_event");
  });
});

describe("singleton and factory: instances kept per key, configured classes, lower-case classes", () => {
  it("marks __new__ returning the instance its class keeps, and the class", async () => {
    const found = await detect(
      `class symbol(object):
    symbols = {}

    def __new__(cls, name):
        try:
            return cls.symbols[name]
        except KeyError:
            return cls.symbols.setdefault(name, _symbol(name))
`,
      "python",
    );
    expect(kindsOf(found, "symbol")).toContain("singleton");
    expect(kindsOf(found, "symbol.__new__")).toContain("singleton");
  });

  it("leaves a __new__ that always builds a fresh instance alone", async () => {
    const found = await detect(
      `class Point(tuple):
    registry = {}

    def __new__(cls, x, y):
        instance = super().__new__(cls, (x, y))
        cls.registry[(x, y)] = True
        return instance
`,
      "python",
    );
    expect(kindsOf(found, "Point")).not.toContain("singleton");
    expect(kindsOf(found, "Point.__new__")).not.toContain("singleton");
  });

  it("marks a getter creating the configured class once per key, and a function choosing between a lower-case class and another", async () => {
    const repositories = await detect(
      `class EntityManager {
  getRepository(entityName) {
    if (!this.repositoryMap[entityName]) {
      const RepositoryClass = this.config.getRepositoryClass(entityName);
      this.repositoryMap[entityName] = new RepositoryClass(this, entityName);
    }
    return this.repositoryMap[entityName];
  }
}
`,
      "javascript",
    );
    expect(kindsOf(repositories, "EntityManager.getRepository")).toContain("factory");
    const references = await detect(
      `from weakref import ref


class annotatable_weakref(ref):
    pass


def callable_reference(obj, callback=None):
    if hasattr(obj, "__self__") and obj.__self__ is not None:
        return BoundMethodWeakref(target=obj, on_delete=callback)
    return annotatable_weakref(obj, callback)
`,
      "python",
    );
    expect(kindsOf(references, "callable_reference")).toContain("factory");
  });

  it("leaves a getter caching a computed value, and a choice between a lower-case function and a class, alone", async () => {
    const memo = await detect(
      `class Totals {
  total(key) {
    if (!this.cache[key]) {
      this.cache[key] = compute(this.rows, key);
    }
    return this.cache[key];
  }
}
`,
      "javascript",
    );
    expect(kindsOf(memo, "Totals.total")).not.toContain("factory");
    const helpers = await detect(
      `def make_weak(obj):
    return obj


def pick(obj, callback=None):
    if callback is None:
        return Strong(obj)
    return make_weak(obj)
`,
      "python",
    );
    expect(kindsOf(helpers, "pick")).not.toContain("factory");
  });
});

describe("precision: properties, classes with a couple of creating methods, self-forwarding __call__, plain subclasses", () => {
  it("keeps a creation function and a factory class, leaves a property building a dict and a request with two parsers alone", async () => {
    const found = await detect(
      `class FormsDict(dict):
    pass


class UrlSplit(tuple):
    pass


class Request:
    @property
    def forms(self):
        forms = FormsDict()
        forms.update(self.environ)
        return forms

    def urlparts(self):
        return UrlSplit(self.environ)

    def cookies(self):
        return FormsDict(self.headers)

    def path(self):
        return self.environ["PATH"]

    def method(self):
        return self.environ["METHOD"]

    def query(self):
        return self.environ["QUERY"]

    def body(self):
        return self.environ["BODY"]


class StreamFactory:
    def tcp(self, host):
        return TcpStream(host)

    def unix(self, path):
        return UnixStream(path)


def make_stream(host):
    return TcpStream(host)
`,
      "python",
    );
    expect(kindsOf(found, "Request.forms")).not.toContain("factory");
    expect(kindsOf(found, "Request")).not.toContain("factory");
    expect(kindsOf(found, "StreamFactory")).toContain("factory");
    expect(kindsOf(found, "make_stream")).toContain("factory");
  });

  it("keeps a callable proxy forwarding to the object it wraps, leaves __call__ forwarding to the class's own method alone", async () => {
    const found = await detect(
      `class CallableProxy:
    def __init__(self, wrapped):
        self.__wrapped__ = wrapped

    def __call__(self, *args, **kwargs):
        return self.__wrapped__(*args, **kwargs)


class Route:
    def call(self, *args):
        return self.callback(*args)

    def __call__(self, *args, **kwargs):
        return self.call(*args, **kwargs)
`,
      "python",
    );
    expect(kindsOf(found, "CallableProxy")).toContain("decorator");
    expect(kindsOf(found, "Route")).not.toContain("decorator");
  });

  it("keeps a variant of a base family root, leaves a subclass specialising a concrete type alone", async () => {
    const found = await detect(
      `from triggers import BaseTrigger
from http_client import HTTPConnection


class DateTrigger(BaseTrigger):
    def get_next_fire_time(self, previous, now):
        return self.run_date if previous is None else None


class HTTPSConnection(HTTPConnection):
    def connect(self):
        self.sock = wrap(self.host)

    def set_cert(self, cert):
        self.cert = cert
`,
      "python",
    );
    expect(kindsOf(found, "DateTrigger")).toContain("strategy");
    expect(kindsOf(found, "HTTPSConnection")).not.toContain("strategy");
  });
});

describe("observer_event: ES5 emitters", () => {
  it("marks prototype methods handing the listener to a file-level registrar, and dispatch through each listener record's function", async () => {
    const found = await detect(
      `function Listener(fn, context) {
  this.fn = fn;
  this.context = context;
}

function addListener(emitter, event, fn, context) {
  var listener = new Listener(fn, context || emitter);
  if (!emitter._events[event]) emitter._events[event] = [];
  emitter._events[event].push(listener);
  return emitter;
}

function Emitter() {
  this._events = {};
}

Emitter.prototype.on = function on(event, fn, context) {
  return addListener(this, event, fn, context);
};

Emitter.prototype.emit = function emit(event, value) {
  var listeners = this._events[event] || [];
  for (var i = 0; i < listeners.length; i++) listeners[i].fn.call(listeners[i].context, value);
  return true;
};
`,
      "javascript",
    );
    for (const name of ["addListener", "Emitter.on", "Emitter.emit"]) expect(kindsOf(found, name)).toContain("observer_event");
    expect(evidenceOf(found, "Emitter.on")).toContain("addListener() stores the callback it is given");
  });

  it("leaves a function handing a callback to a file-level function that only calls it, and a loop updating records, alone", async () => {
    const found = await detect(
      `function runNow(task, fn) {
  return fn(task);
}

function Queue() {
  this.items = [];
}

Queue.prototype.process = function process(task, callback) {
  return runNow(task, callback);
};

Queue.prototype.touch = function touch(now) {
  var items = this.items;
  for (var i = 0; i < items.length; i++) items[i].stamp.update(now);
};
`,
      "javascript",
    );
    expect(kindsOf(found, "Queue.process")).not.toContain("observer_event");
    expect(kindsOf(found, "Queue.touch")).not.toContain("observer_event");
  });
});
