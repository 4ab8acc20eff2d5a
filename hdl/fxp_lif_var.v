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
// Latency: combinational (zero clocks).
`default_nettype none
`timescale 1ns / 1ps

module fxp_lif_var #(
    parameter integer WMAX = 24,
    parameter integer SMAX = 16,
    parameter integer RW   = 16
) (
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

  wire signed [PW-1:0] leak_term = ((v_x - rest_x) * leak_x) >>> s_shift;
  wire signed [PW-1:0] input_term = (i_x * gain_x) >>> s_shift;
  wire signed [PW-1:0] sum = v_x - leak_term + input_term;

  // The clamped value lies within [v_min, v_max], so its low WMAX bits hold it exactly.
  /* verilator lint_off UNUSEDSIGNAL */
  wire signed [PW-1:0] clamped = (sum > max_x) ? max_x : (sum < min_x) ? min_x : sum;
  /* verilator lint_on UNUSEDSIGNAL */
  wire signed [WMAX-1:0] integrated = clamped[WMAX-1:0];

  wire held = (refr != {RW{1'b0}});
  wire fired = !held && (integrated >= v_threshold);
  wire [RW-1:0] hold_after_spike =
      (refractory_steps == {RW{1'b0}}) ? {RW{1'b0}} : refractory_steps - 1'b1;

  assign spike = fired;
  assign v_next = held ? v : fired ? v_reset : integrated;
  assign refr_next = held ? refr - 1'b1 : fired ? hold_after_spike : {RW{1'b0}};
endmodule

`default_nettype wire
