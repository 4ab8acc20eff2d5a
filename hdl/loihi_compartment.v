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
// values beyond it. Inside, x * d needs VW + 13 signed bits and u VW + 1: nothing wraps.
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
//   PIPE 0 or 1 (default 0).
// Latency: PIPE = 0 combinational (zero clocks, clk unused); a lane registers the outputs it
// stores. PIPE = 1 one clock: the two products are registered with v, I and refr, then the
// rounding, u and the compares follow (no clock chains a multiply with them, for 100 MHz);
// decay_v, decay_i, threshold and refractory must hold while a neuron is in flight.
`default_nettype none
`timescale 1ns / 1ps

module loihi_compartment #(
    parameter integer VW = 25,
    parameter integer RW = 7,
    parameter integer PIPE = 0
) (
    /* verilator lint_off UNUSEDSIGNAL */  // unread at PIPE = 0
    input  wire                 clk,
    /* verilator lint_on UNUSEDSIGNAL */
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
  // A width outside the contract stops elaboration with the problem in the module's name.
  generate
    if (VW < 25) begin : check_vw
      loihi_compartment_VW_must_be_at_least_25 refused ();
    end
    if (RW < 7) begin : check_rw
      loihi_compartment_RW_must_be_at_least_7 refused ();
    end
  endgenerate

  // Decays are fractions of 2^DECAY_SHIFT = 4096; the state limit is 2^LIMIT_BITS.
  localparam integer DECAY_SHIFT = 12;
  localparam integer LIMIT_BITS = 24;
  // rnd(x, d) without a magnitude: for x >= 0 it is ceil(x * d / 4096) = (x * d + 4095) >>> 12,
  // for x < 0 it is -ceil(-x * d / 4096) = floor(x * d / 4096) = (x * d) >>> 12. So one signed
  // multiply (VW x 14 bits: one DSP48E1 at VW = 25) and a bias by the sign. |x * d| <= 2^(VW+11)
  // and the bias is below 2^12, so PW = VW + 13 signed bits hold it.
  localparam integer PW = VW + DECAY_SHIFT + 1;
  // u = v - rnd(v) + I lies in [-2^VW, 2^VW - 1]; one more bit for the comparisons' sign.
  localparam integer UW = VW + 2;
  localparam signed [PW-1:0] CEIL = {{(PW - DECAY_SHIFT) {1'b0}}, {DECAY_SHIFT{1'b1}}};
  localparam signed [UW-1:0] LIMIT = {{(UW - LIMIT_BITS - 1) {1'b0}}, 1'b1, {LIMIT_BITS{1'b0}}};

  wire signed [PW-1:0] i_wide = {{(PW - VW) {i_syn[VW-1]}}, i_syn};
  wire signed [PW-1:0] v_wide = {{(PW - VW) {v[VW-1]}}, v};
  wire signed [PW-1:0] decay_i_x = {{(PW - 13) {1'b0}}, decay_i};
  wire signed [PW-1:0] decay_v_x = {{(PW - 13) {1'b0}}, decay_v};
  wire signed [PW-1:0] i_prod = i_wide * decay_i_x;
  wire signed [PW-1:0] v_prod = v_wide * decay_v_x;
  // The stage boundary (PIPE = 1): the products with the neuron's v, I and refr.
  wire signed [PW-1:0] i_prod_s, v_prod_s;
  wire signed [VW-1:0] v_s, i_s;
  wire [RW-1:0] refr_s;
  generate
    if (PIPE != 0) begin : g_pipe
      reg signed [PW-1:0] i_prod_q, v_prod_q;
      reg signed [VW-1:0] v_q, i_q;
      reg [RW-1:0] refr_q;
      always @(posedge clk) begin
        i_prod_q <= i_prod;
        v_prod_q <= v_prod;
        v_q <= v;
        i_q <= i_syn;
        refr_q <= refr;
      end
      assign i_prod_s = i_prod_q;
      assign v_prod_s = v_prod_q;
      assign v_s = v_q;
      assign i_s = i_q;
      assign refr_s = refr_q;
    end else begin : g_comb
      assign i_prod_s = i_prod;
      assign v_prod_s = v_prod;
      assign v_s = v;
      assign i_s = i_syn;
      assign refr_s = refr;
    end
  endgenerate
  wire signed [PW-1:0] i_bias = i_s[VW-1] ? {PW{1'b0}} : CEIL;
  wire signed [PW-1:0] v_bias = v_s[VW-1] ? {PW{1'b0}} : CEIL;
  // |rnd(x, d)| <= |x| (d <= 4096), so bits [DECAY_SHIFT +: VW] hold it; the fraction bits
  // below are what the shift drops, the bits above copy the sign.
  /* verilator lint_off UNUSEDSIGNAL */
  wire signed [PW-1:0] i_scaled = (i_prod_s + i_bias) >>> DECAY_SHIFT;
  wire signed [PW-1:0] v_scaled = (v_prod_s + v_bias) >>> DECAY_SHIFT;
  /* verilator lint_on UNUSEDSIGNAL */
  wire signed [VW-1:0] i_rnd = i_scaled[VW-1:0];
  wire signed [VW-1:0] v_rnd = v_scaled[VW-1:0];
  // I - rnd(I) cannot wrap: it lies between 0 and I.
  assign i_next = i_s - i_rnd;

  wire signed [UW-1:0] v_x = {{(UW - VW) {v_s[VW-1]}}, v_s};
  wire signed [UW-1:0] i_x = {{(UW - VW) {i_s[VW-1]}}, i_s};
  wire signed [UW-1:0] rnd_x = {{(UW - VW) {v_rnd[VW-1]}}, v_rnd};
  wire signed [UW-1:0] u = v_x - rnd_x + i_x;
  wire signed [UW-1:0] threshold_x = {{(UW - 24) {1'b0}}, threshold};

  wire held = (refr_s != {RW{1'b0}});
  wire fired = !held && (u > threshold_x);

  assign spike = fired;
  assign v_next = held ? v_s : fired ? {VW{1'b0}} : u[VW-1:0];
  assign refr_next = held ? refr_s - 1'b1 : fired ? refractory - 1'b1 : {RW{1'b0}};
  assign overflow_i = (i_x >= LIMIT) || (i_x <= -LIMIT);
  assign overflow_v = !held && ((u >= LIMIT) || (u <= -LIMIT));
endmodule

`default_nettype wire
