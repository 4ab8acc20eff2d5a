// tb_mix32_pipe: unit testbench of mix32_pipe (latency 1, one hash per clock).
//
// Plusargs: +vectors=<file> (read with $readmemh), +count=<N> words (at most MAXCYC),
// +out=<file>. Vector file: one 32-bit hex x per clock. Output file: one line per clock, "<y>"
// (hex) after the edge that took x: the hash of that x.
`default_nettype none
`timescale 1ns / 1ps

module tb_mix32_pipe;
  localparam integer MAXCYC = 16384;

  reg [31:0] mem[0:MAXCYC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n;
  integer count;

  reg clk;
  reg [31:0] x;
  wire [31:0] y;

  mix32_pipe dut (
      .clk(clk),
      .x(x),
      .y(y)
  );

  initial begin
    clk = 1'b0;
    x = 32'd0;
    if (!$value$plusargs("vectors=%s", vectors_path)) begin
      $display("tb_mix32_pipe: missing +vectors=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("out=%s", out_path)) begin
      $display("tb_mix32_pipe: missing +out=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("count=%d", count)) begin
      $display("tb_mix32_pipe: missing +count=<N>");
      $fatal(1);
    end
    if (count < 1 || count > MAXCYC) begin
      $display("tb_mix32_pipe: %0d clocks, at most %0d", count, MAXCYC);
      $fatal(1);
    end
    $readmemh(vectors_path, mem, 0, count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) begin
      $display("tb_mix32_pipe: cannot open %0s", out_path);
      $fatal(1);
    end
    for (n = 0; n < count; n = n + 1) begin
      x = mem[n];
      #1 clk = 1'b1;
      #1 clk = 1'b0;
      $fwrite(out_fd, "%h\n", y);
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
