/**
 * Learning-rate schedulers with sc-neurocore's exact formulas (`sc_neurocore.learning.
 * schedulers`): `step()` advances one count and returns the rate, `reset()` does what the
 * seed's does (which differs per scheduler: it is copied, not tidied).
 */
import type { SchedulerSpec } from './train/types.ts';

export interface Scheduler {
  /** The current rate (before the first `step()`: the seed's initial `lr`). */
  readonly lr: number;
  step(): number;
  reset(): void;
}

/** Drops the rate by `gamma` every `stepSize` steps (`count % step_size == 0`). */
export class StepScheduler implements Scheduler {
  lr: number;
  private count = 0;
  constructor(
    lrInit: number,
    private readonly stepSize: number,
    private readonly gamma = 0.1,
  ) {
    this.lr = lrInit;
  }
  step(): number {
    this.count += 1;
    if (this.count % this.stepSize === 0) this.lr *= this.gamma;
    return this.lr;
  }
  /** Restarts the count; the rate stays where it is (as the seed). */
  reset(): void {
    this.count = 0;
  }
}

/** Multiplies the rate by `gamma` every step. */
export class ExponentialScheduler implements Scheduler {
  lr: number;
  constructor(
    lrInit: number,
    private readonly gamma = 0.999,
  ) {
    this.lr = lrInit;
  }
  step(): number {
    this.lr *= this.gamma;
    return this.lr;
  }
  /** The seed's reset does nothing: the decayed rate stays. */
  reset(): void {}
}

/** Cosine annealing from `lrInit` to `lrMin` over `totalSteps`, then held at `lrMin`. */
export class CosineScheduler implements Scheduler {
  lr: number;
  private count = 0;
  constructor(
    private readonly lrInit: number,
    private readonly lrMin: number,
    private readonly totalSteps: number,
  ) {
    this.lr = lrInit;
  }
  step(): number {
    this.count += 1;
    const t = Math.min(this.count / this.totalSteps, 1);
    this.lr = this.lrMin + 0.5 * (this.lrInit - this.lrMin) * (1 + Math.cos(Math.PI * t));
    return this.lr;
  }
  reset(): void {
    this.count = 0;
    this.lr = this.lrInit;
  }
}

/** Linear warmup from 0 over `warmupSteps`, then cosine to `lrMin` at `totalSteps`. */
export class WarmupCosineScheduler implements Scheduler {
  lr = 0;
  private count = 0;
  constructor(
    private readonly lrInit: number,
    private readonly lrMin: number,
    private readonly warmupSteps: number,
    private readonly totalSteps: number,
  ) {}
  step(): number {
    this.count += 1;
    if (this.count <= this.warmupSteps) {
      this.lr = this.lrInit * (this.count / this.warmupSteps);
    } else {
      const decaySteps = this.totalSteps - this.warmupSteps;
      const t = Math.min((this.count - this.warmupSteps) / decaySteps, 1);
      this.lr = this.lrMin + 0.5 * (this.lrInit - this.lrMin) * (1 + Math.cos(Math.PI * t));
    }
    return this.lr;
  }
  reset(): void {
    this.count = 0;
    this.lr = 0;
  }
}

/** A fixed rate (no schedule). */
export class ConstantScheduler implements Scheduler {
  constructor(readonly lr: number) {}
  step(): number {
    return this.lr;
  }
  reset(): void {}
}

/** Problems with a schedule's parameters, by field; empty when it is usable. */
export function schedulerProblems(spec: SchedulerSpec): string[] {
  const out: string[] = [];
  const positiveInt = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) out.push(`${name} must be a whole number >= 1, got ${v}`);
  };
  const finite = (name: string, v: number) => {
    if (!Number.isFinite(v)) out.push(`${name} must be a finite number, got ${v}`);
  };
  switch (spec.kind) {
    case 'constant':
      break;
    case 'step':
      positiveInt('step_size', spec.step_size);
      finite('gamma', spec.gamma);
      break;
    case 'exponential':
      finite('gamma', spec.gamma);
      break;
    case 'cosine':
      finite('lr_min', spec.lr_min);
      positiveInt('total_steps', spec.total_steps);
      break;
    case 'warmup_cosine':
      finite('lr_min', spec.lr_min);
      positiveInt('warmup_steps', spec.warmup_steps);
      positiveInt('total_steps', spec.total_steps);
      if (spec.total_steps <= spec.warmup_steps) {
        out.push(
          `total_steps (${spec.total_steps}) must exceed warmup_steps (${spec.warmup_steps})`,
        );
      }
      break;
  }
  return out;
}

/**
 * The scheduler a spec describes, starting at `lrInit`; throws `RangeError` listing the
 * problems of a bad spec.
 *
 * @example createScheduler({ kind: 'cosine', lr_min: 0, total_steps: 100 }, 0.1).step()
 */
export function createScheduler(spec: SchedulerSpec, lrInit: number): Scheduler {
  const problems = schedulerProblems(spec);
  if (!Number.isFinite(lrInit)) problems.push(`the learning rate must be finite, got ${lrInit}`);
  if (problems.length > 0) throw new RangeError(`scheduler ${spec.kind}: ${problems.join('; ')}`);
  switch (spec.kind) {
    case 'constant':
      return new ConstantScheduler(lrInit);
    case 'step':
      return new StepScheduler(lrInit, spec.step_size, spec.gamma);
    case 'exponential':
      return new ExponentialScheduler(lrInit, spec.gamma);
    case 'cosine':
      return new CosineScheduler(lrInit, spec.lr_min, spec.total_steps);
    case 'warmup_cosine':
      return new WarmupCosineScheduler(lrInit, spec.lr_min, spec.warmup_steps, spec.total_steps);
  }
}
