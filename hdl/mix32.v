// mix32: the engine's 32-bit integer hash (`mix32` in src/engine/random.ts), bit for bit:
//
//   x ^= x >> 16;  x = x * 0x7feb352d;  x ^= x >> 15;  x = x * 0x846ca68b;  x ^= x >> 16
//
// (multiplies keep the low 32 bits, as Math.imul does). The core draws its Poisson spikes with
// it: stepKey(key, t) = mix32(key ^ t), draw24 = mix32(stepKey + j) >> 8.
// Latency: combinational (zero clocks): two 32x32 multiplies, which map to DSP48E1 slices.
`default_nettype none
`timescale 1ns / 1ps

module mix32 (
    input  wire [31:0] x,
    output wire [31:0] y
);
  wire [31:0] a = x ^ (x >> 16);
  wire [31:0] b = a * 32'h7feb352d;
  wire [31:0] c = b ^ (b >> 15);
  wire [31:0] d = c * 32'h846ca68b;
  assign y = d ^ (d >> 16);
endmodule

`default_nettype wire
