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
// two's complement range. The products are formed in PW bits, wide enough that nothing wraps
// for any port value, so the only rounding is the floor of the two shifts, as in the engine.
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
  // (V - vRest) needs W+1 bits, times a (S+2)-bit signed leak; I times a (S+10)-bit signed gain
  // needs W+S+10 bits; the sum of the three terms needs at most W+10 bits. PW covers all.
  localparam integer PW = W + S + 12;

  wire signed [PW-1:0] v_x = {{(PW - W) {v[W-1]}}, v};
  wire signed [PW-1:0] rest_x = {{(PW - W) {v_rest[W-1]}}, v_rest};
  wire signed [PW-1:0] i_x = {{(PW - W) {i_syn[W-1]}}, i_syn};
  wire signed [PW-1:0] leak_x = {{(PW - S - 1) {1'b0}}, leak};
  wire signed [PW-1:0] gain_x = {{(PW - S - 9) {1'b0}}, gain};

  wire signed [PW-1:0] leak_term = ((v_x - rest_x) * leak_x) >>> S;
  wire signed [PW-1:0] input_term = (i_x * gain_x) >>> S;
  wire signed [PW-1:0] sum = v_x - leak_term + input_term;

  localparam signed [PW-1:0] VMAX = {{(PW - W + 1) {1'b0}}, {(W - 1) {1'b1}}};
  localparam signed [PW-1:0] VMIN = {{(PW - W + 1) {1'b1}}, {(W - 1) {1'b0}}};
  wire signed [W-1:0] integrated = (sum > VMAX) ? VMAX[W-1:0] :
                                   (sum < VMIN) ? VMIN[W-1:0] : sum[W-1:0];

  wire held = (refr != {RW{1'b0}});
  wire fired = !held && (integrated >= v_threshold);
  wire [RW-1:0] hold_after_spike =
      (refractory_steps == {RW{1'b0}}) ? {RW{1'b0}} : refractory_steps - 1'b1;

  assign spike = fired;
  assign v_next = held ? v : fired ? v_reset : integrated;
  assign refr_next = held ? refr - 1'b1 : fired ? hold_after_spike : {RW{1'b0}};
endmodule

`default_nettype wire
