"use client";

import { useState } from "react";
import { ActionForm } from "@/components/admin/action-form";
import { createAlertRuleAction } from "@/lib/actions/alerts";

interface JourneyChoice {
  name: string;
  label: string;
  steps: { key: string; label: string }[];
  dropReasons: { key: string; label: string }[];
}

const input = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** The new-rule form: the step and drop-reason choices are the chosen journey's own. */
export function AlertRuleForm({ journeys }: { journeys: JourneyChoice[] }) {
  const [journey, setJourney] = useState(journeys[0]?.name ?? "");
  const chosen = journeys.find((j) => j.name === journey);
  return (
    <ActionForm action={createAlertRuleAction} label="Create rule">
      <label className="block text-sm">
        Name <input name="name" required maxLength={100} placeholder="Stuck at payment" className={input} />
      </label>
      <label className="block text-sm">
        Journey{" "}
        <select name="journey" value={journey} onChange={(e) => setJourney(e.target.value)} className={input}>
          {journeys.map((j) => (
            <option key={j.name} value={j.name}>
              {j.label} ({j.name})
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        Stopped at step{" "}
        <select name="step" key={`step-${journey}`} className={input}>
          {chosen?.steps.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        Drop reason (optional){" "}
        <select name="dropReason" key={`reason-${journey}`} defaultValue="" className={input}>
          <option value="">any</option>
          {chosen?.dropReasons.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        Minutes without a further event <input name="afterMinutes" type="number" min={1} required defaultValue={30} className={input} />
      </label>
      <label className="block text-sm">
        Webhook (optional) <input name="webhookUrl" type="url" placeholder="https://crm.example/hooks/rewind" className={input} />
      </label>
    </ActionForm>
  );
}
