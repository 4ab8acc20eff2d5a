/**
 * The structured connectivity rules (NIR's Conv1d, Conv2d, SumPool2d, AvgPool2d and an explicit
 * sparse map), re-exported by `document.ts`. Conv and pool rules read the `shape` of their
 * populations (C order): source `[Cin, H, W]` -> target `[Cout, Ho, Wo]` (2-D), `[Cin, L]` ->
 * `[Cout, Lo]` (1-D), with `Ho = floor((H + 2*pH - dH*(kH-1) - 1)/sH) + 1` as in PyTorch.
 * Every synapse's weight is its kernel value (or the pool's weight) times the projection's
 * constant `weight`.
 */

/** A dense kernel: `values` in C order, `shape.reduce(*)` of them. */
export interface ConvKernel {
  shape: number[];
  values: number[];
}

/** The window of a 2-D pooling rule. */
export interface Pool2dFields {
  kernel_size: [number, number];
  stride: [number, number];
  padding: [number, number];
}

export type ConvConnectivity =
  /** Kernel `[Cout, Cin/groups, kH, kW]`; zero padding; output channel o uses group floor(o / (Cout/groups)). */
  | {
      rule: 'conv2d';
      kernel: ConvKernel;
      stride: [number, number];
      padding: [number, number];
      dilation: [number, number];
      groups: number;
    }
  /** Kernel `[Cout, Cin/groups, k]`; scalars as in `torch.nn.Conv1d`. */
  | {
      rule: 'conv1d';
      kernel: ConvKernel;
      stride: number;
      padding: number;
      dilation: number;
      groups: number;
    }
  /** Per channel window sum: weight 1. */
  | ({ rule: 'sum_pool2d' } & Pool2dFields)
  /** Per channel window mean: weight 1/(kH*kW), padding counted as PyTorch does. */
  | ({ rule: 'avg_pool2d' } & Pool2dFields)
  /** Any sparse map: synapse k joins source `sources[k]` to target `targets[k]`. */
  | { rule: 'explicit'; pairs: { sources: number[]; targets: number[] } };

/** The rules of `ConvConnectivity`, for switches and pickers. */
export type ConvRule = ConvConnectivity['rule'];
