import { redirect } from "next/navigation";
import { landingPage } from "@/lib/access/roles";
import { currentViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";

/** Each role starts on its first page. */
export default async function Home() {
  const viewer = await currentViewer();
  redirect(viewer ? landingPage(viewer.role) : "/sign-in");
}
