import { redirect } from "next/navigation";
import { landingPage } from "@/lib/access/roles";
import { ACCOUNT_PAGE, currentSignIn } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";

/** Each role starts on its first page. */
export default async function Home() {
  const signedIn = await currentSignIn();
  if (!signedIn) redirect("/sign-in");
  redirect(signedIn.mustChangePassword ? ACCOUNT_PAGE : landingPage(signedIn.viewer.role));
}
