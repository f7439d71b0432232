// A deterministic stand-in for waiting "long enough": a TimeSlicer that stops a time-sliced
// index job at its first pause and lets it go only when the test says so. A test can then act
// while a background update is certainly running, instead of sleeping and hoping.

import { TimeSlicer } from '../../../electron/core/util/time-slicer';

export class SlicerGate {
  private armed = false;
  private releaseGate: () => void = () => {};
  private readonly gate = new Promise<void>((resolve) => (this.releaseGate = resolve));
  private notePaused: () => void = () => {};
  /** Resolves when the held job reaches its first pause (it is running and not finished). */
  readonly paused = new Promise<void>((resolve) => (this.notePaused = resolve));
  /** Pauses the held job made after it was released (it went on instead of giving up). */
  pausesAfterRelease = 0;
  private released = false;

  /** The slicer factory to inject: ordinary slicers until armed, then one held slicer. */
  readonly factory = (): TimeSlicer => {
    if (!this.armed) return new TimeSlicer();
    this.armed = false;
    return new HeldSlicer(this);
  };

  /** The next time-sliced job is held at its first pause. */
  arm(): void {
    this.armed = true;
  }

  release(): void {
    this.released = true;
    this.releaseGate();
  }

  /** @internal called by the held slicer */
  async hold(): Promise<void> {
    if (this.released) this.pausesAfterRelease++;
    this.notePaused();
    await this.gate;
  }
}

class HeldSlicer extends TimeSlicer {
  constructor(private readonly owner: SlicerGate) {
    super();
  }
  override get due(): boolean {
    return true;
  }
  override async pause(): Promise<void> {
    await this.owner.hold();
  }
}
