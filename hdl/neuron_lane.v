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
// refr_next and spike: PIPE = 0 combinational (clk unused); PIPE = 1 three clocks (for
// 100 MHz no clock chains two of: the channel sum, the clamp, a product, the LIF sum: the
// channel sum is registered with ext, v and refr (P1a), then the clamped input I (P1b), then
// fxp_lif_var's products (P2)), one neuron per clock; the population's inputs
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

  // The exact sum of the population's channels (integers: order is moot), as a tree of
  // masked operands (a channel k >= nch adds 0), so the sum is ceil(log2 CHMAX) adders deep.
  // i_sum keeps its low 32 bits, which hold it (CHMAX * 2^23 < 2^31 for CHMAX <= 16).
  localparam integer LEVELS = CHMAX > 1 ? $clog2(CHMAX) : 1;  // 1..4 (CHMAX <= 16)
  localparam integer LEAVES = 1 << LEVELS;
  localparam integer CSW = WMAX + LEVELS;  // holds a sum of LEAVES W-bit values
  // Level m holds LEAVES >> m sums (entry i at [i*CSW +: CSW]); level LEVELS's entry 0 is
  // the root. Levels past LEVELS are unused (one entry, kept at 0).
  /* verilator lint_off UNUSEDSIGNAL */
  wire [LEAVES*CSW-1:0] lv0;
  wire [(LEAVES > 2 ? LEAVES / 2 : 1)*CSW-1:0] lv1;
  wire [(LEAVES > 4 ? LEAVES / 4 : 1)*CSW-1:0] lv2;
  wire [(LEAVES > 8 ? LEAVES / 8 : 1)*CSW-1:0] lv3;
  wire [CSW-1:0] lv4;
  /* verilator lint_on UNUSEDSIGNAL */
  genvar n;
  generate
    for (n = 0; n < LEAVES; n = n + 1) begin : g_leaf
      if (n < CHMAX) begin : g_used
        assign lv0[n*CSW+:CSW] = (n < nch) ?
            {{(CSW - WMAX) {i_in[n*WMAX+WMAX-1]}}, i_in[n*WMAX+:WMAX]} : {CSW{1'b0}};
      end else begin : g_none
        assign lv0[n*CSW+:CSW] = {CSW{1'b0}};
      end
    end
    for (n = 0; n < LEAVES / 2; n = n + 1) begin : g_l1
      assign lv1[n*CSW+:CSW] = lv0[2*n*CSW+:CSW] + lv0[(2*n+1)*CSW+:CSW];
    end
    for (n = 0; n < LEAVES / 4; n = n + 1) begin : g_l2
      assign lv2[n*CSW+:CSW] = lv1[2*n*CSW+:CSW] + lv1[(2*n+1)*CSW+:CSW];
    end
    if (LEAVES < 4) begin : g_l2_none
      assign lv2 = {CSW{1'b0}};
    end
    for (n = 0; n < LEAVES / 8; n = n + 1) begin : g_l3
      assign lv3[n*CSW+:CSW] = lv2[2*n*CSW+:CSW] + lv2[(2*n+1)*CSW+:CSW];
    end
    if (LEAVES < 8) begin : g_l3_none
      assign lv3 = {CSW{1'b0}};
    end
    if (LEAVES == 16) begin : g_l4
      assign lv4 = lv3[0+:CSW] + lv3[CSW+:CSW];
    end else begin : g_l4_none
      assign lv4 = {CSW{1'b0}};
    end
  endgenerate
  wire signed [CSW-1:0] channels =
      LEVELS == 1 ? lv1[0+:CSW] : LEVELS == 2 ? lv2[0+:CSW] : LEVELS == 3 ? lv3[0+:CSW] : lv4;
  assign i_sum = {{(32 - CSW) {channels[CSW-1]}}, channels};

  // P1a (PIPE = 1): the channel sum registered with ext, v and refr; P1b adds ext and clamps.
  wire signed [CSW-1:0] ch_s;
  wire signed [31:0] ext_s;
  wire signed [WMAX-1:0] v_a;
  wire [RW-1:0] refr_a;
  generate
    if (PIPE != 0) begin : g_pipe_a
      reg signed [CSW-1:0] ch_q;
      reg signed [31:0] ext_q;
      reg signed [WMAX-1:0] v_q;
      reg [RW-1:0] refr_q;
      always @(posedge clk) begin
        ch_q <= channels;
        ext_q <= ext;
        v_q <= v;
        refr_q <= refr;
      end
      assign ch_s = ch_q;
      assign ext_s = ext_q;
      assign v_a = v_q;
      assign refr_a = refr_q;
    end else begin : g_comb_a
      assign ch_s = channels;
      assign ext_s = ext;
      assign v_a = v;
      assign refr_a = refr;
    end
  endgenerate

  wire signed [SUMW-1:0] total =
      {{(SUMW - CSW) {ch_s[CSW-1]}}, ch_s} + {{(SUMW - 32) {ext_s[31]}}, ext_s};
  wire signed [SUMW-1:0] min_x = {{(SUMW - WMAX) {v_min[WMAX-1]}}, v_min};
  wire signed [SUMW-1:0] max_x = {{(SUMW - WMAX) {v_max[WMAX-1]}}, v_max};
  /* verilator lint_off UNUSEDSIGNAL */
  wire signed [SUMW-1:0] clamped = (total > max_x) ? max_x : (total < min_x) ? min_x : total;
  /* verilator lint_on UNUSEDSIGNAL */

  // The stage boundary P1b (PIPE = 1): the clamped input with the neuron's v and refr.
  wire signed [WMAX-1:0] i_s, v_s;
  wire [RW-1:0] refr_s;
  generate
    if (PIPE != 0) begin : g_pipe
      reg signed [WMAX-1:0] i_q, v_q;
      reg [RW-1:0] refr_q;
      always @(posedge clk) begin
        i_q <= clamped[WMAX-1:0];
        v_q <= v_a;
        refr_q <= refr_a;
      end
      assign i_s = i_q;
      assign v_s = v_q;
      assign refr_s = refr_q;
    end else begin : g_comb
      assign i_s = clamped[WMAX-1:0];
      assign v_s = v_a;
      assign refr_s = refr_a;
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
