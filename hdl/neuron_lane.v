// neuron_lane: the neuron pass of one fixed-point LIF neuron in one step (CONTEXT.md steps 1,
// 2f, 4 and 6, as `advanceFixedLif` in src/engine/backends/reference/fixed-lif.ts):
//
//   I      = sat(ext + I_0 + ... + I_{nch-1})       (exact sum, one clamp to the W-bit range)
//   I_k'   = I_k * decay_k >>> S                     (each channel's decay, step 4)
//   V, refr, spike = fxp_lif_var(V, refr, I)         (step 2f with its reset, step 6)
//
// Channels k >= nch are not the population's: they read as 0 and keep their value.
// `i_sum` is the unclamped sum of the channels (without ext): what a state probe's `i_syn`
// records, used by the core's state dump.
//
// Parameters: CHMAX channel banks, WMAX, SMAX, RW as in fxp_lif_var; PIPE 0 or 1.
// Latency: i_sum is combinational; i_out PIPE = 0 combinational, PIPE = 1 one clock (each
// channel's product registered before its shift; nch and s_shift must hold). v_next,
// refr_next and spike: PIPE = 0 combinational (clk unused); PIPE = 1 two clocks (the clamped
// input I, v and refr registered after the channel sum and clamp, then fxp_lif_var's products
// registered: no clock chains the sum, a product and the compares, for 100 MHz), one neuron
// per clock; the population's inputs
// (ext, nch, s_shift and the fields) must hold while a neuron is in flight, as the core's pass
// keeps them. The core registers what it stores.
`default_nettype none
`timescale 1ns / 1ps

module neuron_lane #(
    parameter integer CHMAX = 2,
    parameter integer WMAX  = 24,
    parameter integer SMAX  = 16,
    parameter integer RW    = 16,
    parameter integer PIPE  = 0
) (
    /* verilator lint_off UNUSEDSIGNAL */  // unread at PIPE = 0
    input  wire                             clk,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire signed [              31:0] ext,
    input  wire        [  CHMAX*WMAX-1:0] i_in,
    input  wire        [(SMAX+1)*CHMAX-1:0] decay,
    input  wire        [               4:0] nch,
    input  wire        [$clog2(SMAX+1)-1:0] s_shift,
    input  wire signed [          WMAX-1:0] v,
    input  wire        [            RW-1:0] refr,
    input  wire        [            SMAX:0] leak,
    input  wire        [          SMAX+8:0] gain,
    input  wire signed [          WMAX-1:0] v_rest,
    input  wire signed [          WMAX-1:0] v_reset,
    input  wire signed [          WMAX-1:0] v_threshold,
    input  wire signed [          WMAX-1:0] v_min,
    input  wire signed [          WMAX-1:0] v_max,
    input  wire        [            RW-1:0] refractory_steps,
    output wire signed [          WMAX-1:0] v_next,
    output wire        [            RW-1:0] refr_next,
    output wire                             spike,
    output wire        [  CHMAX*WMAX-1:0] i_out,
    output wire signed [              31:0] i_sum
);
  // ext (32 bits) plus CHMAX values of WMAX bits: 40 bits hold any such sum exactly.
  localparam integer SUMW = 40;
  localparam integer PW = WMAX + SMAX + 2;

  genvar k;
  generate
    for (k = 0; k < CHMAX; k = k + 1) begin : g_channel
      wire signed [WMAX-1:0] cur = i_in[k*WMAX+:WMAX];
      wire used = (k < nch);
      wire signed [PW-1:0] cur_x = {{(PW - WMAX) {cur[WMAX-1]}}, cur};
      wire signed [PW-1:0] decay_x = {{(PW - SMAX - 1) {1'b0}}, decay[k*(SMAX+1)+:(SMAX+1)]};
      // decay <= 2^S keeps the shifted product within W bits: the high bits copy the sign.
      /* verilator lint_off UNUSEDSIGNAL */
      wire signed [PW-1:0] full = cur_x * decay_x;
      /* verilator lint_on UNUSEDSIGNAL */
      // The bits the shift can bring into the low W: [s, s + W - 1] with s <= SMAX.
      wire signed [WMAX+SMAX-1:0] prod = full[WMAX+SMAX-1:0];
      wire signed [WMAX+SMAX-1:0] prod_s;
      wire signed [WMAX-1:0] cur_s;
      if (PIPE != 0) begin : g_pipe
        // The product registered before the shift (PIPE = 1): no clock chains the bank's read,
        // the multiply and the shift, for 100 MHz.
        reg signed [WMAX+SMAX-1:0] prod_q;
        reg signed [WMAX-1:0] cur_q;
        always @(posedge clk) begin
          prod_q <= prod;
          cur_q <= cur;
        end
        assign prod_s = prod_q;
        assign cur_s  = cur_q;
      end else begin : g_comb
        assign prod_s = prod;
        assign cur_s  = cur;
      end
      /* verilator lint_off UNUSEDSIGNAL */
      wire signed [WMAX+SMAX-1:0] shifted = prod_s >>> s_shift;
      /* verilator lint_on UNUSEDSIGNAL */
      assign i_out[k*WMAX+:WMAX] = used ? shifted[WMAX-1:0] : cur_s;
    end
  endgenerate

  // The exact sum of the population's channels, in channel order (integers: order is moot).
  // i_sum keeps its low 32 bits, which hold it (CHMAX * 2^23 < 2^31 for CHMAX <= 16).
  /* verilator lint_off UNUSEDSIGNAL */
  reg signed [SUMW-1:0] channels;
  /* verilator lint_on UNUSEDSIGNAL */
  integer c;
  always @* begin
    channels = {SUMW{1'b0}};
    for (c = 0; c < CHMAX; c = c + 1)
      if (c < nch)
        channels = channels + {{(SUMW - WMAX) {i_in[c*WMAX+WMAX-1]}}, i_in[c*WMAX+:WMAX]};
  end
  assign i_sum = channels[31:0];
  wire signed [SUMW-1:0] total = channels + {{(SUMW - 32) {ext[31]}}, ext};
  wire signed [SUMW-1:0] min_x = {{(SUMW - WMAX) {v_min[WMAX-1]}}, v_min};
  wire signed [SUMW-1:0] max_x = {{(SUMW - WMAX) {v_max[WMAX-1]}}, v_max};
  /* verilator lint_off UNUSEDSIGNAL */
  wire signed [SUMW-1:0] clamped = (total > max_x) ? max_x : (total < min_x) ? min_x : total;
  /* verilator lint_on UNUSEDSIGNAL */

  // The stage boundary (PIPE = 1): the clamped input with the neuron's v and refr.
  wire signed [WMAX-1:0] i_s, v_s;
  wire [RW-1:0] refr_s;
  generate
    if (PIPE != 0) begin : g_pipe
      reg signed [WMAX-1:0] i_q, v_q;
      reg [RW-1:0] refr_q;
      always @(posedge clk) begin
        i_q <= clamped[WMAX-1:0];
        v_q <= v;
        refr_q <= refr;
      end
      assign i_s = i_q;
      assign v_s = v_q;
      assign refr_s = refr_q;
    end else begin : g_comb
      assign i_s = clamped[WMAX-1:0];
      assign v_s = v;
      assign refr_s = refr;
    end
  endgenerate

  fxp_lif_var #(
      .WMAX(WMAX),
      .SMAX(SMAX),
      .RW  (RW),
      .PIPE(PIPE)
  ) lif (
      .clk(clk),
      .v(v_s),
      .i_syn(i_s),
      .refr(refr_s),
      .leak(leak),
      .gain(gain),
      .s_shift(s_shift),
      .v_rest(v_rest),
      .v_reset(v_reset),
      .v_threshold(v_threshold),
      .v_min(v_min),
      .v_max(v_max),
      .refractory_steps(refractory_steps),
      .v_next(v_next),
      .refr_next(refr_next),
      .spike(spike)
  );
endmodule

`default_nettype wire
