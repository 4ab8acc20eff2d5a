// delay_ring: the spike history of every neuron as the network core keeps it (issue 8), and the
// two tests the core's delivery and learning make on it.
//
// One history word of DMAX bits per neuron (a power of two above the largest delay): bit
// t mod DMAX is 1 when the neuron spiked at step t, so a word holds the last DMAX steps. The
// memory has one synchronous read port (raddr -> rd one clock later, block RAM) and one write
// port that records a step: `rec_we` writes the word read last clock (`rd`, which must be
// rec_addr's: the core's neuron pass reads a neuron at P0 and records it at P1) with bit
// t mod DMAX set to `rec_spike`, so the slot a step reuses is cleared as it is written.
//
//   window[b]  bit b's step, t - ((t - b) mod DMAX), lies in [t - max_delay, t] and at or after
//              step 0: (t - b) mod DMAX <= max_delay and <= t. A source of a per-synapse-delay
//              projection whose word has no bit in the window has no event to deliver.
//   tap_hit    the per-synapse delay test: a synapse of delay d delivers the spike its source
//              made at step t - d, so d <= t and bit (t - d) mod DMAX of the source's word
//              (`tap_word`, read earlier) is 1. Also the OnlineO1 pass's pre (src/engine step 5e).
//
// Every combinational output depends on the ports only (no memory read), so the core can use
// window and tap in any phase.
`default_nettype none
`timescale 1ns / 1ps

module delay_ring #(
    parameter integer NMAX = 256,  // neurons (power of two)
    parameter integer DMAX = 4     // history depth (a power of two, at least 2, above the largest delay)
) (
    input  wire            clk,
    input  wire [    31:0] t,           // the current step
    input  wire [  NW-1:0] raddr,
    output reg  [DMAX-1:0] rd,          // the word at raddr of the last clock
    input  wire            rec_we,
    input  wire [  NW-1:0] rec_addr,
    input  wire            rec_spike,
    input  wire [    31:0] max_delay,   // the projection's largest delay
    output wire [DMAX-1:0] window,
    input  wire [DMAX-1:0] tap_word,
    input  wire [     7:0] tap_delay,
    output wire            tap_hit
);
  localparam integer NW = $clog2(NMAX);
  localparam integer DW = $clog2(DMAX);

  reg [DMAX-1:0] mem[0:NMAX-1];
  integer n;
  // Simulation only: the 7-series powers RAM up at zero, and Yosys unrolls the loop word by word.
`ifndef SYNTHESIS
  initial for (n = 0; n < NMAX; n = n + 1) mem[n] = {DMAX{1'b0}};
`endif

  wire [DW-1:0] slot = t[DW-1:0];  // t mod DMAX
  wire [DMAX-1:0] slot_bit = {{(DMAX - 1) {1'b0}}, 1'b1} << slot;
  wire [DMAX-1:0] rec_word = (rd & ~slot_bit) | (rec_spike ? slot_bit : {DMAX{1'b0}});
  always @(posedge clk) begin
    if (rec_we) mem[rec_addr] <= rec_word;
    rd <= mem[raddr];
  end

  genvar b;
  generate
    for (b = 0; b < DMAX; b = b + 1) begin : g_window
      wire [DW-1:0] back = slot - b[DW-1:0];  // (t - b) mod DMAX: how many steps ago bit b was
      assign window[b] = ({{(32 - DW) {1'b0}}, back} <= max_delay) &&
                         ({{(32 - DW) {1'b0}}, back} <= t);
    end
  endgenerate

  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] since = t - {24'd0, tap_delay};  // its low DW bits: the delayed step's slot
  /* verilator lint_on UNUSEDSIGNAL */
  assign tap_hit = {24'd0, tap_delay} <= t && tap_word[since[DW-1:0]];
endmodule

`default_nettype wire
