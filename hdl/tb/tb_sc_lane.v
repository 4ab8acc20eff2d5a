// tb_sc_lane: unit testbench of sc_lane (one instance at CW = 13).
//
// Plusargs: +vectors=<file> (read with $readmemh), +count=<N> clocks (at most MAXCYC),
// +out=<file>. Vector file: six 32-bit hex words per clock: control (bit 0 valid, bit 1 clear),
// index, input_key, weight_key, input_thr, weight_thr (thresholds in bits 24:0).
// Output file: one line per clock of the vectors, "<pre> <weight> <active> <count>": the bits of
// the channel presented on that clock, which sc_lane shows LATENCY clocks later, and count
// (8 hex digits) after the rising edge that counts it (the bench runs LATENCY idle clocks
// after the last vector, so every vector's line is written).
`default_nettype none
`timescale 1ns / 1ps

module tb_sc_lane;
  localparam integer MAXCYC = 8192;
  localparam integer CW = 13;
  localparam integer LATENCY = 4;  // sc_lane's: a wrong value fails every line, not silently

  reg [31:0] mem[0:6*MAXCYC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n;
  integer count;

  reg clk;
  reg clear;
  reg valid;
  reg [31:0] index, input_key, weight_key;
  reg [24:0] input_thr, weight_thr;
  wire pre, weight, active;
  wire [CW-1:0] k;

  sc_lane #(
      .CW(CW)
  ) dut (
      .clk(clk),
      .clear(clear),
      .valid(valid),
      .index(index),
      .input_key(input_key),
      .weight_key(weight_key),
      .input_thr(input_thr),
      .weight_thr(weight_thr),
      .pre(pre),
      .weight(weight),
      .active(active),
      .count(k)
  );

  reg p_pre, p_weight, p_active;

  initial begin
    clk = 1'b0;
    clear = 1'b0;
    valid = 1'b0;
    index = 32'd0;
    input_key = 32'd0;
    weight_key = 32'd0;
    input_thr = 25'd0;
    weight_thr = 25'd0;
    if (!$value$plusargs("vectors=%s", vectors_path)) begin
      $display("tb_sc_lane: missing +vectors=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("out=%s", out_path)) begin
      $display("tb_sc_lane: missing +out=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("count=%d", count)) begin
      $display("tb_sc_lane: missing +count=<N>");
      $fatal(1);
    end
    if (count < 1 || count > MAXCYC) begin
      $display("tb_sc_lane: %0d clocks, at most %0d", count, MAXCYC);
      $fatal(1);
    end
    // The exact range: a short or long file is then reported by the simulator.
    $readmemh(vectors_path, mem, 0, 6 * count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) begin
      $display("tb_sc_lane: cannot open %0s", out_path);
      $fatal(1);
    end
    for (n = 0; n < count + LATENCY; n = n + 1) begin
      if (n < count) begin
        valid = mem[6*n][0];
        clear = mem[6*n][1];
        index = mem[6*n+1];
        input_key = mem[6*n+2];
        weight_key = mem[6*n+3];
        input_thr = mem[6*n+4][24:0];
        weight_thr = mem[6*n+5][24:0];
      end else begin
        valid = 1'b0;
        clear = 1'b0;
      end
      #1 p_pre = pre;
      p_weight = weight;
      p_active = active;
      clk = 1'b1;
      #1 clk = 1'b0;
      if (n >= LATENCY)
        $fwrite(out_fd, "%0d %0d %0d %h\n", p_pre, p_weight, p_active, {{(32 - CW) {1'b0}}, k});
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
