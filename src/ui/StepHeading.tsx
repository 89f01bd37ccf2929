import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The one heading of a step. It takes focus when the step appears so screen-reader and keyboard
 * users land at the top of the new content (WCAG 2.4.3).
 */
export function StepHeading({ children, focusOnMount = true }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 ref={ref} tabIndex={-1} className="text-xl font-semibold mb-3 focus-ring rounded-sm">
      {children}
    </h1>
  );
}
