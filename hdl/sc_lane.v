// sc_lane: one channel of a stochastic-computing layer per clock, and the popcount k of a step
// (src/engine/CONTEXT.md step 1b; exactly `scGateBits` and `scActiveCount` of
// src/engine/sc/sc-count.ts, the functions the engine steps with).
//
// Channel c at stream index i (i = t mod L, the layer's bitstream length):
//   pre    = draw24(stepKey(input_key,  i), 0) < input_thr
//   weight = draw24(stepKey(weight_key, i), 0) < weight_thr
//   active = pre AND weight
// with stepKey(k, i) = mix32(k ^ i) and draw24(s, 0) = mix32(s + 0) >> 8 (hdl/mix32.v), and
// thresholds 0..2^24 (2^24: every bit one).
//
// Ports: `index`, the keys and the thresholds describe the channel presented this clock;
// `valid` says a channel is presented; `clear` starts a step. On each rising edge
//   count <= (clear ? 0 : count) + (valid & active)
// so presenting channels 0..m-1 on m consecutive clocks, `clear` with channel 0, leaves the
// step's k in `count` after the m-th edge (latency: m clocks per step, one channel per clock;
// the next step's `clear` may come on the very next clock). `pre`, `weight`, `active` are
// combinational (four mix32: eight 32x32 multiplies, DSP48E1 slices). `count` wraps above
// 2^CW - 1; CW (2..32) = 13 counts the engine's largest layer (MAX_SC_CHANNELS = 4096
// channels).
`default_nettype none
`timescale 1ns / 1ps

module sc_lane #(
    parameter integer CW = 13
) (
    input  wire          clk,
    input  wire          clear,
    input  wire          valid,
    input  wire [  31:0] index,
    input  wire [  31:0] input_key,
    input  wire [  31:0] weight_key,
    input  wire [  24:0] input_thr,
    input  wire [  24:0] weight_thr,
    output wire          pre,
    output wire          weight,
    output wire          active,
    output reg  [CW-1:0] count
);
  wire [31:0] input_step, weight_step;
  // draw24 keeps the top 24 bits of the second hash; its low 8 bits are dropped.
  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] input_draw, weight_draw;
  /* verilator lint_on UNUSEDSIGNAL */

  // stepKey(key, i) = mix32(key ^ i); draw24(stepKey, 0) = mix32(stepKey + 0) >> 8.
  mix32 input_key_at_index (
      .x(input_key ^ index),
      .y(input_step)
  );
  mix32 input_bits (
      .x(input_step),
      .y(input_draw)
  );
  mix32 weight_key_at_index (
      .x(weight_key ^ index),
      .y(weight_step)
  );
  mix32 weight_bits (
      .x(weight_step),
      .y(weight_draw)
  );

  // A 24-bit draw against a 25-bit threshold (0..2^24), both unsigned.
  assign pre = {1'b0, input_draw[31:8]} < input_thr;
  assign weight = {1'b0, weight_draw[31:8]} < weight_thr;
  assign active = pre & weight;

  initial count = {CW{1'b0}};

  always @(posedge clk) begin
    count <= (clear ? {CW{1'b0}} : count) + {{(CW - 1) {1'b0}}, valid & active};
  end
endmodule

`default_nettype wire
