export function Spinner({ label }: { label?: string }) {
  return (
    <div className="flex items-center gap-3 py-2">
      <span
        aria-hidden="true"
        className="inline-block h-5 w-5 rounded-full border-2 border-current border-t-transparent motion-safe:animate-spin"
      />
      {label ? <span>{label}</span> : null}
    </div>
  );
}
