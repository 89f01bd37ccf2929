import { useFlow } from '../flow/store';

/** The one polite live region: status changes are announced here. */
export function LiveRegion() {
  const text = useFlow((s) => s.announcement);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
      {text}
    </div>
  );
}
