// tb_fxp_lif_update: unit testbench of fxp_lif_update and fxp_channel over a grid of widths.
//
// One build covers every (W, S) pair in CFG_W/CFG_S (an instance of each module per pair), so
// each simulator compiles the bench once. Vectors come from tests/hdl (the engine's TypeScript functions); the
// outputs go to a file that the test compares with the engine, field by field.
//
// Plusargs: +vectors=<file> (read with $readmemh), +count=<N> vectors (at most MAXVEC),
// +out=<file>. Vector file: 32-bit hex words, one per line, FIELDS words per vector: cfg (index into the grid), v, i_syn, refr, leak, gain, v_rest,
// v_reset, v_threshold, refractory_steps, channel current, decay, weight. Signed values are
// two's complement in 32 bits; each instance takes the low bits its widths need.
// Output file: one line "config <k> <W> <S>" per grid entry (decimal), then one line per vector:
// v_next refr_next spike decayed delivered, as 32-bit hex (signed values sign-extended).
`default_nettype none
`timescale 1ns / 1ps

module tb_fxp_lif_update;
  // The grid, entry k in bits [8k +: 8]: W in {8, 16, 24} times S in {1, 5, 12, 16}.
  localparam integer NCFG = 12;
  localparam [8*NCFG-1:0] CFG_W = {
    8'd24, 8'd24, 8'd24, 8'd24, 8'd16, 8'd16, 8'd16, 8'd16, 8'd8, 8'd8, 8'd8, 8'd8
  };
  localparam [8*NCFG-1:0] CFG_S = {
    8'd16, 8'd12, 8'd5, 8'd1, 8'd16, 8'd12, 8'd5, 8'd1, 8'd16, 8'd12, 8'd5, 8'd1
  };
  localparam integer RW = 16;
  localparam integer FIELDS = 13;
  localparam integer MAXVEC = 16384;

  reg [31:0] mem[0:FIELDS*MAXVEC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n;
  integer count;
  integer k;
  integer cfg;

  // One vector's fields, set in one assignment; only the selected grid entry copies them in,
  // so each vector makes one instance evaluate, not all of them (Icarus ran 12x slower so).
  reg [32*FIELDS-1:0] fields;
  reg [32*FIELDS-1:0] next_fields;

  wire [32*NCFG-1:0] o_v, o_refr, o_spike, o_decayed, o_delivered;

  genvar g;
  generate
    for (g = 0; g < NCFG; g = g + 1) begin : grid
      localparam integer WK = {24'd0, CFG_W[8*g+:8]};
      localparam integer SK = {24'd0, CFG_S[8*g+:8]};
      reg [32*FIELDS-1:0] mine;
      always @(fields) if (cfg == g) mine = fields;
      wire [31:0] f_v = mine[32*1+:32];
      wire [31:0] f_i = mine[32*2+:32];
      wire [31:0] f_refr = mine[32*3+:32];
      wire [31:0] f_leak = mine[32*4+:32];
      wire [31:0] f_gain = mine[32*5+:32];
      wire [31:0] f_rest = mine[32*6+:32];
      wire [31:0] f_reset = mine[32*7+:32];
      wire [31:0] f_thr = mine[32*8+:32];
      wire [31:0] f_steps = mine[32*9+:32];
      wire [31:0] f_current = mine[32*10+:32];
      wire [31:0] f_decay = mine[32*11+:32];
      wire [31:0] f_weight = mine[32*12+:32];
      wire signed [WK-1:0] v_next, decayed, delivered;
      wire [RW-1:0] refr_next;
      wire spike;
      fxp_lif_update #(
          .W (WK),
          .S (SK),
          .RW(RW)
      ) lif (
          .v(f_v[WK-1:0]),
          .i_syn(f_i[WK-1:0]),
          .refr(f_refr[RW-1:0]),
          .leak(f_leak[SK:0]),
          .gain(f_gain[SK+8:0]),
          .v_rest(f_rest[WK-1:0]),
          .v_reset(f_reset[WK-1:0]),
          .v_threshold(f_thr[WK-1:0]),
          .refractory_steps(f_steps[RW-1:0]),
          .v_next(v_next),
          .refr_next(refr_next),
          .spike(spike)
      );
      fxp_channel #(
          .W(WK),
          .S(SK)
      ) channel (
          .current(f_current[WK-1:0]),
          .decay(f_decay[SK:0]),
          .weight(f_weight[WK-1:0]),
          .decayed(decayed),
          .delivered(delivered)
      );
      assign o_v[32*g+:32] = {{(32 - WK) {v_next[WK-1]}}, v_next};
      assign o_refr[32*g+:32] = {{(32 - RW) {1'b0}}, refr_next};
      assign o_spike[32*g+:32] = {31'd0, spike};
      assign o_decayed[32*g+:32] = {{(32 - WK) {decayed[WK-1]}}, decayed};
      assign o_delivered[32*g+:32] = {{(32 - WK) {delivered[WK-1]}}, delivered};
    end
  endgenerate

  initial begin
    if (!$value$plusargs("vectors=%s", vectors_path)) begin
      $display("tb_fxp_lif_update: missing +vectors=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("out=%s", out_path)) begin
      $display("tb_fxp_lif_update: missing +out=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("count=%d", count)) begin
      $display("tb_fxp_lif_update: missing +count=<N>");
      $fatal(1);
    end
    if (count < 1 || count > MAXVEC) begin
      $display("tb_fxp_lif_update: %0d vectors, at most %0d", count, MAXVEC);
      $fatal(1);
    end
    // The exact range: a short or long file is then reported by the simulator.
    $readmemh(vectors_path, mem, 0, FIELDS * count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) begin
      $display("tb_fxp_lif_update: cannot open %0s", out_path);
      $fatal(1);
    end
    for (k = 0; k < NCFG; k = k + 1) begin
      $fwrite(out_fd, "config %0d %0d %0d\n", k, CFG_W[8*k+:8], CFG_S[8*k+:8]);
    end
    for (n = 0; n < count; n = n + 1) begin
      cfg = mem[FIELDS*n];
      for (k = 0; k < FIELDS; k = k + 1) next_fields[32*k+:32] = mem[k+FIELDS*n];
      fields = next_fields;
      #1;
      $fwrite(out_fd, "%h %h %h %h %h\n", o_v[32*cfg+:32], o_refr[32*cfg+:32],
              o_spike[32*cfg+:32], o_decayed[32*cfg+:32], o_delivered[32*cfg+:32]);
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
