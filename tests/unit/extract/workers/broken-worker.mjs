// A worker module that cannot load, like a worker whose code fails to import.
throw new Error("cannot load the grammar");
