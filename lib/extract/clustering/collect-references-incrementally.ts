import type { FileExtraction } from "@/lib/domain";
import { fileReferences } from "./collect-references";
import type { RepoModel } from "./repo-model";
import { ReferenceResolver, type Reference, type ResolutionReads } from "./resolve-references";

interface FileReferences {
  file: FileExtraction;
  references: Reference[];
  reads: ResolutionReads;
}

/**
 * The references of the last run, per file, with what resolving them read: kept by a
 * long-running process between the clusterings of one repository. Extractions are shared,
 * never changed, objects (`ExtractionCache`), so the same object is the same content.
 */
export class ReferenceMemory {
  paths = "";
  byFile = new Map<string, FileReferences>();
}

const topLevelNames = (file: FileExtraction | undefined) => (file?.units ?? []).filter((unit) => !unit.parentQualname).map((unit) => unit.name);

/**
 * `collectReferences(model)`, resolving again only the files whose references may have
 * changed since the run `memory` holds: a file that changed; a file whose resolution read a
 * changed file (its members, its units, a reference into it); a file that looked a name up
 * repository-wide that a changed file defines or defined. Module paths resolve by the set
 * of paths alone: when it changed, every file is resolved again.
 */
export function collectReferencesIncrementally(model: RepoModel, memory: ReferenceMemory): Reference[] {
  const paths = model.files.map((file) => file.file).join("\u0000");
  if (paths !== memory.paths) memory.byFile.clear();
  memory.paths = paths;
  const changed = model.files.filter((file) => memory.byFile.get(file.file)?.file !== file);
  const changedPaths = changed.map((file) => file.file);
  const changedNames = new Set(changed.flatMap((file) => [...topLevelNames(file), ...topLevelNames(memory.byFile.get(file.file)?.file)]));
  const stale = (kept: FileReferences) => changedPaths.some((path) => kept.reads.files.has(path)) || [...changedNames].some((name) => kept.reads.names.has(name));
  let resolver: ReferenceResolver | undefined;
  return model.files.flatMap((file) => {
    const kept = memory.byFile.get(file.file);
    if (kept && kept.file === file && !stale(kept)) return kept.references;
    resolver ??= new ReferenceResolver(model);
    const reads: ResolutionReads = { files: new Set(), names: new Set() };
    resolver.reads = reads;
    const references = fileReferences(resolver, model, file);
    for (const reference of references) reads.files.add(reference.to.file);
    memory.byFile.set(file.file, { file, references, reads });
    return references;
  });
}
