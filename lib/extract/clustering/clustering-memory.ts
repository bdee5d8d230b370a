import { ClusterOutcomes } from "./cluster-outcomes";
import { ReferenceMemory } from "./collect-references-incrementally";
import { SimilarityMemo } from "./similarity-memo";

/**
 * What clustering keeps from one run over a repository to the next, in a long-running
 * process (the server that receives a repository's pushes): per file, its references and
 * what resolving them read; the outcome of every shape comparison; each cluster's selection
 * and pattern with what they were computed from. A run given the memory resolves, compares
 * and builds again only what its changed files reach, and returns exactly what a run
 * without it returns (`buildPatterns`). One memory per repository: the references are kept
 * by path.
 */
export class ClusteringMemory {
  readonly references = new ReferenceMemory();
  readonly similarities = new SimilarityMemo();
  readonly outcomes = new ClusterOutcomes();
}
