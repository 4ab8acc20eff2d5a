// fxp_lif_var: one neuron's fixed-point LIF update (CONTEXT.md step 2f, `fixedLifStep` in
// src/engine/fixed-point/fixed-lif-step.ts) with the population's W and S as ports, not
// parameters, so one datapath at the widest W and S serves populations of different widths.
//
//   held (refr > 0):  refr' = refr - 1; V' = V; no spike
//   otherwise:        U = sat(V - ((V - vRest) * leak >>> S) + (I * gain >>> S))
//                     spike = U >= vThreshold
//                     spike:   V' = vReset, refr' = max(refractorySteps - 1, 0)
//                     else:    V' = U,      refr' = 0
//
// Values of a population with W < WMAX arrive sign-extended to WMAX bits; `sat` clamps to the
// population's [v_min, v_max] = [-2^(W-1), 2^(W-1) - 1]. The shift by a runtime S is exact: the
// products are formed in PW bits, where nothing wraps, and `>>>` of a signed PW-bit value by any
// amount is the floor of the quotient (the sign fills from the left), as `shiftFloor` is.
//
// Parameters: WMAX widest W (24), SMAX widest S (16), RW refractory counter width.
// Ports: as `fxp_lif_update`, plus s_shift (S, 1..SMAX), v_min and v_max (the W-bit bounds).
// Latency: PIPE = 0 combinational (zero clocks, clk unused). PIPE = 1 one clock: v, refr and the
// two products are registered at clk (no clock chains a product into the 13-CARRY4 sum and its
// compares, for 100 MHz); the outputs are those of the inputs of the last clock. The
// population's fields (leak and gain are read into the products; v_rest... refractory_steps,
// s_shift after them) must then hold while a neuron is in flight, as the core's pass keeps them.
`default_nettype none
`timescale 1ns / 1ps

module fxp_lif_var #(
    parameter integer WMAX = 24,
    parameter integer SMAX = 16,
    parameter integer RW   = 16,
    parameter integer PIPE = 0
) (
    /* verilator lint_off UNUSEDSIGNAL */  // unread at PIPE = 0
    input  wire                              clk,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire signed [           WMAX-1:0] v,
    input  wire signed [           WMAX-1:0] i_syn,
    input  wire        [             RW-1:0] refr,
    input  wire        [             SMAX:0] leak,
    input  wire        [           SMAX+8:0] gain,
    input  wire        [$clog2(SMAX+1)-1:0] s_shift,
    input  wire signed [           WMAX-1:0] v_rest,
    input  wire signed [           WMAX-1:0] v_reset,
    input  wire signed [           WMAX-1:0] v_threshold,
    input  wire signed [           WMAX-1:0] v_min,
    input  wire signed [           WMAX-1:0] v_max,
    input  wire        [             RW-1:0] refractory_steps,
    output wire signed [           WMAX-1:0] v_next,
    output wire        [             RW-1:0] refr_next,
    output wire                              spike
);
  localparam integer PW = WMAX + SMAX + 12;

  wire signed [PW-1:0] v_x = {{(PW - WMAX) {v[WMAX-1]}}, v};
  wire signed [PW-1:0] rest_x = {{(PW - WMAX) {v_rest[WMAX-1]}}, v_rest};
  wire signed [PW-1:0] i_x = {{(PW - WMAX) {i_syn[WMAX-1]}}, i_syn};
  wire signed [PW-1:0] leak_x = {{(PW - SMAX - 1) {1'b0}}, leak};
  wire signed [PW-1:0] gain_x = {{(PW - SMAX - 9) {1'b0}}, gain};
  wire signed [PW-1:0] min_x = {{(PW - WMAX) {v_min[WMAX-1]}}, v_min};
  wire signed [PW-1:0] max_x = {{(PW - WMAX) {v_max[WMAX-1]}}, v_max};

  wire signed [PW-1:0] leak_now = ((v_x - rest_x) * leak_x) >>> s_shift;
  wire signed [PW-1:0] input_now = (i_x * gain_x) >>> s_shift;

  // The stage boundary (PIPE = 1): the products and the neuron's own v and refr.
  wire signed [PW-1:0] leak_term, input_term;
  wire signed [WMAX-1:0] v_s;
  wire [RW-1:0] refr_s;
  generate
    if (PIPE != 0) begin : g_pipe
      reg signed [PW-1:0] leak_q, input_q;
      reg signed [WMAX-1:0] v_q;
      reg [RW-1:0] refr_q;
      always @(posedge clk) begin
        leak_q <= leak_now;
        input_q <= input_now;
        v_q <= v;
        refr_q <= refr;
      end
      assign leak_term = leak_q;
      assign input_term = input_q;
      assign v_s = v_q;
      assign refr_s = refr_q;
    end else begin : g_comb
      assign leak_term = leak_now;
      assign input_term = input_now;
      assign v_s = v;
      assign refr_s = refr;
    end
  endgenerate
  wire signed [PW-1:0] v_sx = {{(PW - WMAX) {v_s[WMAX-1]}}, v_s};
  wire signed [PW-1:0] sum = v_sx - leak_term + input_term;

  // The clamped value lies within [v_min, v_max], so its low WMAX bits hold it exactly.
  wire above = sum > max_x;
  wire below = sum < min_x;
  /* verilator lint_off UNUSEDSIGNAL */
  wire signed [PW-1:0] clamped = above ? max_x : below ? min_x : sum;
  /* verilator lint_on UNUSEDSIGNAL */
  wire signed [WMAX-1:0] integrated = clamped[WMAX-1:0];

  // integrated >= v_threshold, decided beside the clamp rather than after it (for 100 MHz):
  // the clamp picks v_max, v_min or the sum, so the test is that value's (exact: all three
  // compared in PW bits, where the sum does not wrap).
  wire signed [PW-1:0] thr_x = {{(PW - WMAX) {v_threshold[WMAX-1]}}, v_threshold};
  wire reaches = above ? (v_max >= v_threshold) : below ? (v_min >= v_threshold) : (sum >= thr_x);
  wire held = (refr_s != {RW{1'b0}});
  wire fired = !held && reaches;
  wire [RW-1:0] hold_after_spike =
      (refractory_steps == {RW{1'b0}}) ? {RW{1'b0}} : refractory_steps - 1'b1;

  assign spike = fired;
  assign v_next = held ? v_s : fired ? v_reset : integrated;
  assign refr_next = held ? refr_s - 1'b1 : fired ? hold_after_spike : {RW{1'b0}};
endmodule

`default_nettype wire
