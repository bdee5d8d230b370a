import type { DesignPatternKind } from "@/lib/domain";
import type { FeatureSink } from "./feature-sink";

/**
 * Words engineers use for each kind, written from what the kinds mean (not learned from the
 * labels). One word seen in one package teaches a model little; "lru" in one package and
 * "memoize" in another both meaning cache does, so each kind's words become one feature per
 * place they appear (`lex:cache_memoize-name`, `-members`, `-doc`, `-calls`).
 */
const lexicon: Record<DesignPatternKind, RegExp> = {
  retry_backoff: /^(retr|backoff|attempt|jitter|exponential|giveup)|^(tries|give)$/,
  singleton: /^(singleton|instance|shared|global|default|registry|borg)$/,
  factory: /^(factory|create|make|build|new|from|construct|spawn|produce|instantiate)$/,
  repository_crud: /^(repositor|dao|storage|datastore|crud|insert|upsert|entit|document|record)|^(repo|store|collection|table|model|find|save|delete|query|manager)$/,
  observer_event: /^(event|emit|listen|subscri|publish|signal|observ|notif|dispatch|trigger|callback|broadcast|receiver)|^(hook|handler|on|off|once|fire|connect|sender)$/,
  strategy: /^(strateg|polic|algorithm|backend|provider|scheme|serializ|formatter)|^(mode|engine|driver|render)$/,
  decorator: /^(decorat|wrap|functools)|^(deco|func|fn)$/,
  context_manager: /^(context|aenter|aexit|acquire|release)|^(enter|exit|closing|scope|with|lock|open|close)$/,
  builder: /^(builder|chain|fluent|configur)|^(build|with|set|add|where|select|order|limit|append|option|clone)$/,
  cache_memoize: /^(cach|memo|lru|ttl|expir|evict|stale|purge|invalidat|lfu|fifo|mru)|^(hit|miss)$/,
  validation: /^(valid|invalid|check|verif|assert|ensure|schema|constraint|sanitiz)|^(is|must|require|rule)$/,
  adapter: /^(adapt|proxy|bridge|driver|transport|socket|connection|cursor|client|shim|compat|promisif|callbackif|convert)|^(wrapper)$/,
  error_handling_wrapper: /^(error|except|fail|safe|catch|suppress|fallback|rescue|recover)|^(handle|ignore|guard|try)$/,
  db_transaction: /^(transaction|commit|rollback|atomic|savepoint|isolation)|^(begin|abort|tx|txn|session|unit)$/,
};

const kinds = Object.keys(lexicon) as DesignPatternKind[];
const groups: Record<string, string> = { n: "name", k: "name", m: "members", a: "members", doc: "doc", c: "calls", d: "calls", p: "calls", b: "calls" };
const kindsOfWord = new Map<string, DesignPatternKind[]>();

function kindsOf(word: string): DesignPatternKind[] {
  let found = kindsOfWord.get(word);
  if (!found) {
    found = kinds.filter((kind) => lexicon[kind].test(word));
    // The cache only grows with distinct identifier words; bound it so a huge corpus cannot.
    if (kindsOfWord.size < 200_000) kindsOfWord.set(word, found);
  }
  return found;
}

// Feature name → the lexicon features it brings, for the same reason as `kindsOfWord`.
const lexiconFeaturesOfFeature = new Map<string, readonly string[]>();

function lexiconFeaturesOf(name: string): readonly string[] {
  let found = lexiconFeaturesOfFeature.get(name);
  if (!found) {
    const colon = name.indexOf(":");
    const group = groups[name.slice(0, colon)];
    found = group ? kindsOf(name.slice(colon + 1)).map((kind) => `lex:${kind}-${group}`) : [];
    if (lexiconFeaturesOfFeature.size < 200_000) lexiconFeaturesOfFeature.set(name, found);
  }
  return found;
}

/** Adds a `lex:<kind>-<place>` feature for each kind word found among the unit's word features. */
export function addLexiconFeatures(sink: FeatureSink): void {
  const seen = new Set<string>();
  for (const name of sink.features.keys()) for (const feature of lexiconFeaturesOf(name)) seen.add(feature);
  for (const name of seen) sink.flag(name);
}
