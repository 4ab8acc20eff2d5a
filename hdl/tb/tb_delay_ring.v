// tb_delay_ring: unit testbench of delay_ring (one instance at NMAX = 32, DMAX = 8).
//
// Plusargs: +vectors=<file> (read with $readmemh), +count=<N> clocks (at most MAXCYC),
// +out=<file>. Vector file: five 32-bit hex words per clock: control (bit 0 rec_we, bit 1
// rec_spike), t, raddr, rec_addr, max_delay | tap_delay << 16. The tap tests the word read
// last clock (tap_word = rd), as the core tests a source's word it has read.
// Output file: one line per clock, "<rd> <window> <tap_hit>" (hex) before the rising edge.
`default_nettype none
`timescale 1ns / 1ps

module tb_delay_ring;
  localparam integer MAXCYC = 65536;
  localparam integer NMAX = 32;
  localparam integer DMAX = 8;

  reg [31:0] mem[0:5*MAXCYC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n;
  integer count;

  reg clk;
  reg [31:0] t;
  reg [4:0] raddr, rec_addr;
  reg rec_we, rec_spike;
  reg [31:0] max_delay;
  reg [7:0] tap_delay;
  wire [DMAX-1:0] rd, window;
  wire tap_hit;

  delay_ring #(
      .NMAX(NMAX),
      .DMAX(DMAX)
  ) dut (
      .clk(clk),
      .t(t),
      .raddr(raddr),
      .rd(rd),
      .rec_we(rec_we),
      .rec_addr(rec_addr),
      .rec_spike(rec_spike),
      .max_delay(max_delay),
      .window(window),
      .tap_word(rd),
      .tap_delay(tap_delay),
      .tap_hit(tap_hit)
  );

  initial begin
    clk = 1'b0;
    t = 32'd0;
    raddr = 5'd0;
    rec_addr = 5'd0;
    rec_we = 1'b0;
    rec_spike = 1'b0;
    max_delay = 32'd0;
    tap_delay = 8'd0;
    if (!$value$plusargs("vectors=%s", vectors_path)) begin
      $display("tb_delay_ring: missing +vectors=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("out=%s", out_path)) begin
      $display("tb_delay_ring: missing +out=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("count=%d", count)) begin
      $display("tb_delay_ring: missing +count=<N>");
      $fatal(1);
    end
    if (count < 1 || count > MAXCYC) begin
      $display("tb_delay_ring: %0d clocks, at most %0d", count, MAXCYC);
      $fatal(1);
    end
    $readmemh(vectors_path, mem, 0, 5 * count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) begin
      $display("tb_delay_ring: cannot open %0s", out_path);
      $fatal(1);
    end
    for (n = 0; n < count; n = n + 1) begin
      rec_we = mem[5*n][0];
      rec_spike = mem[5*n][1];
      t = mem[5*n+1];
      raddr = mem[5*n+2][4:0];
      rec_addr = mem[5*n+3][4:0];
      max_delay = {16'd0, mem[5*n+4][15:0]};
      tap_delay = mem[5*n+4][23:16];
      #1;
      $fwrite(out_fd, "%02h %02h %0d\n", rd, window, tap_hit);
      clk = 1'b1;
      #1;
      clk = 1'b0;
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
