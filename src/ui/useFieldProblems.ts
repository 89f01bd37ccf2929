import { useState } from 'react';
import { useMoveFocus } from './focus';

/**
 * What a form's own check found wrong with its fields, one problem per field name: `report`
 * shows a check's findings and focuses the first field named (by its `name` attribute); a
 * field's problem clears as soon as it is edited. Each form turns problems into its own words.
 */
export function useFieldProblems<F extends string, P>() {
  const [problems, setProblems] = useState<Partial<Record<F, P>>>({});
  const moveFocus = useMoveFocus();
  return {
    problemOf: (field: F): P | undefined => problems[field],
    clear: (field: F) =>
      setProblems((current) => {
        if (!(field in current)) return current;
        const rest = { ...current };
        delete rest[field];
        return rest;
      }),
    /** shows what a check found; true when it found nothing */
    report: (found: Partial<Record<F, P>>, form: HTMLFormElement | null): boolean => {
      setProblems(found);
      const first = Object.keys(found)[0];
      if (first) moveFocus(form?.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`));
      return first === undefined;
    },
  };
}
