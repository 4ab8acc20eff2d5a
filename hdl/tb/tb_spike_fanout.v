// tb_spike_fanout: unit testbench of spike_fanout with the delay_ring it tests delays with
// (NMAX = 64, DMAX = 8, SYNMAX = 512, ROWMAX = 64, WMAX = 24). The memories the core keeps
// (spike list, rows, synapses, one current bank, Loihi I) are the bench's, read synchronously
// as the core's are.
//
// Plusargs: +vectors=<file> (read with $readmemh), +count=<N> commands (at most MAXCMD),
// +out=<file>. Four 32-bit hex words per command: op, a, b, c.
//   op 1  write memory a (0 list, 1 row_start, 2 row_end, 3 syn_target, 4 syn_weight,
//         5 syn_delay, 6 bank, 7 Loihi I) at b: c
//   op 2  record in the history at step a neuron b's spike c (2 clocks: read, then record)
//   op 3  the projection: a = src_base | n_src << 8 | list_slot << 16 | per_syn << 24 |
//         to_loihi << 25, b = row_base, c = max_delay (the window's)
//   op 4  the step and the target's bounds: a = t, b = tgt_min, c = tgt_max
//   op 5  go: walk the projection, then write "<clocks> <events>" (decimal: clocks from go to
//         done, both counted) and NOUT lines "<bank> <li>" (hex) of neurons 0..NOUT-1
// Output file: the lines of every op 5.
`default_nettype none
`timescale 1ns / 1ps

module tb_spike_fanout;
  localparam integer MAXCMD = 65536;
  localparam integer NMAX = 64;
  localparam integer DMAX = 8;
  localparam integer SYNMAX = 512;
  localparam integer ROWMAX = 64;
  localparam integer WMAX = 24;
  localparam integer NOUT = 16;
  localparam integer NW = 6, DW = 3, SYW = 9, ROWW = 6;

  reg [31:0] cmd[0:4*MAXCMD-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n, j;
  integer count;
  integer clocks, events;

  reg clk;
  reg [NW-1:0] list_mem[0:DMAX*NMAX-1];
  reg [SYW:0] row_start_mem[0:ROWMAX-1];
  reg [SYW:0] row_end_mem[0:ROWMAX-1];
  reg [NW-1:0] syn_target_mem[0:SYNMAX-1];
  reg [WMAX-1:0] syn_weight_mem[0:SYNMAX-1];
  reg [7:0] syn_delay_mem[0:SYNMAX-1];
  reg [WMAX-1:0] bank_mem[0:NMAX-1];
  reg [31:0] li_mem[0:NMAX-1];

  // The projection and the step.
  reg go;
  reg [31:0] t;
  reg [NW-1:0] src_base;
  reg [NW:0] n_src;
  reg [DW-1:0] list_slot;
  reg [ROWW-1:0] row_base;
  reg per_syn, to_loihi;
  reg [31:0] max_delay;
  reg signed [WMAX-1:0] tgt_min, tgt_max;

  // The ring's record port (op 2) and its read port (op 2's read, else the fan-out's).
  reg rec_phase, rec_we, rec_spike;
  reg [NW-1:0] rec_addr;
  wire [DMAX-1:0] hist_rd, window, tap_word;
  wire tap_hit;
  wire [7:0] tap_delay;
  wire [NW-1:0] hist_raddr;

  // The fan-out's ports.
  wire done;
  wire [DW+NW-1:0] list_raddr;
  wire [ROWW-1:0] row_raddr;
  wire [SYW-1:0] syn_raddr;
  wire [NW-1:0] cur_raddr, cur_waddr;
  wire cur_we, li_we, event_valid;
  wire [WMAX-1:0] cur_wd;
  wire [31:0] li_wd;
  reg [NW-1:0] list_rd, syn_target_rd;
  reg [SYW:0] row_start_rd, row_end_rd;
  reg [WMAX-1:0] syn_weight_rd, cur_rd;
  reg [7:0] syn_delay_rd;
  reg [31:0] li_rd;

  delay_ring #(
      .NMAX(NMAX),
      .DMAX(DMAX)
  ) ring (
      .clk(clk),
      .t(t),
      .raddr(rec_phase ? rec_addr : hist_raddr),
      .rd(hist_rd),
      .rec_we(rec_we),
      .rec_addr(rec_addr),
      .rec_spike(rec_spike),
      .max_delay(max_delay),
      .window(window),
      .tap_word(tap_word),
      .tap_delay(tap_delay),
      .tap_hit(tap_hit)
  );
  assign tap_delay = syn_delay_rd;

  spike_fanout #(
      .NMAX  (NMAX),
      .DMAX  (DMAX),
      .SYNMAX(SYNMAX),
      .ROWMAX(ROWMAX),
      .WMAX  (WMAX),
      .LIW   (32)
  ) dut (
      .clk(clk),
      .go(go),
      .src_base(src_base),
      .n_src(n_src),
      .list_slot(list_slot),
      .row_base(row_base),
      .per_syn(per_syn),
      .window(window),
      .to_loihi(to_loihi),
      .tgt_min(tgt_min),
      .tgt_max(tgt_max),
      .done(done),
      .list_raddr(list_raddr),
      .list_rd(list_rd),
      .hist_raddr(hist_raddr),
      .hist_rd(hist_rd),
      .tap_word(tap_word),
      .tap_hit(tap_hit),
      .row_raddr(row_raddr),
      .row_start_rd(row_start_rd),
      .row_end_rd(row_end_rd),
      .syn_raddr(syn_raddr),
      .syn_target_rd(syn_target_rd),
      .syn_weight_rd(syn_weight_rd),
      .cur_raddr(cur_raddr),
      .cur_rd(cur_rd),
      .li_rd(li_rd),
      .cur_we(cur_we),
      .li_we(li_we),
      .cur_waddr(cur_waddr),
      .cur_wd(cur_wd),
      .li_wd(li_wd),
      .event_valid(event_valid)
  );

  // The memories, as the core's: synchronous reads, one write port each.
  always @(posedge clk) begin
    list_rd <= list_mem[list_raddr];
    row_start_rd <= row_start_mem[row_raddr];
    row_end_rd <= row_end_mem[row_raddr];
    syn_target_rd <= syn_target_mem[syn_raddr];
    syn_weight_rd <= syn_weight_mem[syn_raddr];
    syn_delay_rd <= syn_delay_mem[syn_raddr];
    cur_rd <= bank_mem[cur_raddr];
    li_rd <= li_mem[cur_raddr];
    if (cur_we) bank_mem[cur_waddr] <= cur_wd;
    if (li_we) li_mem[cur_waddr] <= li_wd;
  end

  task automatic tick;
    begin
      #1 clk = 1'b1;
      #1 clk = 1'b0;
    end
  endtask

  initial begin
    clk = 1'b0;
    go = 1'b0;
    t = 32'd0;
    src_base = {NW{1'b0}};
    n_src = {(NW + 1) {1'b0}};
    list_slot = {DW{1'b0}};
    row_base = {ROWW{1'b0}};
    per_syn = 1'b0;
    to_loihi = 1'b0;
    max_delay = 32'd0;
    tgt_min = {WMAX{1'b0}};
    tgt_max = {WMAX{1'b0}};
    rec_phase = 1'b0;
    rec_we = 1'b0;
    rec_spike = 1'b0;
    rec_addr = {NW{1'b0}};
    for (n = 0; n < DMAX * NMAX; n = n + 1) list_mem[n] = {NW{1'b0}};
    for (n = 0; n < ROWMAX; n = n + 1) begin
      row_start_mem[n] = {(SYW + 1) {1'b0}};
      row_end_mem[n] = {(SYW + 1) {1'b0}};
    end
    for (n = 0; n < SYNMAX; n = n + 1) begin
      syn_target_mem[n] = {NW{1'b0}};
      syn_weight_mem[n] = {WMAX{1'b0}};
      syn_delay_mem[n] = 8'd0;
    end
    for (n = 0; n < NMAX; n = n + 1) begin
      bank_mem[n] = {WMAX{1'b0}};
      li_mem[n] = 32'd0;
    end
    if (!$value$plusargs("vectors=%s", vectors_path)) begin
      $display("tb_spike_fanout: missing +vectors=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("out=%s", out_path)) begin
      $display("tb_spike_fanout: missing +out=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("count=%d", count)) begin
      $display("tb_spike_fanout: missing +count=<N>");
      $fatal(1);
    end
    if (count < 1 || count > MAXCMD) begin
      $display("tb_spike_fanout: %0d commands, at most %0d", count, MAXCMD);
      $fatal(1);
    end
    $readmemh(vectors_path, cmd, 0, 4 * count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) begin
      $display("tb_spike_fanout: cannot open %0s", out_path);
      $fatal(1);
    end
    for (n = 0; n < count; n = n + 1) begin
      case (cmd[4*n])
        32'd1:
        case (cmd[4*n+1])
          32'd0: list_mem[cmd[4*n+2][DW+NW-1:0]] = cmd[4*n+3][NW-1:0];
          32'd1: row_start_mem[cmd[4*n+2][ROWW-1:0]] = cmd[4*n+3][SYW:0];
          32'd2: row_end_mem[cmd[4*n+2][ROWW-1:0]] = cmd[4*n+3][SYW:0];
          32'd3: syn_target_mem[cmd[4*n+2][SYW-1:0]] = cmd[4*n+3][NW-1:0];
          32'd4: syn_weight_mem[cmd[4*n+2][SYW-1:0]] = cmd[4*n+3][WMAX-1:0];
          32'd5: syn_delay_mem[cmd[4*n+2][SYW-1:0]] = cmd[4*n+3][7:0];
          32'd6: bank_mem[cmd[4*n+2][NW-1:0]] = cmd[4*n+3][WMAX-1:0];
          32'd7: li_mem[cmd[4*n+2][NW-1:0]] = cmd[4*n+3];
          default: begin
            $display("tb_spike_fanout: command %0d writes no memory %0d", n, cmd[4*n+1]);
            $fatal(1);
          end
        endcase
        32'd2: begin
          t = cmd[4*n+1];
          rec_phase = 1'b1;
          rec_addr = cmd[4*n+2][NW-1:0];
          tick;  // the word is read
          rec_we = 1'b1;
          rec_spike = cmd[4*n+3][0];
          tick;  // and recorded
          rec_we = 1'b0;
          rec_phase = 1'b0;
        end
        32'd3: begin
          src_base = cmd[4*n+1][NW-1:0];
          n_src = cmd[4*n+1][8+NW:8];
          list_slot = cmd[4*n+1][16+DW-1:16];
          per_syn = cmd[4*n+1][24];
          to_loihi = cmd[4*n+1][25];
          row_base = cmd[4*n+2][ROWW-1:0];
          max_delay = cmd[4*n+3];
        end
        32'd4: begin
          t = cmd[4*n+1];
          tgt_min = cmd[4*n+2][WMAX-1:0];
          tgt_max = cmd[4*n+3][WMAX-1:0];
        end
        32'd5: begin
          go = 1'b1;
          tick;
          go = 1'b0;
          clocks = 1;
          events = 0;
          #1;
          while (!done && clocks < 100000) begin
            if (event_valid) events = events + 1;
            tick;
            clocks = clocks + 1;
            #1;
          end
          if (!done) begin
            $display("tb_spike_fanout: command %0d: no done after %0d clocks", n, clocks);
            $fatal(1);
          end
          tick;  // the last clock (done)
          clocks = clocks + 1;
          $fwrite(out_fd, "%0d %0d\n", clocks, events);
          for (j = 0; j < NOUT; j = j + 1) $fwrite(out_fd, "%06h %08h\n", bank_mem[j], li_mem[j]);
        end
        default: begin
          $display("tb_spike_fanout: command %0d: no op %0d", n, cmd[4*n]);
          $fatal(1);
        end
      endcase
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
