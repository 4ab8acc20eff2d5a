`default_nettype none
`timescale 1ns / 1ps
// Behavioural stand-ins for the Xilinx 7-series PLLE2_BASE and BUFG primitives, for simulation
// and lint ONLY (Vivado uses the real primitives; this file is never part of a synthesised
// design), with only the ports the generated board top connects.
//
// The model does not synthesise a frequency: CLKOUT0 and CLKFBOUT are CLKIN1 itself (a
// testbench's clock is the core's clock), and LOCKED rises after LOCK_CYCLES input clocks, so
// the board top's wait for the lock is exercised. The parameters are taken and unused.
// The primitives' names are Xilinx's, not this file's.
/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off UNUSEDSIGNAL */
module PLLE2_BASE #(
    parameter real    CLKIN1_PERIOD  = 10.0,
    parameter integer DIVCLK_DIVIDE  = 1,
    parameter integer CLKFBOUT_MULT  = 5,
    parameter integer CLKOUT0_DIVIDE = 1
) (
    input  wire CLKIN1,
    input  wire CLKFBIN,
    output wire CLKFBOUT,
    output wire CLKOUT0,
    output reg  LOCKED,
    input  wire PWRDWN,
    input  wire RST
);
  localparam integer LOCK_CYCLES = 8;
  integer seen = 0;
  initial LOCKED = 1'b0;
  always @(posedge CLKIN1) begin
    if (seen < LOCK_CYCLES) seen <= seen + 1;
    LOCKED <= seen >= LOCK_CYCLES - 1;
  end
  assign CLKOUT0  = CLKIN1;
  assign CLKFBOUT = CLKIN1;
endmodule

module BUFG (
    input  wire I,
    output wire O
);
  assign O = I;
endmodule
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on DECLFILENAME */

`default_nettype wire
