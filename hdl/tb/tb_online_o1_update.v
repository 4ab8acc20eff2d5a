// tb_online_o1_update: unit testbench of online_o1_update over a grid of configurations.
//
// One build covers every configuration in the CFG_* tables (an instance each), so each
// simulator compiles the bench once. Vectors come from tests/hdl (the engine's `stepOnlineO1`,
// or a `spikelab online-o1` stream file); the outputs go to a file that the test compares
// field by field.
//
// Plusargs: +vectors=<file> (read with $readmemh), +count=<N> vectors (at most MAXVEC),
// +out=<file>. Vector file: 32-bit hex words, one per line, FIELDS words per vector: cfg (index
// into the grid), chain, weight, pre_trace, post_trace, eligibility, pre, post, reward. With
// chain = 0 the state comes from the vector's words; with chain = 1 it is the state that the
// entry's previous vector produced (its words are ignored), so a stream replays step by step
// through the module with the state fed back as a lane would store it. Signed values are two's
// complement in 32 bits; each instance takes the low bits its widths need.
// Output file: one line "config <k> <WB> <TB> <RB> <LS> <DS>" per grid entry (decimal), then
// one line per vector: weight pre_trace post_trace eligibility, as 32-bit hex (eligibility
// sign-extended).
`default_nettype none
`timescale 1ns / 1ps

module tb_online_o1_update;
  // The grid, entry k in bits [8k +: 8]: the engine's defaults (16/12/8, shifts 4 and 4); the
  // hand-worked 8/4/4 (1, 2) of tests/unit; every field at its minimum; the widest weight and
  // traces with the largest shifts; the widest reward at the narrowest trace; reward + trace =
  // 32 without decay; a 31-bit weight moved by unshifted products; a narrow weight with wide
  // traces.
  localparam integer NCFG = 8;
  localparam [8*NCFG-1:0] CFG_WB = {8'd4, 8'd31, 8'd16, 8'd31, 8'd31, 8'd1, 8'd8, 8'd16};
  localparam [8*NCFG-1:0] CFG_TB = {8'd20, 8'd24, 8'd16, 8'd2, 8'd30, 8'd2, 8'd4, 8'd12};
  localparam [8*NCFG-1:0] CFG_RB = {8'd12, 8'd8, 8'd16, 8'd30, 8'd2, 8'd1, 8'd4, 8'd8};
  localparam [8*NCFG-1:0] CFG_LS = {8'd12, 8'd0, 8'd30, 8'd30, 8'd30, 8'd0, 8'd1, 8'd4};
  localparam [8*NCFG-1:0] CFG_DS = {8'd1, 8'd30, 8'd0, 8'd1, 8'd30, 8'd0, 8'd2, 8'd4};
  localparam integer FIELDS = 9;
  localparam integer MAXVEC = 32768;

  reg [31:0] mem[0:FIELDS*MAXVEC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n;
  integer count;
  integer k;
  integer cfg;
  // Pulsed after each vector's output is written: on its rising edge the selected entry keeps
  // its outputs as the state a chained vector starts from.
  reg commit = 1'b0;

  // One vector's fields, set in one assignment; only the selected grid entry copies them in,
  // so each vector makes one instance evaluate, not all of them.
  reg [32*FIELDS-1:0] fields;
  reg [32*FIELDS-1:0] next_fields;

  wire [32*NCFG-1:0] o_weight, o_pre, o_post, o_elig;

  genvar g;
  generate
    for (g = 0; g < NCFG; g = g + 1) begin : grid
      localparam integer WB = {24'd0, CFG_WB[8*g+:8]};
      localparam integer TB = {24'd0, CFG_TB[8*g+:8]};
      localparam integer RB = {24'd0, CFG_RB[8*g+:8]};
      localparam integer LS = {24'd0, CFG_LS[8*g+:8]};
      localparam integer DS = {24'd0, CFG_DS[8*g+:8]};
      reg [32*FIELDS-1:0] mine;
      always @(fields) if (cfg == g) mine = fields;
      wire chain = mine[32*1];
      wire [WB-1:0] weight_next;
      wire [TB-1:0] pre_next, post_next;
      wire signed [TB-1:0] elig_next;
      reg [WB-1:0] held_weight = {WB{1'b0}};
      reg [TB-1:0] held_pre = {TB{1'b0}};
      reg [TB-1:0] held_post = {TB{1'b0}};
      reg [TB-1:0] held_elig = {TB{1'b0}};
      always @(posedge commit)
        if (cfg == g) begin
          held_weight <= weight_next;
          held_pre <= pre_next;
          held_post <= post_next;
          held_elig <= elig_next;
        end
      wire [31:0] f_weight = mine[32*2+:32];
      wire [31:0] f_pre = mine[32*3+:32];
      wire [31:0] f_post = mine[32*4+:32];
      wire [31:0] f_elig = mine[32*5+:32];
      online_o1_update #(
          .WB (WB),
          .TB (TB),
          .RB (RB),
          .LS (LS),
          .DS (DS),
          .RIW(32)
      ) synapse (
          .weight(chain ? held_weight : f_weight[WB-1:0]),
          .pre_trace(chain ? held_pre : f_pre[TB-1:0]),
          .post_trace(chain ? held_post : f_post[TB-1:0]),
          .eligibility(chain ? held_elig : f_elig[TB-1:0]),
          .pre(mine[32*6]),
          .post(mine[32*7]),
          .reward(mine[32*8+:32]),
          .weight_next(weight_next),
          .pre_trace_next(pre_next),
          .post_trace_next(post_next),
          .eligibility_next(elig_next)
      );
      assign o_weight[32*g+:32] = {{(32 - WB) {1'b0}}, weight_next};
      assign o_pre[32*g+:32] = {{(32 - TB) {1'b0}}, pre_next};
      assign o_post[32*g+:32] = {{(32 - TB) {1'b0}}, post_next};
      assign o_elig[32*g+:32] = {{(32 - TB) {elig_next[TB-1]}}, elig_next};
    end
  endgenerate

  initial begin
    if (!$value$plusargs("vectors=%s", vectors_path)) begin
      $display("tb_online_o1_update: missing +vectors=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("out=%s", out_path)) begin
      $display("tb_online_o1_update: missing +out=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("count=%d", count)) begin
      $display("tb_online_o1_update: missing +count=<N>");
      $fatal(1);
    end
    if (count < 1 || count > MAXVEC) begin
      $display("tb_online_o1_update: %0d vectors, at most %0d", count, MAXVEC);
      $fatal(1);
    end
    // The exact range: a short or long file is then reported by the simulator.
    $readmemh(vectors_path, mem, 0, FIELDS * count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) begin
      $display("tb_online_o1_update: cannot open %0s", out_path);
      $fatal(1);
    end
    for (k = 0; k < NCFG; k = k + 1) begin
      $fwrite(out_fd, "config %0d %0d %0d %0d %0d %0d\n", k, CFG_WB[8*k+:8], CFG_TB[8*k+:8],
              CFG_RB[8*k+:8], CFG_LS[8*k+:8], CFG_DS[8*k+:8]);
    end
    for (n = 0; n < count; n = n + 1) begin
      cfg = mem[FIELDS*n];
      for (k = 0; k < FIELDS; k = k + 1) next_fields[32*k+:32] = mem[k+FIELDS*n];
      fields = next_fields;
      #1;
      $fwrite(out_fd, "%h %h %h %h\n", o_weight[32*cfg+:32], o_pre[32*cfg+:32],
              o_post[32*cfg+:32], o_elig[32*cfg+:32]);
      commit = 1'b1;
      #1;
      commit = 1'b0;
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
