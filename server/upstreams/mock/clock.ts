/**
 * Virtual time for the mock backend. Member progress is computed from this clock, never from
 * timers, so a test can jump or speed up time and get the same statuses every run.
 */
export interface VirtualClock {
  now(): number;
  setSpeed(speed: number): void;
  advance(ms: number): void;
  readonly speed: number;
}

export function createVirtualClock(
  options: { speed?: number; realNow?: () => number; start?: number } = {},
): VirtualClock {
  const realNow = options.realNow ?? Date.now;
  let speed = options.speed ?? 1;
  let anchorReal = realNow();
  let anchorVirtual = options.start ?? anchorReal;

  const now = () => anchorVirtual + (realNow() - anchorReal) * speed;

  return {
    now,
    get speed() {
      return speed;
    },
    setSpeed(next: number) {
      // Re-anchor so that changing speed never makes time jump backwards.
      anchorVirtual = now();
      anchorReal = realNow();
      speed = next;
    },
    advance(ms: number) {
      anchorVirtual += ms;
    },
  };
}
