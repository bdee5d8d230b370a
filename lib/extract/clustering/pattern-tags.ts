import type { CodeUnit, DesignPatternKind } from "@/lib/domain";
import type { FrameworkRole } from "@/lib/extract/naming";
import { isTestFile } from "./unit-traits";

/** A tag and the signals that earn it: imported modules, called names, or code text. */
interface TagRule {
  tag: string;
  modules?: RegExp;
  calls?: RegExp;
  code?: RegExp;
  kinds?: DesignPatternKind[];
}

const rules: TagRule[] = [
  { tag: "database", modules: /^(sqlalchemy|psycopg2?|sqlite3|pymongo|motor|asyncpg|aiosqlite|django\.db|typeorm|@prisma|prisma|mongoose|sequelize|knex|pg|mysql2?|drizzle-orm|peewee|redis|ioredis)\b/, calls: /(^|\.)(execute|executemany|commit|rollback|cursor|fetchall|fetchone|findMany|findUnique|\$transaction)$/, kinds: ["db_transaction", "repository_crud"] },
  { tag: "http", modules: /^(requests|httpx|aiohttp|urllib|http|axios|node-fetch|got|undici|express|fastapi|flask|next\/server|fastify|koa)\b/, calls: /^(fetch|urlopen|axios(\.\w+)?|requests\.\w+|httpx\.\w+)$/ },
  { tag: "retry", code: /\bretr(y|ies)\b|\battempts?\b|max_tries|maxRetries/i, kinds: ["retry_backoff"] },
  { tag: "error_handling", code: /\btry\s*:|\btry\s*\{|\.catch\(|\bexcept\b/, kinds: ["error_handling_wrapper"] },
  { tag: "cache", modules: /^(functools\.(lru_cache|cache)|cachetools|lru-cache|node-cache|redis|ioredis)\b/, calls: /(^|\.)(lru_cache|cache|cached_property|memoize)$/, kinds: ["cache_memoize"] },
  { tag: "validation", modules: /^(pydantic|marshmallow|cerberus|jsonschema|zod|joi|yup|class-validator|ajv)\b/, calls: /(^|\.)(validate\w*|parse|safeParse)$/, kinds: ["validation"] },
  { tag: "io", modules: /^(node:)?(fs|fs\/promises|pathlib|shutil|io|csv|tempfile)\b/, calls: /^(open|(fs|os|shutil)\.\w+|read(File|text|lines)?|write(File|text)?)$/ },
  { tag: "logging", modules: /^(logging|loguru|structlog|winston|pino|bunyan)\b/, calls: /^(logging|logger|log|console|LOGGER|_logger|self\.log(ger)?|this\.log(ger)?)\.(debug|info|warn|warning|error|exception|critical|log)$/ },
  { tag: "concurrency", modules: /^(threading|multiprocessing|concurrent\.futures|worker_threads|asyncio\.(Lock|Semaphore|Queue|gather))\b/, calls: /(^|\.)(Lock|RLock|Semaphore|gather|create_task|run_in_executor|all|allSettled|race)$/ },
  { tag: "serialization", modules: /^(json|pickle|yaml|msgpack|marshal)\b/, calls: /^(json\.(dumps|loads|dump|load)|JSON\.(stringify|parse)|pickle\.\w+|yaml\.\w+)$/ },
  { tag: "security", modules: /^(jwt|jose|bcrypt|passlib|hashlib|hmac|secrets|crypto|node:crypto|argon2|jsonwebtoken)\b/ },
  { tag: "testing", modules: /^(pytest|unittest|vitest|jest|@jest|@testing-library|mocha|chai|sinon)\b/, calls: /^(assert\w*|expect|describe|it|test|self\.assert\w+)$/ },
];

function matches(rule: TagRule, unit: CodeUnit, kind: DesignPatternKind | null): boolean {
  if (kind && rule.kinds?.includes(kind)) return true;
  if (rule.modules && unit.importsUsed.some((module) => rule.modules!.test(module))) return true;
  if (rule.calls && unit.calls.some((call) => rule.calls!.test(call))) return true;
  return !!rule.code && rule.code.test(unit.code);
}

const roleTags: Record<string, string[]> = {
  "Route Handler": ["http"], View: ["http"], Middleware: ["http"], "Error Middleware": ["http", "error_handling"],
  Controller: ["http"], "Class-based View": ["http"], Model: ["database"], Entity: ["database"], Test: ["testing"],
  Fixture: ["testing"], Hook: ["ui"], Component: ["ui"], Task: ["concurrency"],
};

function unitTags(unit: CodeUnit, kind: DesignPatternKind | null): string[] {
  const tags: string[] = [];
  if (unit.isAsync) tags.push("async");
  if (unit.isGenerator) tags.push("generator");
  if (isTestFile(unit.file)) tags.push("testing");
  for (const rule of rules) if (matches(rule, unit, kind)) tags.push(rule.tag);
  return tags;
}

/**
 * Tags from what the occurrences really do: calls, imports, code constructs, async and
 * generator flags, the design-pattern kind itself and the framework role. A tag drawn
 * from the occurrences needs at least half of them, so one odd copy does not label all.
 */
export function patternTags(units: CodeUnit[], kind: DesignPatternKind | null, role: FrameworkRole): string[] {
  const tags = new Set<string>();
  if (kind) tags.add(kind);
  for (const tag of roleTags[role.role ?? ""] ?? []) tags.add(tag);
  if (role.framework) tags.add(role.framework.toLowerCase().replace(/[^a-z\d]+/g, "-"));
  const counts = new Map<string, number>();
  for (const unit of units) for (const tag of unitTags(unit, kind)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  for (const [tag, count] of counts) if (count * 2 >= units.length) tags.add(tag);
  return [...tags].sort();
}
