import type { ReactNode } from "react";
import { Form } from "react-router";
import { Button } from "../../ui/Button";

/** A one-button form for the editor's row actions (move, remove), with its hidden fields. */
export function SmallForm({ fields, label, children }: { fields: Record<string, string>; label: string; children: ReactNode }) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant="ghost" aria-label={label} className="px-2">
        {children}
      </Button>
    </Form>
  );
}
