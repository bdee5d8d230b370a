import { describe, expect, it } from "vitest";
import { detect, evidenceOf, kindsOf } from "./detect-snippet";

describe("repository_crud: an in-memory collection is an entity store only in a class named for storing", () => {
  it("finds an in-memory job store and its CRUD methods", async () => {
    const found = await detect(
      `class MemoryJobStore(BaseJobStore):
    def __init__(self):
        super().__init__()
        self._jobs = []
        self._jobs_index = {}

    def lookup_job(self, job_id):
        return self._jobs_index.get(job_id, (None, None))[0]

    def add_job(self, job):
        if job.id in self._jobs_index:
            raise ConflictingIdError(job.id)
        self._jobs.append(job)
        self._jobs_index[job.id] = job

    def update_job(self, job):
        old_job = self._jobs_index.get(job.id)
        self._jobs_index[job.id] = job

    def remove_job(self, job_id):
        del self._jobs_index[job_id]
`,
      "python",
    );
    expect(kindsOf(found, "MemoryJobStore")).toContain("repository_crud");
    expect(evidenceOf(found, "MemoryJobStore")).toMatch(/a collection it creates/);
    expect(kindsOf(found, "MemoryJobStore.add_job")).toContain("repository_crud");
  });

  it("leaves out a registry of models kept in a list it creates", async () => {
    const found = await detect(
      `class ModelManager {
  constructor(sequelize) {
    this.models = [];
    this.sequelize = sequelize;
  }
  addModel(model) {
    this.models.push(model);
    this.sequelize.models[model.name] = model;
    return model;
  }
  removeModel(modelToRemove) {
    this.models = this.models.filter((model) => model.name !== modelToRemove.name);
    delete this.sequelize.models[modelToRemove.name];
  }
  getModel(against, options) {
    return this.models.find((model) => model[options.attribute] === against);
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "ModelManager")).not.toContain("repository_crud");
    expect(kindsOf(found, "ModelManager.addModel")).not.toContain("repository_crud");
    expect(kindsOf(found, "ModelManager.getModel")).not.toContain("repository_crud");
  });
});
