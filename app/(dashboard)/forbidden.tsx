import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-amber-600">403</p>
      <h1 className="text-xl font-semibold">Your role cannot open this page</h1>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Ask an admin for a role that includes it: admins see what each role may do on the dashboard users page.
      </p>
      <Link href="/" className="inline-block text-sm text-amber-700 hover:underline dark:text-amber-400">
        Back to your start page
      </Link>
    </div>
  );
}
