import { describe, expect, it } from "vitest";
import { detect, evidenceOf, kindsOf } from "./detect-snippet";

describe("validation: a check named at the end of its name answers yes or no", () => {
  it("finds host_is_valid and authority_is_valid answering with other checks' verdicts", async () => {
    const found = await detect(
      `def host_is_valid(host, require=False):
    validated = is_valid(host, HOST_MATCHER, require)
    if validated and host is not None and IPv4_MATCHER.match(host):
        return valid_ipv4_host_address(host)
    return validated


def authority_is_valid(authority, host=None, require=False):
    validated = is_valid(authority, SUBAUTHORITY_MATCHER, require)
    if validated and host is not None:
        return host_is_valid(host, require)
    return validated


def scheme_is_valid(scheme, require=False):
    return is_valid(scheme, SCHEME_MATCHER, require)
`,
      "python",
    );
    expect(kindsOf(found, "host_is_valid")).toContain("validation");
    expect(kindsOf(found, "authority_is_valid")).toContain("validation");
    expect(kindsOf(found, "scheme_is_valid")).toContain("validation");
    expect(evidenceOf(found, "scheme_is_valid")).toMatch(/answers yes or no: is_valid\(scheme/);
  });

  it("leaves out a function named for validity that returns a computed value, not a yes or no", async () => {
    const found = await detect(
      `def config_is_valid(path):
    return load_config(path)
`,
      "python",
    );
    expect(kindsOf(found, "config_is_valid")).not.toContain("validation");
  });
});

describe("validation: checking by calling other checks, or acting on a validator's verdict", () => {
  it("finds a validate method made of calls to other checks of its input", async () => {
    const found = await detect(
      `class Validator(object):
    def __init__(self):
        self.allow_password = True
        self.allowed_schemes = set()

    def validate(self, uri):
        if not self.allow_password:
            check_password(uri)
        required = [name for name, needed in self.required.items() if needed]
        if required:
            ensure_required_components_exist(uri, required)
        ensure_one_of(self.allowed_schemes, uri, "scheme")
        ensure_one_of(self.allowed_hosts, uri, "host")


class Token:
    def _validate_claims(self, payload, options, leeway=0):
        if isinstance(leeway, timedelta):
            leeway = leeway.total_seconds()
        self._validate_required_claims(payload, options)
        now = timegm(datetime.now(tz=timezone.utc).utctimetuple())
        if "iat" in payload and options["verify_iat"]:
            self._validate_iat(payload, now, leeway)
        if "exp" in payload and options["verify_exp"]:
            self._validate_exp(payload, now, leeway)
`,
      "python",
    );
    expect(kindsOf(found, "Validator.validate")).toContain("validation");
    expect(evidenceOf(found, "Validator.validate")).toMatch(/calling \d other checks \((check_password|ensure_)/);
    expect(kindsOf(found, "Token._validate_claims")).toContain("validation");
  });

  it("finds a function that throws what a validator reports, and one that answers its verdict", async () => {
    const found = await detect(
      `function assert(value, struct, message) {
  const result = validate(value, struct, { message });
  if (result[0]) {
    throw result[0];
  }
}

function is(value, struct) {
  const result = validate(value, struct);
  return !result[0];
}
`,
      "javascript",
    );
    expect(kindsOf(found, "assert")).toContain("validation");
    expect(evidenceOf(found, "assert")).toMatch(/runs validate\(\) on its input/);
    expect(kindsOf(found, "is")).toContain("validation");
  });

  it("finds a function that turns a failed validate into False", async () => {
    const found = await detect(
      `def conforms(schema, document):
    try:
        schema.validate(document)
    except SchemaError:
        return False
    return True
`,
      "python",
    );
    expect(kindsOf(found, "conforms")).toContain("validation");
    expect(evidenceOf(found, "conforms")).toMatch(/returns False when a check of its input fails/);
  });

  it("leaves out work that validates first, and calls named like checks that are not", async () => {
    const found = await detect(
      `class Records:
    def store(self, record):
        self.validate(record)
        return self.db.insert(record)

    def validate_and_save(self, record):
        self.validate(record)
        self.db.insert(record)
        self.db.commit()
        self.log.info(record)


def check_started(loop, coroutine):
    ensure_future(coroutine, loop=loop)
`,
      "python",
    );
    expect(kindsOf(found, "Records.store")).not.toContain("validation");
    expect(kindsOf(found, "Records.validate_and_save")).not.toContain("validation");
    expect(kindsOf(found, "check_started")).not.toContain("validation");
  });
});

describe("factory: calling a factory class makes its product", () => {
  it("finds the __call__ of a class named for making", async () => {
    const found = await detect(
      `class _TzOffsetFactory(_TzFactory):
    def __init__(cls, *args, **kwargs):
        cls.__instances = weakref.WeakValueDictionary()

    def __call__(cls, name, offset):
        key = (name, offset)
        instance = cls.__instances.get(key, None)
        if instance is None:
            instance = cls.__instances.setdefault(key, cls.instance(name, offset))
        return instance
`,
      "python",
    );
    expect(kindsOf(found, "_TzOffsetFactory.__call__")).toContain("factory");
    expect(evidenceOf(found, "_TzOffsetFactory.__call__")).toMatch(/__call__\(\) creates and returns a product of _TzOffsetFactory/);
  });

  it("leaves out a __call__ of a class not named for making, and one that returns nothing", async () => {
    const found = await detect(
      `class Runner:
    def __call__(self, job):
        return job.run()


class CounterFactory:
    def __call__(self):
        self.count += 1
`,
      "python",
    );
    expect(kindsOf(found, "Runner.__call__")).not.toContain("factory");
    expect(kindsOf(found, "CounterFactory.__call__")).not.toContain("factory");
  });
});
