// online_o1_var: one OnlineO1 synapse's step with the configuration as inputs (CONTEXT.md step
// 5e online_o1; `stepOnlineO1` in src/engine/learning/online-o1-step.ts), bit for bit. The same
// arithmetic as online_o1_update.v, whose widths are parameters; here they arrive at run time,
// because the network core holds each learning projection's configuration in its `prj.hex`
// fields and one bitstream serves every configuration the engine allows:
//
//   decay(x)   = ds == 0 ? x : x - (x >> ds)                      (traces, unsigned)
//   decay_s(e) = ds == 0 ? e : sign(e) * decay(|e|)                (eligibility, on its magnitude)
//   R          = sat(reward, -2^(rb-1), 2^(rb-1) - 1)
//   pre'  = pre  ? 2^tb - 1 : decay(pre_trace)
//   post' = post ? 2^tb - 1 : decay(post_trace)
//   elig' = sat(decay_s(elig) + (post ? (pre ? 2^tb - 1 : pre_trace) : 0)
//                             - (pre ? post_trace : 0), -2^(tb-1), 2^(tb-1) - 1)
//   w'    = sat(w + ((R * elig') >>> ls), 0, 2^wb - 1)
//
// Inputs are held in the widest widths the engine allows (weight 31 bits, traces and
// eligibility 30 bits); a value of a narrower configuration is in range already (the state
// this module wrote). Every intermediate is wide enough that nothing wraps: the eligibility sum
// lies within +-2^31 (33 bits), |R * elig'| <= 2^(rb+tb-2) <= 2^30 under the engine's
// rb + tb <= 32 (formed from 30-bit factors in 60 bits regardless), the weight sum in 62 bits.
//
// Configuration (the engine's ranges; the caller keeps to them, the generator refuses others):
//   wb 1..31, tb 2..30, rb 1..30 with rb + tb <= 32, ls 0..30, ds 0..30 (0: no decay).
//
// Pipelined for the core's 100 MHz goal: one synapse per clock, LATENCY = 5 clocks from the
// inputs (configuration included: each synapse carries its own, so consecutive synapses may
// belong to different projections) to the registered outputs. A synapse's inputs are sampled
// at one rising edge; its outputs are valid after the fifth edge from it. Stages:
//   1  trace decays and jumps, the eligibility's decayed magnitude, potentiation and
//      depression, R saturated to rb bits, the clamp bounds from tb and wb
//   2  the eligibility sum (sign restored) clamped to tb bits
//   3  R x elig' (30 x 30 signed, both operands registered, the product registered: DSP48E1
//      with its pipeline registers)
//   4  the product shifted right by ls (arithmetic)
//   5  w + delta clamped to [0, 2^wb - 1]; every output registered
`default_nettype none
`timescale 1ns / 1ps

module online_o1_var (
    input  wire               clk,
    input  wire        [ 4:0] wb,
    input  wire        [ 4:0] tb,
    input  wire        [ 4:0] rb,
    input  wire        [ 4:0] ls,
    input  wire        [ 4:0] ds,
    input  wire        [30:0] weight,
    input  wire        [29:0] pre_trace,
    input  wire        [29:0] post_trace,
    input  wire signed [29:0] eligibility,
    input  wire               pre,
    input  wire               post,
    input  wire signed [63:0] reward,
    output reg         [30:0] weight_next,
    output reg         [29:0] pre_trace_next,
    output reg         [29:0] post_trace_next,
    output reg  signed [29:0] eligibility_next
);
  // ---- stage 1: from the inputs ----------------------------------------------------------
  wire [29:0] max_trace = (30'd1 << tb) - 30'd1;

  // Traces: decay by v >> ds (none at ds = 0), or jump to the maximum on a spike.
  wire [29:0] pre_decayed = (ds == 5'd0) ? pre_trace : pre_trace - (pre_trace >> ds);
  wire [29:0] post_decayed = (ds == 5'd0) ? post_trace : post_trace - (post_trace >> ds);

  // Eligibility: decays on its magnitude (|-2^29| = 2^29 fits 30 unsigned bits).
  wire elig_neg = eligibility[29];
  wire [29:0] elig_mag = elig_neg ? -eligibility : eligibility;
  wire [29:0] elig_mag_decayed = (ds == 5'd0) ? elig_mag : elig_mag - (elig_mag >> ds);

  // Reward saturated to rb signed bits.
  /* verilator lint_off UNUSEDSIGNAL */  // bits 63..30: R's sign, once saturated
  wire signed [63:0] reward_max = (64'sd1 <<< (rb - 5'd1)) - 64'sd1;
  wire signed [63:0] reward_min = -(64'sd1 <<< (rb - 5'd1));
  wire signed [63:0] reward_sat = (reward > reward_max) ? reward_max :
                                  (reward < reward_min) ? reward_min : reward;
  /* verilator lint_on UNUSEDSIGNAL */

  reg [29:0] s1_pre, s1_post, s1_elig_mag, s1_pot, s1_dep;
  reg s1_elig_neg;
  reg signed [32:0] s1_elig_max, s1_elig_min;
  reg signed [29:0] s1_reward;
  reg [30:0] s1_weight, s1_weight_max;
  reg [4:0] s1_ls;
  always @(posedge clk) begin
    s1_pre <= pre ? max_trace : pre_decayed;
    s1_post <= post ? max_trace : post_decayed;
    s1_elig_neg <= elig_neg;
    s1_elig_mag <= elig_mag_decayed;
    s1_pot <= post ? (pre ? max_trace : pre_trace) : 30'd0;
    s1_dep <= pre ? post_trace : 30'd0;
    s1_elig_max <= (33'sd1 <<< (tb - 5'd1)) - 33'sd1;
    s1_elig_min <= -(33'sd1 <<< (tb - 5'd1));
    s1_reward <= reward_sat[29:0];
    s1_weight <= weight;
    s1_weight_max <= (31'd1 << wb) - 31'd1;  // wb <= 31: 2^31 - 1 at most
    s1_ls <= ls;
  end

  // ---- stage 2: the eligibility, its sign restored, plus potentiation, minus depression,
  // saturated to tb signed bits ----------------------------------------------------------
  wire signed [32:0] elig_decayed = s1_elig_neg ? -{3'b000, s1_elig_mag} : {3'b000, s1_elig_mag};
  wire signed [32:0] elig_sum = elig_decayed + {3'b000, s1_pot} - {3'b000, s1_dep};
  /* verilator lint_off UNUSEDSIGNAL */  // the top bits of the clamped sum are its sign
  wire signed [32:0] elig_clamped = (elig_sum > s1_elig_max) ? s1_elig_max :
                                    (elig_sum < s1_elig_min) ? s1_elig_min : elig_sum;
  /* verilator lint_on UNUSEDSIGNAL */

  reg [29:0] s2_pre, s2_post;
  reg signed [29:0] s2_elig, s2_reward;
  reg [30:0] s2_weight, s2_weight_max;
  reg [4:0] s2_ls;
  always @(posedge clk) begin
    s2_pre <= s1_pre;
    s2_post <= s1_post;
    s2_elig <= elig_clamped[29:0];
    s2_reward <= s1_reward;
    s2_weight <= s1_weight;
    s2_weight_max <= s1_weight_max;
    s2_ls <= s1_ls;
  end

  // ---- stage 3: R x elig'. R and elig' fit 30 signed bits (rb, tb <= 30), so the product is
  // exact in 60 ------------------------------------------------------------------------------
  reg signed [59:0] s3_product;
  reg [29:0] s3_pre, s3_post;
  reg signed [29:0] s3_elig;
  reg [30:0] s3_weight, s3_weight_max;
  reg [4:0] s3_ls;
  always @(posedge clk) begin
    s3_product <= s2_reward * s2_elig;
    s3_pre <= s2_pre;
    s3_post <= s2_post;
    s3_elig <= s2_elig;
    s3_weight <= s2_weight;
    s3_weight_max <= s2_weight_max;
    s3_ls <= s2_ls;
  end

  // ---- stage 4: delta = (R x elig') >>> ls --------------------------------------------------
  reg signed [59:0] s4_delta;
  reg [29:0] s4_pre, s4_post;
  reg signed [29:0] s4_elig;
  reg [30:0] s4_weight, s4_weight_max;
  always @(posedge clk) begin
    s4_delta <= s3_product >>> s3_ls;
    s4_pre <= s3_pre;
    s4_post <= s3_post;
    s4_elig <= s3_elig;
    s4_weight <= s3_weight;
    s4_weight_max <= s3_weight_max;
  end

  // ---- stage 5: w + delta saturated to [0, 2^wb - 1], formed in 62 bits ----------------------
  wire signed [61:0] weight_sum = {31'd0, s4_weight} + {{2{s4_delta[59]}}, s4_delta};
  wire signed [61:0] weight_max = {31'd0, s4_weight_max};
  /* verilator lint_off UNUSEDSIGNAL */  // in [0, 2^31 - 1] once clamped
  wire signed [61:0] weight_clamped = (weight_sum < 62'sd0) ? 62'sd0 :
                                      (weight_sum > weight_max) ? weight_max : weight_sum;
  /* verilator lint_on UNUSEDSIGNAL */
  always @(posedge clk) begin
    weight_next <= weight_clamped[30:0];
    pre_trace_next <= s4_pre;
    post_trace_next <= s4_post;
    eligibility_next <= s4_elig;
  end
endmodule

`default_nettype wire
