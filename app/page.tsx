import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPageUser } from "@/lib/auth";

/** `/`: the projects when signed in, otherwise the sign-up page. */
export default async function HomePage() {
  const user = await getPageUser(await headers());
  redirect(user ? "/projects" : "/sign-up");
}
