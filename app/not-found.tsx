import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        There is nothing here: the session, customer or page may never have existed, or the link is mistyped.
      </p>
      <p className="text-sm">
        <Link className="text-amber-700 hover:underline dark:text-amber-400" href="/">
          Back to your start page
        </Link>
      </p>
    </div>
  );
}
