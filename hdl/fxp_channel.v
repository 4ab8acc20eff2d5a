// fxp_channel: the two updates of one fixed-point synaptic current (CONTEXT.md step 2f), as
// `fixedDecay` and `fixedDeliver` in src/engine/fixed-point/fixed-lif-step.ts, bit for bit.
//
//   step 4 (decay):    decayed   = I * decay >>> S      (floor; decay <= 2^S keeps it in W bits)
//   step 5 (deliver):  delivered = sat(I + weight)      (clamp to the W-bit range)
//
// Both outputs are functions of the same `current`; a lane picks the one its phase needs.
// Parameters: W total bits of I and weight; S scale bits of decay.
// Ports: current, weight signed [W-1:0]; decay unsigned [S:0], 0..2^S (a larger value is outside
//        the contract: the decayed current would not fit W bits and is truncated);
//        decayed, delivered signed [W-1:0].
// Latency: combinational (zero clocks).
`default_nettype none
`timescale 1ns / 1ps

module fxp_channel #(
    parameter integer W = 16,
    parameter integer S = 8
) (
    input  wire signed [W-1:0] current,
    input  wire        [  S:0] decay,
    input  wire signed [W-1:0] weight,
    output wire signed [W-1:0] decayed,
    output wire signed [W-1:0] delivered
);
  localparam integer PW = W + S + 2;

  wire signed [PW-1:0] current_x = {{(PW - W) {current[W-1]}}, current};
  wire signed [PW-1:0] decay_x = {{(PW - S - 1) {1'b0}}, decay};
  // Only the low W bits of the shifted product are kept: decay <= 2^S makes the rest copies of
  // the sign bit, so Verilator's unused-bits lint does not apply.
  /* verilator lint_off UNUSEDSIGNAL */
  wire signed [PW-1:0] product = (current_x * decay_x) >>> S;
  /* verilator lint_on UNUSEDSIGNAL */
  assign decayed = product[W-1:0];

  // One extra bit holds the exact sum of two W-bit values; its top two bits differ on overflow.
  wire signed [W:0] sum = {current[W-1], current} + {weight[W-1], weight};
  wire overflow = sum[W] != sum[W-1];
  wire [W-1:0] bound = sum[W] ? {1'b1, {(W - 1) {1'b0}}} : {1'b0, {(W - 1) {1'b1}}};
  assign delivered = overflow ? bound : sum[W-1:0];
endmodule

`default_nettype wire
