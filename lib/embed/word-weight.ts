import { stemWord } from "./stem-word";

// A fixed IDF-like weighting. Words that carry no meaning in code or prose (articles,
// pronouns, language keywords) weigh nothing; words that appear in nearly every unit
// ("get", "value", "data", "self") weigh little, so that the rare words that say what a
// unit does dominate its vector. Fixed lists keep the embedder deterministic and corpus-free.
const silent = `
a an the and or but nor if then else elif of to in on at by for with without from into onto as
is are be am was were been being it its this that these those there here which who whom whose
what when where why how all any each some not own same so than too very can will just should
would could may might must shall do does did have has had having me my we our ours you your he
she they them their his her also about above below via per i s t e g eg ie etc i.e us let lets
def self cls return function const var import export class none null undefined true false pass
lambda typeof instanceof void elif endif fn func
`;

const common = `
get set value values data name names result results item items obj object objects key keys
type types init new arg args argv kwargs param params info util utils helper helpers base
default main call use used using thing things str string int integer bool boolean float dict
list tuple number array any instance method methods attr attribute attributes field fields
option options internal private public static property properties variable var local global
one two first last other
`;

function stemSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(stemWord));
}

const silentStems = stemSet(silent);
const commonStems = stemSet(common);

/** The weight of a stemmed word in the built-in embedder: 0 silent, 0.35 common, 1 otherwise. */
export function wordWeight(stem: string): number {
  if (silentStems.has(stem)) return 0;
  if (commonStems.has(stem)) return 0.35;
  if (stem.length < 2 || /^\d+$/.test(stem)) return 0;
  return 1;
}
