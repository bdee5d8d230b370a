import type { Metadata } from "next";
import { ProjectList } from "@/components/project-list";

export const metadata: Metadata = { title: "Projects" };

/** `/projects`: the caller's projects and a form to create one. */
export default function ProjectsPage() {
  return <ProjectList />;
}
