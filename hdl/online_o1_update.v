// online_o1_update: one OnlineO1 synapse's step (CONTEXT.md step 5e online_o1; `stepOnlineO1`
// in src/engine/learning/online-o1-step.ts, sc-neurocore's `OnlineO1Synapse.step`), bit for bit.
//
//   decay(x)   = DS == 0 ? x : x - (x >> DS)                      (traces, unsigned)
//   decay_s(e) = DS == 0 ? e : sign(e) * decay(|e|)                (eligibility, on its magnitude)
//   R          = sat(reward, -2^(RB-1), 2^(RB-1) - 1)
//   pre'  = pre  ? 2^TB - 1 : decay(pre_trace)
//   post' = post ? 2^TB - 1 : decay(post_trace)
//   elig' = sat(decay_s(elig) + (post ? (pre ? 2^TB - 1 : pre_trace) : 0)
//                             - (pre ? post_trace : 0), -2^(TB-1), 2^(TB-1) - 1)
//   w'    = sat(w + ((R * elig') >>> LS), 0, 2^WB - 1)
//
// Potentiation reads the pre trace before this step (or the full trace when both spike),
// depression the post trace before this step; the weight moves by the new eligibility. `>>>`
// is an arithmetic shift, so a negative product rounds toward minus infinity, as the engine's
// `>>`. Every intermediate is formed wide enough that nothing wraps: |R * elig'| <=
// 2^(RB+TB-2), and the engine's RB + TB <= 32 keeps it exact in its 32-bit multiply too.
//
// Parameters (the engine's ranges; the configuration is fixed per synapse group, so it is
// fixed in the datapath)
//   WB  weight_bits 1..31      TB  trace_bits 2..30       RB  reward_bits 1..30, RB + TB <= 32
//   LS  learning_shift 0..30   DS  trace_decay_shift 0..30 (0: no decay)
//   RIW width of the reward port (> RB; default 32): any reward in it is saturated to RB bits,
//       as the engine saturates any integer.
// Ports (signed: two's complement; unsigned: plain binary)
//   weight [WB-1:0]; pre_trace, post_trace [TB-1:0]; eligibility signed [TB-1:0]
//   pre, post (this step's spikes); reward signed [RIW-1:0]
//   weight_next, pre_trace_next, post_trace_next, eligibility_next: as the inputs
// Latency: combinational (zero clocks); a lane registers the outputs it stores.
`default_nettype none
`timescale 1ns / 1ps

module online_o1_update #(
    parameter integer WB  = 16,
    parameter integer TB  = 12,
    parameter integer RB  = 8,
    parameter integer LS  = 4,
    parameter integer DS  = 4,
    parameter integer RIW = 32
) (
    input  wire        [ WB-1:0] weight,
    input  wire        [ TB-1:0] pre_trace,
    input  wire        [ TB-1:0] post_trace,
    input  wire signed [ TB-1:0] eligibility,
    input  wire                  pre,
    input  wire                  post,
    input  wire signed [RIW-1:0] reward,
    output wire        [ WB-1:0] weight_next,
    output wire        [ TB-1:0] pre_trace_next,
    output wire        [ TB-1:0] post_trace_next,
    output wire signed [ TB-1:0] eligibility_next
);
  // A configuration the engine refuses stops elaboration with the problem in the module's name.
  generate
    if (WB < 1 || WB > 31) begin : check_wb
      online_o1_update_WB_must_be_1_to_31 refused ();
    end
    if (TB < 2 || TB > 30) begin : check_tb
      online_o1_update_TB_must_be_2_to_30 refused ();
    end
    if (RB < 1 || RB > 30 || RB + TB > 32) begin : check_rb
      online_o1_update_RB_must_be_1_to_30_and_RB_plus_TB_at_most_32 refused ();
    end
    if (LS < 0 || LS > 30 || DS < 0 || DS > 30) begin : check_shifts
      online_o1_update_LS_and_DS_must_be_0_to_30 refused ();
    end
    if (RIW <= RB) begin : check_riw
      online_o1_update_RIW_must_exceed_RB refused ();
    end
  endgenerate

  localparam [TB-1:0] MAX_TRACE = {TB{1'b1}};

  // Traces: decay by v >> DS (none at DS = 0, where the bare formula would clear them), or
  // jump to the maximum on a spike.
  wire [TB-1:0] pre_decayed = (DS == 0) ? pre_trace : pre_trace - (pre_trace >> DS);
  wire [TB-1:0] post_decayed = (DS == 0) ? post_trace : post_trace - (post_trace >> DS);
  assign pre_trace_next = pre ? MAX_TRACE : pre_decayed;
  assign post_trace_next = post ? MAX_TRACE : post_decayed;

  // Eligibility: decays on its magnitude (|-2^(TB-1)| = 2^(TB-1) fits TB unsigned bits), so
  // -5 and 5 lose the same amount; then potentiation and depression; then saturation.
  // EW = TB + 2 holds [-2^(TB-1) - (2^TB - 1), 2^(TB-1) - 1 + 2^TB - 1].
  localparam integer EW = TB + 2;
  wire elig_neg = eligibility[TB-1];
  wire [TB-1:0] elig_mag = elig_neg ? -eligibility : eligibility;
  wire [TB-1:0] elig_mag_decayed = (DS == 0) ? elig_mag : elig_mag - (elig_mag >> DS);
  wire signed [EW-1:0] elig_decayed = elig_neg ? -{2'b00, elig_mag_decayed}
                                               : {2'b00, elig_mag_decayed};
  wire [TB-1:0] potentiation = post ? (pre ? MAX_TRACE : pre_trace) : {TB{1'b0}};
  wire [TB-1:0] depression = pre ? post_trace : {TB{1'b0}};
  wire signed [EW-1:0] elig_sum = elig_decayed + {2'b00, potentiation} - {2'b00, depression};
  localparam signed [EW-1:0] ELIG_MAX = {3'b000, {(TB - 1) {1'b1}}};
  localparam signed [EW-1:0] ELIG_MIN = {3'b111, {(TB - 1) {1'b0}}};
  wire signed [TB-1:0] elig_new = (elig_sum > ELIG_MAX) ? ELIG_MAX[TB-1:0] :
                                  (elig_sum < ELIG_MIN) ? ELIG_MIN[TB-1:0] : elig_sum[TB-1:0];
  assign eligibility_next = elig_new;

  // Reward saturated to RB bits: RMAX = 2^(RB-1) - 1, RMIN = -2^(RB-1) = ~RMAX.
  localparam signed [RIW-1:0] RMAX = ({{(RIW - 1) {1'b0}}, 1'b1} << (RB - 1)) - 1'b1;
  localparam signed [RIW-1:0] RMIN = ~RMAX;
  wire signed [RIW-1:0] reward_sat = (reward > RMAX) ? RMAX : (reward < RMIN) ? RMIN : reward;

  // (R * elig') >>> LS in PW = RB + TB bits: |R * elig'| <= 2^(RB+TB-2), so it cannot wrap.
  localparam integer PW = RB + TB;
  wire signed [PW-1:0] reward_x = {{TB{reward_sat[RB-1]}}, reward_sat[RB-1:0]};
  wire signed [PW-1:0] elig_x = {{RB{elig_new[TB-1]}}, elig_new};
  wire signed [PW-1:0] product = reward_x * elig_x;
  wire signed [PW-1:0] delta = product >>> LS;

  // w + delta in SW bits (an unsigned WB-bit weight plus a signed PW-bit delta), saturated.
  localparam integer SW = ((WB > PW) ? WB : PW) + 2;
  wire signed [SW-1:0] weight_sum = {{(SW - WB) {1'b0}}, weight} + {{(SW - PW) {delta[PW-1]}}, delta};
  localparam signed [SW-1:0] WEIGHT_MAX = {{(SW - WB) {1'b0}}, {WB{1'b1}}};
  assign weight_next = (weight_sum < 0) ? {WB{1'b0}} :
                       (weight_sum > WEIGHT_MAX) ? {WB{1'b1}} : weight_sum[WB-1:0];
endmodule

`default_nettype wire
