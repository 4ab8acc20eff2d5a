// loihi_compartment: one Loihi compartment's step (CONTEXT.md step 5c; `stepLoihiCompartment`
// in src/engine/loihi/loihi-compartment.ts, which is `stepLoihi` for one neuron), bit for bit.
//
//   rnd(x, d) = sign(x) * ceil(|x| * d / 4096)
//   I'  = I - rnd(I, decay_i)
//   held (refr > 0):  refr' = refr - 1; v' = v; no threshold test
//   otherwise:        u = v - rnd(v, decay_v) + I        (I before its decay: forward Euler)
//                     spike = u > threshold
//                     spike:  v' = 0, refr' = refractory - 1;   else  v' = u, refr' = 0
//
// The engine stops with NumericalError when |I| >= 2^24 at the input (field I, checked first,
// also when held) or when |u| >= 2^24 (field v); the module flags both (`overflow_i`,
// `overflow_v`) and its other outputs are then meaningless, as the engine's state is.
//
// Widths. The engine accepts |v|, |I| <= 2^24 - 1, which takes 25 bits in two's complement
// (Loihi's 24-bit magnitude plus a sign), so VW >= 25; VW = 25 holds every state the engine
// accepts. A wider VW (a delivery accumulator that may pass the limit) lets `overflow_i` see
// values beyond it. Inside, |x| * d needs VW + 12 bits and u needs VW + 1: nothing wraps.
//
// Parameters
//   VW  width of v, I and their outputs (>= 25; default 25).
//   RW  width of refr, refractory and refr_next (>= 7: refractory is 1..64; default 7).
// Ports (signed: two's complement; unsigned: plain binary)
//   v, i_syn            signed [VW-1:0]  v before the step; I after this step's deliveries
//   refr                [RW-1:0]         steps still held
//   decay_v, decay_i    [12:0], 0..4096
//   threshold           [23:0]           threshold_v_mant * 2^6 (below 2^23)
//   refractory          [RW-1:0]         1..64 (0 is outside the contract)
//   v_next, i_next      signed [VW-1:0]; refr_next [RW-1:0]; spike; overflow_i; overflow_v
// Latency: combinational (zero clocks); a lane registers the outputs it stores.
`default_nettype none
`timescale 1ns / 1ps

module loihi_compartment #(
    parameter integer VW = 25,
    parameter integer RW = 7
) (
    input  wire signed [VW-1:0] v,
    input  wire signed [VW-1:0] i_syn,
    input  wire        [RW-1:0] refr,
    input  wire        [  12:0] decay_v,
    input  wire        [  12:0] decay_i,
    input  wire        [  23:0] threshold,
    input  wire        [RW-1:0] refractory,
    output wire signed [VW-1:0] v_next,
    output wire signed [VW-1:0] i_next,
    output wire        [RW-1:0] refr_next,
    output wire                 spike,
    output wire                 overflow_i,
    output wire                 overflow_v
);
  // Decays are fractions of 2^DECAY_SHIFT = 4096; the state limit is 2^LIMIT_BITS.
  localparam integer DECAY_SHIFT = 12;
  localparam integer LIMIT_BITS = 24;
  // |x| * d <= 2^(VW-1) * 2^12, plus the 4095 that makes the shift a ceil: below 2^(VW+12).
  localparam integer PW = VW + DECAY_SHIFT;
  // u = v - rnd(v) + I lies in [-2^VW, 2^VW - 1]; one more bit for the comparisons' sign.
  localparam integer UW = VW + 2;
  localparam [PW-1:0] CEIL = {{(PW - DECAY_SHIFT) {1'b0}}, {DECAY_SHIFT{1'b1}}};
  localparam signed [UW-1:0] LIMIT = {{(UW - LIMIT_BITS - 1) {1'b0}}, 1'b1, {LIMIT_BITS{1'b0}}};

  // rnd(I, decay_i): the magnitude's ceil-scaled decay with I's sign put back.
  wire i_neg = i_syn[VW-1];
  wire [VW-1:0] i_mag = i_neg ? -i_syn : i_syn;
  wire [PW-1:0] i_prod = {{(PW - VW) {1'b0}}, i_mag} * {{(PW - 13) {1'b0}}, decay_i};
  // The fraction bits [DECAY_SHIFT-1:0] are dropped: that is the shift.
  /* verilator lint_off UNUSEDSIGNAL */
  wire [PW-1:0] i_ceil = i_prod + CEIL;
  /* verilator lint_on UNUSEDSIGNAL */
  // ceil(|I| * d / 4096) <= |I| (d <= 4096): VW bits hold it and I - rnd(I) cannot wrap.
  wire [VW-1:0] i_step = i_ceil[PW-1:DECAY_SHIFT];
  wire signed [VW-1:0] i_rnd = i_neg ? -i_step : i_step;
  assign i_next = i_syn - i_rnd;

  // rnd(v, decay_v), alike.
  wire v_neg = v[VW-1];
  wire [VW-1:0] v_mag = v_neg ? -v : v;
  wire [PW-1:0] v_prod = {{(PW - VW) {1'b0}}, v_mag} * {{(PW - 13) {1'b0}}, decay_v};
  /* verilator lint_off UNUSEDSIGNAL */
  wire [PW-1:0] v_ceil = v_prod + CEIL;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [VW-1:0] v_step = v_ceil[PW-1:DECAY_SHIFT];
  wire signed [VW-1:0] v_rnd = v_neg ? -v_step : v_step;

  wire signed [UW-1:0] v_x = {{(UW - VW) {v[VW-1]}}, v};
  wire signed [UW-1:0] i_x = {{(UW - VW) {i_syn[VW-1]}}, i_syn};
  wire signed [UW-1:0] rnd_x = {{(UW - VW) {v_rnd[VW-1]}}, v_rnd};
  wire signed [UW-1:0] u = v_x - rnd_x + i_x;
  wire signed [UW-1:0] threshold_x = {{(UW - 24) {1'b0}}, threshold};

  wire held = (refr != {RW{1'b0}});
  wire fired = !held && (u > threshold_x);

  assign spike = fired;
  assign v_next = held ? v : fired ? {VW{1'b0}} : u[VW-1:0];
  assign refr_next = held ? refr - 1'b1 : fired ? refractory - 1'b1 : {RW{1'b0}};
  assign overflow_i = (i_x >= LIMIT) || (i_x <= -LIMIT);
  assign overflow_v = !held && ((u >= LIMIT) || (u <= -LIMIT));
endmodule

`default_nettype wire
