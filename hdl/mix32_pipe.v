// mix32_pipe: the engine's mix32 hash (src/engine/random.ts; hdl/mix32.v computes it in one
// combinational clock) with a register between its two multiplies, so that no clock of the core
// chains them (issue 8's 100 MHz goal):
//
//   stage 1 (into `half`): x ^= x >> 16;  x = x * 0x7feb352d
//   stage 2 (combinational from `half`): x ^= x >> 15;  x = x * 0x846ca68b;  x ^= x >> 16
//
// (multiplies keep the low 32 bits, as Math.imul does). y = mix32(x of the previous clock):
// latency 1, one hash per clock. The core's Poisson draw feeds it stepKey + j when it issues
// neuron j and reads the draw at that neuron's P1, the next clock; its step key is hashed the
// same way over two clocks.
`default_nettype none
`timescale 1ns / 1ps

module mix32_pipe (
    input  wire        clk,
    input  wire [31:0] x,
    output wire [31:0] y
);
  wire [31:0] a = x ^ (x >> 16);
  reg  [31:0] half;
  always @(posedge clk) half <= a * 32'h7feb352d;
  wire [31:0] c = half ^ (half >> 15);
  wire [31:0] d = c * 32'h846ca68b;
  assign y = d ^ (d >> 16);
endmodule

`default_nettype wire
