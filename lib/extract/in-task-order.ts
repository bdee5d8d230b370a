/**
 * Wraps `emit` so that items arriving in any order (workers finish files in any order) reach
 * it in task order: each as soon as it and every task before it have arrived. `taskOf` names
 * an item's task; `tasks` lists every task once, in order.
 */
export function inTaskOrder<Item>(tasks: readonly string[], taskOf: (item: Item) => string, emit: (item: Item) => void): (item: Item) => void {
  const position = new Map(tasks.map((task, index) => [task, index]));
  const arrived: (Item | undefined)[] = new Array(tasks.length);
  let next = 0;
  return (item) => {
    const index = position.get(taskOf(item));
    if (index === undefined) throw new Error(`no task named ${taskOf(item)}`);
    arrived[index] = item;
    for (; next < tasks.length && arrived[next] !== undefined; next += 1) {
      const ready = arrived[next] as Item;
      arrived[next] = undefined;
      emit(ready);
    }
  };
}
