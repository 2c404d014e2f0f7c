"use client";

import { useState } from "react";

const input = "w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950";

/**
 * The password change's fields, kept by the browser: React empties an uncontrolled form after its
 * action runs, so a refused change (a typo in the repeat) would make the user type all three again.
 */
export function PasswordFields({ currentLabel }: { currentLabel: string }) {
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const field = (name: keyof typeof values, label: string, autoComplete: string, minLength?: number) => (
    <label className="block space-y-1 text-sm">
      <span>{label}</span>
      <input
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        minLength={minLength}
        maxLength={200}
        value={values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        className={input}
      />
    </label>
  );
  return (
    <>
      {field("currentPassword", currentLabel, "current-password")}
      {field("newPassword", "New password (at least 10 characters)", "new-password", 10)}
      {field("confirmPassword", "Repeat the new password", "new-password", 10)}
    </>
  );
}
