// lfsr: one linear-feedback shift register, stepping exactly as the engine's `lfsrNext`
// (src/engine/sc/lfsr.ts), so that an SC lane in hardware draws the same bit stream.
//
// Parameters
//   WIDTH   register width in bits (the engine accepts 3..32).
//   GALOIS  0: Fibonacci form (shift left, new bit 0 = XOR of the tapped bits);
//           1: Galois form (shift right; when the bit shifted out is 1, XOR TAPS in).
//   TAPS    tap mask: tap t (1-based, as in lfsr-taps.ts) is bit t-1; must include bit WIDTH-1.
//   SEED    nonzero reset value (zero locks the register up, as in the engine).
// Ports
//   clk, rst (synchronous, loads SEED), en (step enable: one step per enabled clock).
//   state   the register; next: the combinational value `state` takes on the next enabled clock.
// Latency: state changes one clock after en; one step per clock.
`default_nettype none
`timescale 1ns / 1ps

module lfsr #(
    parameter integer WIDTH = 16,
    parameter integer GALOIS = 0,
    parameter [WIDTH-1:0] TAPS = 16'hD008,
    parameter [WIDTH-1:0] SEED = 1
) (
    input wire clk,
    input wire rst,
    input wire en,
    output reg [WIDTH-1:0] state,
    output wire [WIDTH-1:0] next
);
  // Fibonacci: the parity of the tapped bits enters at bit 0.
  wire feedback = ^(state & TAPS);
  wire [WIDTH-1:0] fibonacci_next = {state[WIDTH-2:0], feedback};
  // Galois: the bit shifted out decides whether the tap mask is folded in.
  wire [WIDTH-1:0] shifted = {1'b0, state[WIDTH-1:1]};
  wire [WIDTH-1:0] galois_next = state[0] ? (shifted ^ TAPS) : shifted;

  assign next = (GALOIS != 0) ? galois_next : fibonacci_next;

  always @(posedge clk) begin
    if (rst) state <= SEED;
    else if (en) state <= next;
  end
endmodule

`default_nettype wire
