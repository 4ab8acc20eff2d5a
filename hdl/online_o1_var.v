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
// Latency: combinational (zero clocks).
`default_nettype none
`timescale 1ns / 1ps

module online_o1_var (
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
    output wire        [30:0] weight_next,
    output wire        [29:0] pre_trace_next,
    output wire        [29:0] post_trace_next,
    output wire signed [29:0] eligibility_next
);
  wire [29:0] max_trace = (30'd1 << tb) - 30'd1;

  // Traces: decay by v >> ds (none at ds = 0), or jump to the maximum on a spike.
  wire [29:0] pre_decayed = (ds == 5'd0) ? pre_trace : pre_trace - (pre_trace >> ds);
  wire [29:0] post_decayed = (ds == 5'd0) ? post_trace : post_trace - (post_trace >> ds);
  assign pre_trace_next = pre ? max_trace : pre_decayed;
  assign post_trace_next = post ? max_trace : post_decayed;

  // Eligibility: decays on its magnitude (|-2^29| = 2^29 fits 30 unsigned bits), then
  // potentiation and depression, then saturation to tb signed bits.
  wire elig_neg = eligibility[29];
  wire [29:0] elig_mag = elig_neg ? -eligibility : eligibility;
  wire [29:0] elig_mag_decayed = (ds == 5'd0) ? elig_mag : elig_mag - (elig_mag >> ds);
  wire signed [32:0] elig_decayed = elig_neg ? -{3'b000, elig_mag_decayed}
                                             : {3'b000, elig_mag_decayed};
  wire [29:0] potentiation = post ? (pre ? max_trace : pre_trace) : 30'd0;
  wire [29:0] depression = pre ? post_trace : 30'd0;
  wire signed [32:0] elig_sum = elig_decayed + {3'b000, potentiation} - {3'b000, depression};
  wire signed [32:0] elig_max = (33'sd1 <<< (tb - 5'd1)) - 33'sd1;
  wire signed [32:0] elig_min = -(33'sd1 <<< (tb - 5'd1));
  /* verilator lint_off UNUSEDSIGNAL */  // the top bits of the clamped sum are its sign
  wire signed [32:0] elig_clamped = (elig_sum > elig_max) ? elig_max :
                                    (elig_sum < elig_min) ? elig_min : elig_sum;
  /* verilator lint_on UNUSEDSIGNAL */
  assign eligibility_next = elig_clamped[29:0];

  // Reward saturated to rb signed bits.
  /* verilator lint_off UNUSEDSIGNAL */  // bits 63..30: R's sign, once saturated
  wire signed [63:0] reward_max = (64'sd1 <<< (rb - 5'd1)) - 64'sd1;
  wire signed [63:0] reward_min = -(64'sd1 <<< (rb - 5'd1));
  wire signed [63:0] reward_sat = (reward > reward_max) ? reward_max :
                                  (reward < reward_min) ? reward_min : reward;
  /* verilator lint_on UNUSEDSIGNAL */

  // (R * elig') >>> ls, then w + delta saturated to [0, 2^wb - 1]. R and elig' fit 30 signed
  // bits (rb, tb <= 30), so their product is exact in 60; the weight sum is formed in 62.
  wire signed [29:0] reward_30 = reward_sat[29:0];
  wire signed [29:0] elig_30 = elig_clamped[29:0];  // a part-select is unsigned: name it signed
  wire signed [59:0] product = reward_30 * elig_30;
  wire signed [59:0] delta = product >>> ls;
  wire signed [61:0] weight_sum = {31'd0, weight} + {{2{delta[59]}}, delta};
  wire signed [61:0] weight_max = (62'sd1 <<< wb) - 62'sd1;
  /* verilator lint_off UNUSEDSIGNAL */  // in [0, 2^31 - 1] once clamped
  wire signed [61:0] weight_clamped = (weight_sum < 62'sd0) ? 62'sd0 :
                                      (weight_sum > weight_max) ? weight_max : weight_sum;
  /* verilator lint_on UNUSEDSIGNAL */
  assign weight_next = weight_clamped[30:0];
endmodule

`default_nettype wire
