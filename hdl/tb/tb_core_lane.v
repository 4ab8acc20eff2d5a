// tb_core_lane: unit testbench of neuron_lane (and so fxp_lif_var, the runtime-W/S LIF update)
// at the core's widths (WMAX 24, SMAX 16, two channels), against the engine's functions
// (tests/hdl/core-lane.test.ts: saturate, fixedLifStep, fixedDecay).
//
// Plusargs: +vectors=<file> +count=<N> +out=<file>. Vector file: 32-bit hex words, FIELDS per
// vector: W, S, ext, I_0, I_1, decay_0, decay_1, nch, v, refr, leak, gain, v_rest, v_reset,
// v_threshold, refractory_steps (signed values two's complement in 32 bits). The lane is the
// core's, PIPE = 1: each vector is held for its three clocks of latency before the outputs are read. Output per
// vector: v_next refr_next spike i_0' i_1' i_sum, 32-bit hex (signed values sign-extended).
`default_nettype none
`timescale 1ns / 1ps

module tb_core_lane;
  localparam integer WMAX = 24;
  localparam integer SMAX = 16;
  localparam integer RW = 16;
  localparam integer FIELDS = 16;
  localparam integer MAXVEC = 8192;

  reg [31:0] mem[0:FIELDS*MAXVEC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n;
  integer count;

  reg [4:0] w;
  reg [4:0] s_shift;
  reg signed [31:0] ext;
  reg [2*WMAX-1:0] i_in;
  reg [2*(SMAX+1)-1:0] decay;
  reg [4:0] nch;
  reg signed [WMAX-1:0] v, v_rest, v_reset, v_threshold;
  reg [RW-1:0] refr, refractory_steps;
  reg [SMAX:0] leak;
  reg [SMAX+8:0] gain;
  // The W-bit bounds of the population, as the core's pop.hex carries them.
  wire signed [WMAX-1:0] v_max = (24'sd1 <<< (w - 5'd1)) - 24'sd1;
  wire signed [WMAX-1:0] v_min = -(24'sd1 <<< (w - 5'd1));

  wire signed [WMAX-1:0] v_next;
  wire [RW-1:0] refr_next;
  wire spike;
  wire [2*WMAX-1:0] i_out;
  wire signed [31:0] i_sum;

  reg clk = 1'b0;
  integer edge_n;

  neuron_lane #(
      .CHMAX(2),
      .WMAX (WMAX),
      .SMAX (SMAX),
      .RW   (RW),
      .PIPE (1)
  ) lane (
      .clk(clk),
      .ext(ext),
      .i_in(i_in),
      .decay(decay),
      .nch(nch),
      .s_shift(s_shift),
      .v(v),
      .refr(refr),
      .leak(leak),
      .gain(gain),
      .v_rest(v_rest),
      .v_reset(v_reset),
      .v_threshold(v_threshold),
      .v_min(v_min),
      .v_max(v_max),
      .refractory_steps(refractory_steps),
      .v_next(v_next),
      .refr_next(refr_next),
      .spike(spike),
      .i_out(i_out),
      .i_sum(i_sum)
  );

  wire signed [WMAX-1:0] i_out0 = i_out[WMAX-1:0];
  wire signed [WMAX-1:0] i_out1 = i_out[2*WMAX-1:WMAX];

  initial begin
    if (!$value$plusargs("vectors=%s", vectors_path)) $fatal(1, "tb_core_lane: give +vectors=");
    if (!$value$plusargs("count=%d", count)) $fatal(1, "tb_core_lane: give +count=");
    if (!$value$plusargs("out=%s", out_path)) $fatal(1, "tb_core_lane: give +out=");
    if (count > MAXVEC) $fatal(1, "tb_core_lane: at most %0d vectors", MAXVEC);
    $readmemh(vectors_path, mem, 0, FIELDS * count - 1);
    out_fd = $fopen(out_path, "w");
    for (n = 0; n < count; n = n + 1) begin
      w = mem[n*FIELDS+0][4:0];
      s_shift = mem[n*FIELDS+1][4:0];
      ext = mem[n*FIELDS+2];
      i_in = {mem[n*FIELDS+4][WMAX-1:0], mem[n*FIELDS+3][WMAX-1:0]};
      decay = {mem[n*FIELDS+6][SMAX:0], mem[n*FIELDS+5][SMAX:0]};
      nch = mem[n*FIELDS+7][4:0];
      v = mem[n*FIELDS+8][WMAX-1:0];
      refr = mem[n*FIELDS+9][RW-1:0];
      leak = mem[n*FIELDS+10][SMAX:0];
      gain = mem[n*FIELDS+11][SMAX+8:0];
      v_rest = mem[n*FIELDS+12][WMAX-1:0];
      v_reset = mem[n*FIELDS+13][WMAX-1:0];
      v_threshold = mem[n*FIELDS+14][WMAX-1:0];
      refractory_steps = mem[n*FIELDS+15][RW-1:0];
      for (edge_n = 0; edge_n < 3; edge_n = edge_n + 1) begin
        #1 clk = 1'b1;
        #1 clk = 1'b0;
      end
      #1;
      $fwrite(out_fd, "%h %h %h %h %h %h\n", {{(32 - WMAX) {v_next[WMAX-1]}}, v_next},
              {{(32 - RW) {1'b0}}, refr_next}, {31'd0, spike},
              {{(32 - WMAX) {i_out0[WMAX-1]}}, i_out0}, {{(32 - WMAX) {i_out1[WMAX-1]}}, i_out1},
              i_sum);
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
