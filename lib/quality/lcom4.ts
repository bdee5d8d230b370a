/** A method seen by cohesion: the instance attributes it touches and the sibling methods it calls. */
export interface MethodAccess {
  name: string;
  attributes: Iterable<string>;
  calls: Iterable<string>;
}

/**
 * LCOM4 (Hitz & Montazeri): the number of connected components in the graph whose nodes
 * are methods, linked when two methods touch a common instance attribute or one calls the
 * other. 1 means cohesive; k > 1 means the class could be split in k. Constructors should
 * be left out by the caller, since they touch every attribute and would hide splits.
 */
export function lcom4(methods: MethodAccess[]): number {
  if (methods.length === 0) return 1;
  const parent = methods.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]];
      index = parent[index];
    }
    return index;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const indexByName = new Map(methods.map((method, index) => [method.name, index]));
  const ownerOfAttribute = new Map<string, number>();
  methods.forEach((method, index) => {
    for (const attribute of method.attributes) {
      const owner = ownerOfAttribute.get(attribute);
      if (owner === undefined) ownerOfAttribute.set(attribute, index);
      else union(index, owner);
    }
    for (const called of method.calls) {
      const target = indexByName.get(called);
      if (target !== undefined) union(index, target);
    }
  });
  return new Set(methods.map((_, index) => find(index))).size;
}
