/**
 * How far two labellers agree on the same units: per kind, labeller 2's labels taken as
 * predictions against labeller 1's (precision, recall), Cohen's kappa on the yes/no question
 * "is this unit of this kind?", and the micro-averaged overall figures.
 */
import { designPatternKindSchema, type DesignPatternKind } from "@/lib/domain";

/** One unit both labellers labelled. */
export interface PairedUnit {
  key: string;
  first: readonly DesignPatternKind[];
  second: readonly DesignPatternKind[];
}

/** Counts and figures for one kind (or pooled over several). */
export interface KindAgreement {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | undefined;
  recall: number | undefined;
  kappa: number | undefined;
}

/** Cohen's kappa for a 2x2 table (both yes, only 2 yes, only 1 yes, both no); undefined when chance agreement is total. */
export function cohensKappa(tp: number, fp: number, fn: number, tn: number): number | undefined {
  const total = tp + fp + fn + tn;
  if (total === 0) return undefined;
  const observed = (tp + tn) / total;
  const chance = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (total * total);
  return chance === 1 ? undefined : (observed - chance) / (1 - chance);
}

function figures(tp: number, fp: number, fn: number, tn: number): KindAgreement {
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp > 0 ? tp / (tp + fp) : undefined,
    recall: tp + fn > 0 ? tp / (tp + fn) : undefined,
    kappa: cohensKappa(tp, fp, fn, tn),
  };
}

/** Agreement on one kind over the paired units. */
export function kindAgreement(units: readonly PairedUnit[], kind: DesignPatternKind): KindAgreement {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const unit of units) {
    const first = unit.first.includes(kind);
    const second = unit.second.includes(kind);
    if (first && second) tp++;
    else if (second) fp++;
    else if (first) fn++;
    else tn++;
  }
  return figures(tp, fp, fn, tn);
}

/** Micro-averaged agreement over several kinds (counts summed; kappa on the pooled unit-by-kind table). */
export function pooledAgreement(units: readonly PairedUnit[], kinds: readonly DesignPatternKind[]): KindAgreement {
  const perKind = kinds.map((kind) => kindAgreement(units, kind));
  const sum = (pick: (agreement: KindAgreement) => number) => perKind.reduce((total, agreement) => total + pick(agreement), 0);
  return figures(
    sum((agreement) => agreement.tp),
    sum((agreement) => agreement.fp),
    sum((agreement) => agreement.fn),
    sum((agreement) => agreement.tn),
  );
}

/** The units on which the labellers' kind sets differ. */
export function disagreements(units: readonly PairedUnit[], kinds: readonly DesignPatternKind[]): PairedUnit[] {
  const within = (labels: readonly DesignPatternKind[]) => labels.filter((kind) => kinds.includes(kind)).sort().join(",");
  return units.filter((unit) => within(unit.first) !== within(unit.second));
}

/** The Wilson score interval (95 %) of a proportion `hits / total`; undefined when total is 0. */
export function wilsonInterval(hits: number, total: number): [number, number] | undefined {
  if (total === 0) return undefined;
  const z = 1.96;
  const share = hits / total;
  const centre = share + (z * z) / (2 * total);
  const spread = z * Math.sqrt((share * (1 - share)) / total + (z * z) / (4 * total * total));
  const scale = 1 + (z * z) / total;
  return [(centre - spread) / scale, (centre + spread) / scale];
}

/** One line of the second labeller's notes: `<ecosystem:package>:<path> <qualname> <line> <kinds|->`. */
export interface NoteLine {
  location: string;
  qualname: string;
  line: number;
  kinds: DesignPatternKind[];
}

/** Parses the notes (blank lines and `#` comments skipped); throws naming the line that is wrong. */
export function parseAgreementNotes(text: string): NoteLine[] {
  const notes: NoteLine[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (!line || line.startsWith("#")) return;
    const words = line.split(/\s+/);
    const [kinds, lineNumber] = [words.at(-1)!, Number(words.at(-2))];
    if (words.length < 4 || !Number.isInteger(lineNumber)) throw new Error(`notes line ${index + 1}: expected "<package:path> <qualname> <line> <kinds|->", got "${raw}"`);
    const parsed = kinds === "-" ? [] : kinds.split(",").map((kind) => designPatternKindSchema.safeParse(kind));
    const wrong = parsed.find((result) => !result.success);
    if (wrong) throw new Error(`notes line ${index + 1}: unknown kind in "${kinds}"`);
    notes.push({ location: words[0]!, qualname: words.slice(1, -2).join(" "), line: lineNumber, kinds: parsed.map((result) => result.data!) });
  });
  return notes;
}
