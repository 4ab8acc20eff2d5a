// tb_lfsr: unit testbench of lfsr over a table of configurations, one instance each, so that
// each simulator compiles the bench once.
//
// Plusargs: +vectors=<file> (read with $readmemh), +count=<N> clock cycles (at most MAXCYC),
// +out=<file>. Vector file: one 32-bit hex word per cycle: bit 31 = rst, bit k = en of entry k.
// Output file: one line "config <k> <WIDTH> <GALOIS> <TAPS> <SEED>" per table entry (TAPS and
// SEED in hex), then one line per cycle, after its rising edge: for each entry k in order,
// "<state> <next>" as 32-bit hex, where next is the combinational successor of the new state.
`default_nettype none
`timescale 1ns / 1ps

module tb_lfsr;
  // The table, entry k in bits [8k +: 8] (WIDTH, GALOIS) and [32k +: 32] (TAPS, SEED):
  // maximal XAPP052 taps in both forms at widths 3, 8, 16, 24 and 32, then two tap sets that
  // are not maximal (width 5 Fibonacci, width 12 Galois).
  localparam integer NCFG = 12;
  localparam [8*NCFG-1:0] CFG_WIDTH = {
    8'd12, 8'd5, 8'd32, 8'd32, 8'd24, 8'd24, 8'd16, 8'd16, 8'd8, 8'd8, 8'd3, 8'd3
  };
  localparam [8*NCFG-1:0] CFG_GALOIS = {
    8'd1, 8'd0, 8'd1, 8'd0, 8'd1, 8'd0, 8'd1, 8'd0, 8'd1, 8'd0, 8'd1, 8'd0
  };
  localparam [32*NCFG-1:0] CFG_TAPS = {
    32'h00000801, 32'h0000001e, 32'h80200003, 32'h80200003, 32'h00e10000, 32'h00e10000,
    32'h0000d008, 32'h0000d008, 32'h000000b8, 32'h000000b8, 32'h00000006, 32'h00000006
  };
  localparam [32*NCFG-1:0] CFG_SEED = {
    32'h00000abc, 32'h00000011, 32'hffffffff, 32'h9e3779b9, 32'h00800000, 32'h00123457,
    32'h0000ffff, 32'h0000ace1, 32'h00000080, 32'h00000001, 32'h00000007, 32'h00000001
  };
  localparam integer MAXCYC = 4096;

  reg [31:0] mem[0:MAXCYC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n;
  integer count;
  integer k;

  reg clk;
  reg rst;
  reg [NCFG-1:0] en;
  wire [32*NCFG-1:0] o_state, o_next;

  genvar g;
  generate
    for (g = 0; g < NCFG; g = g + 1) begin : table_entry
      localparam integer WK = {24'd0, CFG_WIDTH[8*g+:8]};
      localparam integer GK = {24'd0, CFG_GALOIS[8*g+:8]};
      wire [WK-1:0] state, next;
      lfsr #(
          .WIDTH (WK),
          .GALOIS(GK),
          .TAPS  (CFG_TAPS[32*g+:WK]),
          .SEED  (CFG_SEED[32*g+:WK])
      ) dut (
          .clk(clk),
          .rst(rst),
          .en(en[g]),
          .state(state),
          .next(next)
      );
      if (WK < 32) begin : narrow
        assign o_state[32*g+:32] = {{(32 - WK) {1'b0}}, state};
        assign o_next[32*g+:32] = {{(32 - WK) {1'b0}}, next};
      end else begin : full
        assign o_state[32*g+:32] = state;
        assign o_next[32*g+:32] = next;
      end
    end
  endgenerate

  initial begin
    clk = 1'b0;
    rst = 1'b0;
    en = {NCFG{1'b0}};
    if (!$value$plusargs("vectors=%s", vectors_path)) begin
      $display("tb_lfsr: missing +vectors=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("out=%s", out_path)) begin
      $display("tb_lfsr: missing +out=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("count=%d", count)) begin
      $display("tb_lfsr: missing +count=<N>");
      $fatal(1);
    end
    if (count < 1 || count > MAXCYC) begin
      $display("tb_lfsr: %0d cycles, at most %0d", count, MAXCYC);
      $fatal(1);
    end
    // The exact range: a short or long file is then reported by the simulator.
    $readmemh(vectors_path, mem, 0, count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) begin
      $display("tb_lfsr: cannot open %0s", out_path);
      $fatal(1);
    end
    for (k = 0; k < NCFG; k = k + 1) begin
      $fwrite(out_fd, "config %0d %0d %0d %h %h\n", k, CFG_WIDTH[8*k+:8], CFG_GALOIS[8*k+:8],
              CFG_TAPS[32*k+:32], CFG_SEED[32*k+:32]);
    end
    for (n = 0; n < count; n = n + 1) begin
      rst = mem[n][31];
      en = mem[n][NCFG-1:0];
      #1 clk = 1'b1;
      #1 clk = 1'b0;
      for (k = 0; k < NCFG; k = k + 1) begin
        $fwrite(out_fd, "%h %h ", o_state[32*k+:32], o_next[32*k+:32]);
      end
      $fwrite(out_fd, "\n");
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
