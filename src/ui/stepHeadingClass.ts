/** A step's one heading's look (StepHeading), apart so the first paint draws it without the flow store. */
export const STEP_HEADING_CLASS = 'text-xl font-semibold mb-3 focus-ring rounded-sm';
