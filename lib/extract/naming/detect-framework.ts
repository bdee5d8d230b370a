import type { CodeUnit, FileExtraction } from "@/lib/domain";

/** Module prefix → framework, most specific first (Next.js before React, NestJS before Express). */
const moduleFrameworks: [string, string][] = [
  ["fastapi", "FastAPI"], ["starlette", "Starlette"], ["flask", "Flask"], ["rest_framework", "Django REST Framework"],
  ["django", "Django"], ["sqlalchemy", "SQLAlchemy"], ["pydantic", "Pydantic"], ["celery", "Celery"], ["pytest", "pytest"],
  ["aiohttp", "aiohttp"], ["click", "Click"], ["typer", "Typer"], ["tornado", "Tornado"],
  ["@nestjs", "NestJS"], ["next", "Next.js"], ["react-dom", "React"], ["react", "React"], ["express", "Express"],
  ["typeorm", "TypeORM"], ["@prisma/client", "Prisma"], ["mongoose", "Mongoose"], ["sequelize", "Sequelize"],
  ["drizzle-orm", "Drizzle"], ["fastify", "Fastify"], ["koa", "Koa"], ["hono", "Hono"], ["vue", "Vue"],
  ["@angular", "Angular"], ["vitest", "Vitest"], ["@jest", "Jest"], ["jest", "Jest"], ["zod", "Zod"],
];

/** The framework a module belongs to, matching whole path segments (`react-dom` is not `react`). */
export function frameworkOfModule(module: string): string | null {
  // Every unit asks about its imports, and a repository imports few distinct modules.
  const cached = frameworkByModule.get(module);
  if (cached !== undefined) return cached;
  const framework = frameworkOfModuleUncached(module);
  if (frameworkByModule.size >= 50_000) frameworkByModule.clear();
  frameworkByModule.set(module, framework);
  return framework;
}

const frameworkByModule = new Map<string, string | null>();

function frameworkOfModuleUncached(module: string): string | null {
  const bare = module.replace(/^node:/, "");
  for (const [prefix, framework] of moduleFrameworks) {
    if (bare === prefix || bare.startsWith(`${prefix}.`) || bare.startsWith(`${prefix}/`)) return framework;
  }
  return null;
}

/** A framework and the role the unit plays in it ("Route Handler", "Model", "Hook"). */
export interface FrameworkRole {
  framework: string | null;
  role: string | null;
}

const frameworksByFile = new WeakMap<FileExtraction, Set<string>>();

/** Frameworks a file imports (computed once per file: every unit in it asks). */
function fileFrameworks(file: FileExtraction | undefined): Set<string> {
  if (!file) return new Set();
  let found = frameworksByFile.get(file);
  if (!found) {
    found = new Set(Object.values(file.imports).map(frameworkOfModule).filter((value): value is string => !!value));
    frameworksByFile.set(file, found);
  }
  return found;
}

/** Frameworks named by what the unit itself uses: imports in its body, and its decorators' and bases' imported heads. */
function unitFrameworks(unit: CodeUnit, file: FileExtraction | undefined): string[] {
  const heads = [...unit.decorators, ...unit.bases].map((text) => text.replace(/^@/, "").split(/[.(\[<]/)[0]);
  const modules = [...unit.importsUsed, ...heads.map((head) => file?.imports[head] ?? "")];
  return modules.map(frameworkOfModule).filter((value): value is string => !!value);
}

const decoratorText = (unit: CodeUnit) => unit.decorators.map((decorator) => decorator.replace(/^@/, ""));

function pythonRole(unit: CodeUnit, frameworks: Set<string>): FrameworkRole | null {
  const decorators = decoratorText(unit);
  const bases = unit.bases.join(" ");
  if (decorators.some((d) => /^\w+\.(get|post|put|patch|delete|head|options|api_route|websocket)\b/.test(d)) && frameworks.has("FastAPI")) return { framework: "FastAPI", role: "Route Handler" };
  if (decorators.some((d) => /^\w+\.(route|get|post|put|patch|delete)\b/.test(d)) && frameworks.has("Flask")) return { framework: "Flask", role: "View" };
  if (decorators.some((d) => /^(pytest\.)?fixture\b/.test(d))) return { framework: "pytest", role: "Fixture" };
  if (decorators.some((d) => /^(shared_task|\w+\.task)\b/.test(d)) && frameworks.has("Celery")) return { framework: "Celery", role: "Task" };
  if (decorators.some((d) => /^(click\.)?(command|group)\b/.test(d)) && frameworks.has("Click")) return { framework: "Click", role: "Command" };
  if (unit.kind === "class" && /\bmodels\.Model\b/.test(bases) && frameworks.has("Django")) return { framework: "Django", role: "Model" };
  if (unit.kind === "class" && /\b(APIView|ViewSet|ModelViewSet|View)\b/.test(bases) && frameworks.has("Django")) return { framework: "Django", role: "Class-based View" };
  if (unit.kind === "class" && /\bBaseModel\b/.test(bases) && frameworks.has("Pydantic")) return { framework: "Pydantic", role: "Model" };
  if (unit.kind === "class" && /\b(Base|DeclarativeBase)\b/.test(bases) && frameworks.has("SQLAlchemy")) return { framework: "SQLAlchemy", role: "Model" };
  if (unit.kind !== "class" && unit.parameters[0]?.name === "request" && frameworks.has("Django")) return { framework: "Django", role: "View" };
  if (/^test/.test(unit.name) && (frameworks.has("pytest") || /(^|\/)test_[^/]*\.py$/.test(unit.file))) return { framework: "pytest", role: "Test" };
  return null;
}

const jsx = /<\/?[A-Za-z][\w.]*[\s/>]|<>/;
const httpMethods = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;

function scriptRole(unit: CodeUnit, frameworks: Set<string>): FrameworkRole | null {
  const decorators = decoratorText(unit);
  const has = (pattern: RegExp) => decorators.some((decorator) => pattern.test(decorator));
  if (has(/^Controller\b/)) return { framework: "NestJS", role: "Controller" };
  if (has(/^Injectable\b/)) return { framework: "NestJS", role: "Provider" };
  if (has(/^Module\b/) && frameworks.has("NestJS")) return { framework: "NestJS", role: "Module" };
  if (has(/^(Get|Post|Put|Patch|Delete)\b/) && frameworks.has("NestJS")) return { framework: "NestJS", role: "Route Handler" };
  if (has(/^Entity\b/) && frameworks.has("TypeORM")) return { framework: "TypeORM", role: "Entity" };
  if (httpMethods.test(unit.name) && (/(^|\/)route\.[cm]?[jt]sx?$/.test(unit.file) || frameworks.has("Next.js"))) return { framework: "Next.js", role: "Route Handler" };
  const names = unit.parameters.map((parameter) => parameter.name).join(",");
  const express = frameworks.has("Express") ? "Express" : null;
  if (/^(err|error),(req|request),(res|response),next$/.test(names)) return { framework: express, role: "Error Middleware" };
  if (/^(req|request),(res|response),next$/.test(names)) return { framework: express, role: "Middleware" };
  if (/^(req|request),(res|response)$/.test(names) && express) return { framework: express, role: "Route Handler" };
  if (/^use[A-Z]/.test(unit.name) && unit.calls.some((call) => /^(React\.)?use[A-Z]/.test(call))) return { framework: "React", role: "Hook" };
  if (/^[A-Z]/.test(unit.name) && unit.kind !== "method" && unit.language !== "typescript" && jsx.test(unit.code)) return { framework: "React", role: "Component" };
  if (unit.calls.some((call) => /^(describe|it|test|expect)$/.test(call)) && (frameworks.has("Vitest") || frameworks.has("Jest"))) {
    return { framework: frameworks.has("Vitest") ? "Vitest" : "Jest", role: "Test" };
  }
  return null;
}

/**
 * The framework a unit belongs to and its role there, from decorators, bases, parameters
 * and the imports it (or, for decorators that name a local app object, its file) uses.
 */
export function detectFramework(unit: CodeUnit, file: FileExtraction | undefined): FrameworkRole {
  // Selection, framework voting and naming each ask about the same unit: answer once per unit and file.
  const cached = rolesByUnit.get(unit);
  if (cached && cached.file === file) return { ...cached.role };
  const role = detectFrameworkUncached(unit, file);
  rolesByUnit.set(unit, { file, role });
  return { ...role };
}

const rolesByUnit = new WeakMap<CodeUnit, { file: FileExtraction | undefined; role: FrameworkRole }>();

function detectFrameworkUncached(unit: CodeUnit, file: FileExtraction | undefined): FrameworkRole {
  const own = unitFrameworks(unit, file);
  const frameworks = new Set([...own, ...fileFrameworks(file)]);
  const role = unit.language === "python" ? pythonRole(unit, frameworks) : scriptRole(unit, frameworks);
  if (role?.framework) return role;
  const fallback = moduleFrameworks.map(([, name]) => name).find((name) => own.includes(name)) ?? null;
  return { framework: fallback, role: role?.role ?? null };
}
