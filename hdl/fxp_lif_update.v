// fxp_lif_update: one neuron's fixed-point LIF update (CONTEXT.md step 2f, `fixedLifStep` in
// src/engine/fixed-point/fixed-lif-step.ts), bit for bit.
//
//   held (refr > 0):  refr' = refr - 1; V' = V; no spike
//   otherwise:        U = sat(V - ((V - vRest) * leak >>> S) + (I * gain >>> S))
//                     spike = U >= vThreshold
//                     spike:   V' = vReset, refr' = max(refractorySteps - 1, 0)
//                     else:    V' = U,      refr' = 0
//
// `>>>` is an arithmetic shift (floor, also for negative products) and `sat` clamps to the W-bit
// two's complement range. The arithmetic is `fxp_lif_var`'s (the core's runtime-W/S datapath)
// at WMAX = W, SMAX = S: compile both files together.
//
// Parameters
//   W   total bits of V, I, vRest, vReset, vThreshold (the engine allows 8..24).
//   S   scale bits of leak and gain (1..16). F (fraction bits) changes no arithmetic here: it
//       only fixes what the integers mean, so it is not a parameter.
//   RW  width of the refractory counter and of refractory_steps.
// Ports (signed: two's complement; unsigned: plain binary)
//   v, i_syn, v_rest, v_reset, v_threshold   signed [W-1:0], units 2^-F
//   leak    unsigned [S:0], 0..2^S          gain    unsigned [S+8:0], 0..2^(S+8)
//   refr, refractory_steps  unsigned [RW-1:0]
//   v_next  signed [W-1:0]; refr_next [RW-1:0]; spike
// Latency: combinational (zero clocks); a lane registers the outputs it stores.
`default_nettype none
`timescale 1ns / 1ps

module fxp_lif_update #(
    parameter integer W  = 16,
    parameter integer S  = 8,
    parameter integer RW = 16
) (
    input  wire signed [  W-1:0] v,
    input  wire signed [  W-1:0] i_syn,
    input  wire        [ RW-1:0] refr,
    input  wire        [    S:0] leak,
    input  wire        [  S+8:0] gain,
    input  wire signed [  W-1:0] v_rest,
    input  wire signed [  W-1:0] v_reset,
    input  wire signed [  W-1:0] v_threshold,
    input  wire        [ RW-1:0] refractory_steps,
    output wire signed [  W-1:0] v_next,
    output wire        [ RW-1:0] refr_next,
    output wire                  spike
);
  // One datapath: this is `fxp_lif_var` with W and S fixed, so the two cannot drift apart.
  // The constant shift and bounds fold away in synthesis.
  localparam signed [W-1:0] VMAX = {1'b0, {(W - 1) {1'b1}}};
  localparam signed [W-1:0] VMIN = {1'b1, {(W - 1) {1'b0}}};
  localparam [$clog2(S+1)-1:0] SHIFT = S[$clog2(S+1)-1:0];

  fxp_lif_var #(
      .WMAX(W),
      .SMAX(S),
      .RW  (RW)
  ) datapath (
      .clk(1'b0),  // PIPE = 0: combinational
      .v(v),
      .i_syn(i_syn),
      .refr(refr),
      .leak(leak),
      .gain(gain),
      .s_shift(SHIFT),
      .v_rest(v_rest),
      .v_reset(v_reset),
      .v_threshold(v_threshold),
      .v_min(VMIN),
      .v_max(VMAX),
      .refractory_steps(refractory_steps),
      .v_next(v_next),
      .refr_next(refr_next),
      .spike(spike)
  );
endmodule

`default_nettype wire
