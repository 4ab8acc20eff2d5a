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
// `valid` says a channel is presented; `clear` starts a step. The hashes are pipelined for
// 100 MHz (no clock chains two of the eight 32x32 multiplies, DSP48E1 slices): a channel's
// `pre`, `weight`, `active` are registered and show LATENCY (4) clocks after it was presented,
// and on that clock's rising edge
//   count <= (clear' ? 0 : count) + (valid' & active)
// with clear' and valid' the channel's, delayed alike. So presenting channels 0..m-1 on m
// consecutive clocks, `clear` with channel 0 (or on any clock before it, after the last
// step's channels), leaves the step's k in `count` after edge m + LATENCY - 1 (one channel per
// clock; the next step's `clear` may come on the very next clock). The stages:
//   1: stepKey's first multiply (mix32_pipe), 2: its second, 3: draw's first (mix32_pipe),
//   4: draw's second and the threshold compares.
// `count` wraps above 2^CW - 1; CW (2..32) = 13 counts the engine's largest layer
// (MAX_SC_CHANNELS = 4096 channels).
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
    output reg           pre,
    output reg           weight,
    output wire          active,
    output reg  [CW-1:0] count
);
  localparam integer LATENCY = 4;
  wire [31:0] input_step, weight_step;
  reg [31:0] input_step_q, weight_step_q;
  // draw24 keeps the top 24 bits of the second hash; its low 8 bits are dropped.
  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] input_draw, weight_draw;
  /* verilator lint_on UNUSEDSIGNAL */
  // A channel's thresholds and control, delayed to the stage that uses them.
  reg [24:0] input_thr_d[0:LATENCY-2];
  reg [24:0] weight_thr_d[0:LATENCY-2];
  reg [LATENCY-1:0] valid_d, clear_d;

  // stepKey(key, i) = mix32(key ^ i); draw24(stepKey, 0) = mix32(stepKey + 0) >> 8.
  mix32_pipe input_key_at_index (
      .clk(clk),
      .x  (input_key ^ index),
      .y  (input_step)
  );
  mix32_pipe input_bits (
      .clk(clk),
      .x  (input_step_q),
      .y  (input_draw)
  );
  mix32_pipe weight_key_at_index (
      .clk(clk),
      .x  (weight_key ^ index),
      .y  (weight_step)
  );
  mix32_pipe weight_bits (
      .clk(clk),
      .x  (weight_step_q),
      .y  (weight_draw)
  );

  initial begin
    count = {CW{1'b0}};
    valid_d = {LATENCY{1'b0}};
    clear_d = {LATENCY{1'b0}};
    pre = 1'b0;
    weight = 1'b0;
  end

  integer s;
  always @(posedge clk) begin
    input_step_q <= input_step;
    weight_step_q <= weight_step;
    input_thr_d[0] <= input_thr;
    weight_thr_d[0] <= weight_thr;
    for (s = 1; s < LATENCY - 1; s = s + 1) begin
      input_thr_d[s] <= input_thr_d[s-1];
      weight_thr_d[s] <= weight_thr_d[s-1];
    end
    valid_d <= {valid_d[LATENCY-2:0], valid};
    clear_d <= {clear_d[LATENCY-2:0], clear};
    // A 24-bit draw against a 25-bit threshold (0..2^24), both unsigned.
    pre <= {1'b0, input_draw[31:8]} < input_thr_d[LATENCY-2];
    weight <= {1'b0, weight_draw[31:8]} < weight_thr_d[LATENCY-2];
    count <= (clear_d[LATENCY-1] ? {CW{1'b0}} : count) +
        {{(CW - 1) {1'b0}}, valid_d[LATENCY-1] & active};
  end
  assign active = pre & weight;
endmodule

`default_nettype wire
