/** Collections that hold callbacks by their name: `_listeners`, `before_request_funcs`, `hooks`, `subscribers`. */
export const callbackCollection = /listener|subscriber|observer|handler|hook|callback|watcher|receiver|funcs$|fns$|cbs$|slots$/i;
/** Parameters that are callbacks by their name. */
export const callbackParameter = /^(f|fn|func|function|callback|cb|handler|listener|hook|subscriber|observer|receiver|slot|watcher)_?$|(callback|handler|listener|hook|func|fn)_?$/i;
