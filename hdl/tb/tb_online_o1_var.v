// tb_online_o1_var: unit testbench of online_o1_var (the run-time-configured OnlineO1 step the
// network core uses) on the vectors and grid of tb_online_o1_update: the same vector file
// (cfg, chain, weight, pre_trace, post_trace, eligibility, pre, post, reward; 32-bit hex words)
// and the same output file ("config" lines, then weight pre_trace post_trace eligibility per
// vector), so tests/hdl compares it with the engine's `stepOnlineO1` exactly as the fixed one.
// Here one instance serves the whole grid: the configuration of a vector's entry arrives on the
// module's inputs, and a chained vector starts from the state its entry's previous vector made.
// The module is a pipeline (LATENCY clocks, one synapse per clock), so the bench streams: a
// vector enters at every clock, its configuration with it, unless it is chained and a vector of
// its entry is still in the pipeline (then it waits for that one's outputs); the outputs leave
// in vector order LATENCY clocks after their inputs.
// Plusargs: +vectors=<file>, +count=<N>, +out=<file>.
`default_nettype none
`timescale 1ns / 1ps

module tb_online_o1_var;
  // The grid of tb_online_o1_update, entry k in bits [8k +: 8].
  localparam integer NCFG = 8;
  localparam [8*NCFG-1:0] CFG_WB = {8'd4, 8'd31, 8'd16, 8'd31, 8'd31, 8'd1, 8'd8, 8'd16};
  localparam [8*NCFG-1:0] CFG_TB = {8'd20, 8'd24, 8'd16, 8'd2, 8'd30, 8'd2, 8'd4, 8'd12};
  localparam [8*NCFG-1:0] CFG_RB = {8'd12, 8'd8, 8'd16, 8'd30, 8'd2, 8'd1, 8'd4, 8'd8};
  localparam [8*NCFG-1:0] CFG_LS = {8'd12, 8'd0, 8'd30, 8'd30, 8'd30, 8'd0, 8'd1, 8'd4};
  localparam [8*NCFG-1:0] CFG_DS = {8'd1, 8'd30, 8'd0, 8'd1, 8'd30, 8'd0, 8'd2, 8'd4};
  localparam integer FIELDS = 9;
  localparam integer MAXVEC = 32768;

  reg [31:0] mem[0:FIELDS*MAXVEC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd, n, count, k, cfg, finished, i;
  localparam integer LATENCY = 5;
  // The vectors in the pipeline: slot 0 entered at the last edge, slot LATENCY - 1 leaves now.
  reg in_valid[0:LATENCY-1];
  integer in_cfg[0:LATENCY-1];
  reg busy;
  reg clk;

  // The state each grid entry's last vector produced (a chained vector's input).
  reg [30:0] held_weight[0:NCFG-1];
  reg [29:0] held_pre[0:NCFG-1];
  reg [29:0] held_post[0:NCFG-1];
  reg [29:0] held_elig[0:NCFG-1];

  reg [4:0] wb, tb, rb, ls, ds;
  reg [30:0] weight;
  reg [29:0] pre_trace, post_trace, eligibility;
  reg pre, post;
  reg signed [63:0] reward;
  wire [30:0] weight_next;
  wire [29:0] pre_next, post_next;
  wire signed [29:0] elig_next;

  online_o1_var synapse (
      .clk(clk),
      .wb(wb),
      .tb(tb),
      .rb(rb),
      .ls(ls),
      .ds(ds),
      .weight(weight),
      .pre_trace(pre_trace),
      .post_trace(post_trace),
      .eligibility(eligibility),
      .pre(pre),
      .post(post),
      .reward(reward),
      .weight_next(weight_next),
      .pre_trace_next(pre_next),
      .post_trace_next(post_next),
      .eligibility_next(elig_next)
  );

  initial begin
    if (!$value$plusargs("vectors=%s", vectors_path)) $fatal(1, "tb_online_o1_var: missing +vectors=<file>");
    if (!$value$plusargs("out=%s", out_path)) $fatal(1, "tb_online_o1_var: missing +out=<file>");
    if (!$value$plusargs("count=%d", count)) $fatal(1, "tb_online_o1_var: missing +count=<N>");
    if (count < 1 || count > MAXVEC) $fatal(1, "tb_online_o1_var: %0d vectors, at most %0d", count, MAXVEC);
    $readmemh(vectors_path, mem, 0, FIELDS * count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) $fatal(1, "tb_online_o1_var: cannot open the +out file");
    for (k = 0; k < NCFG; k = k + 1) begin
      $fwrite(out_fd, "config %0d %0d %0d %0d %0d %0d\n", k, CFG_WB[8*k+:8], CFG_TB[8*k+:8],
              CFG_RB[8*k+:8], CFG_LS[8*k+:8], CFG_DS[8*k+:8]);
      held_weight[k] = 31'd0;
      held_pre[k] = 30'd0;
      held_post[k] = 30'd0;
      held_elig[k] = 30'd0;
    end
    clk = 1'b0;
    for (i = 0; i < LATENCY; i = i + 1) in_valid[i] = 1'b0;
    n = 0;
    finished = 0;
    while (finished < count) begin
      // The outputs of the vector that entered LATENCY edges ago.
      if (in_valid[LATENCY-1]) begin
        $fwrite(out_fd, "%h %h %h %h\n", {1'b0, weight_next}, {2'b00, pre_next},
                {2'b00, post_next}, {{2{elig_next[29]}}, elig_next});
        k = in_cfg[LATENCY-1];
        held_weight[k] = weight_next;
        held_pre[k] = pre_next;
        held_post[k] = post_next;
        held_elig[k] = elig_next;
        finished = finished + 1;
      end
      for (i = LATENCY - 1; i > 0; i = i - 1) begin
        in_valid[i] = in_valid[i-1];
        in_cfg[i] = in_cfg[i-1];
      end
      in_valid[0] = 1'b0;
      if (n < count) begin
        cfg = mem[FIELDS*n];
        busy = 1'b0;
        for (i = 1; i < LATENCY; i = i + 1) if (in_valid[i] && in_cfg[i] == cfg) busy = 1'b1;
        if (!(mem[FIELDS*n+1][0] && busy)) begin
          wb = CFG_WB[8*cfg+:5];
          tb = CFG_TB[8*cfg+:5];
          rb = CFG_RB[8*cfg+:5];
          ls = CFG_LS[8*cfg+:5];
          ds = CFG_DS[8*cfg+:5];
          if (mem[FIELDS*n+1][0]) begin
            weight = held_weight[cfg];
            pre_trace = held_pre[cfg];
            post_trace = held_post[cfg];
            eligibility = held_elig[cfg];
          end else begin
            weight = mem[FIELDS*n+2][30:0];
            pre_trace = mem[FIELDS*n+3][29:0];
            post_trace = mem[FIELDS*n+4][29:0];
            eligibility = mem[FIELDS*n+5][29:0];
          end
          pre = mem[FIELDS*n+6][0];
          post = mem[FIELDS*n+7][0];
          reward = {{32{mem[FIELDS*n+8][31]}}, mem[FIELDS*n+8]};
          in_valid[0] = 1'b1;
          in_cfg[0] = cfg;
          n = n + 1;
        end
      end
      #1 clk = 1'b1;
      #1 clk = 1'b0;
      #1;
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
