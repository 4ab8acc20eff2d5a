// spike_fanout: the network core's delivery of one projection (issue 8; src/engine step 3/4,
// and 5c's sums into Loihi targets): the walk over the spiking sources' CSR rows and the event
// pipeline that adds each synapse's weight to its target's current, one event per clock.
//
// The memories stay in the core (they have other users: the neuron pass, the learning pass,
// the bus), so this module is the control and the pipeline: it drives their read addresses
// and takes their synchronous (one-clock) read data, and it drives the current's write port.
//
//   go          one clock, with the projection's fields on the ports (the core's S_PRJ); the
//               walk starts at the next clock and `done` is 1 in its last clock (the
//               pipeline empty), when the core takes the next projection.
//   constant delay (per_syn = 0): the sources are the n_src entries of the spike list at
//               {list_slot, src_base + i} (the source population's list of step t - d), in
//               list order; the row of a source is its index within its population.
//   per-synapse delays (per_syn = 1): every source 0..n_src - 1 of the population: the scan
//               reads one history word per clock (hist_raddr) and walks the row of a source
//               whose word has a bit in `window` (delay_ring's window); then each synapse
//               tests its own delay with delay_ring's tap (tap_word: the source's word, the
//               synapse's delay is syn_delay_rd; tap_hit back).
//   rows:       row_base + source: [row_start, row_end) global synapse indices.
//   events:     A issues the synapse read (syn_raddr); B (a_valid: target, weight and delay are
//               read) tests the delay and issues the read of the target's current (cur_raddr
//               = syn_target_rd); C (c_valid) forms sat(I + w) into [tgt_min, tgt_max], or for
//               a Loihi target (to_loihi) I + w in 32 bits without a clamp (the engine sums
//               step 5c exactly), and registers it; D (d_valid) writes it back (cur_we or
//               li_we). For 100 MHz no clock chains the current's read, the add and the write
//               port's multiplexer. Events close together on one target (possible across
//               rows) would read the current before an earlier event's write lands: C's value
//               comes from D's (written this clock) or E's (written last clock, after C's read
//               was issued) when the address matches, the newer first, so the saturating adds
//               happen in exactly the engine's order.
//
// A source costs 2 clocks + its row (1 + the row when it follows a row's last event), an empty
// row 3, a silent source of a per-synapse-delay projection 1 (the scan), a projection its
// drain (3). The clock counts are hdl/README.md's ("Network core").
`default_nettype none
`timescale 1ns / 1ps

module spike_fanout #(
    parameter integer NMAX   = 256,   // neurons (power of two)
    parameter integer DMAX   = 4,     // history depth / spike-list slots (power of two, >= 2)
    parameter integer SYNMAX = 1024,  // synapses (power of two)
    parameter integer ROWMAX = 256,   // rows (power of two)
    parameter integer WMAX   = 24,    // current and weight width
    parameter integer LIW    = 32     // a Loihi target's I width
) (
    input  wire                   clk,
    // the projection (latched at go)
    input  wire                   go,
    input  wire [$clog2(NMAX)-1:0] src_base,
    input  wire [$clog2(NMAX):0] n_src,
    input  wire [$clog2(DMAX)-1:0] list_slot,
    input  wire [$clog2(ROWMAX)-1:0] row_base,
    input  wire                   per_syn,
    input  wire [DMAX-1:0] window,
    input  wire                   to_loihi,
    input  wire signed [WMAX-1:0] tgt_min,
    input  wire signed [WMAX-1:0] tgt_max,
    output wire                   done,
    // the spike list
    output wire [$clog2(DMAX)+$clog2(NMAX)-1:0] list_raddr,
    input  wire [$clog2(NMAX)-1:0] list_rd,
    // the history words (delay_ring) and the per-synapse delay test
    output wire [$clog2(NMAX)-1:0] hist_raddr,
    input  wire [DMAX-1:0] hist_rd,
    output wire [DMAX-1:0] tap_word,
    input  wire                   tap_hit,
    // the CSR rows
    output wire [$clog2(ROWMAX)-1:0] row_raddr,
    input  wire [$clog2(SYNMAX):0] row_start_rd,
    input  wire [$clog2(SYNMAX):0] row_end_rd,
    // the synapses
    output wire [$clog2(SYNMAX)-1:0] syn_raddr,
    input  wire [$clog2(NMAX)-1:0] syn_target_rd,
    input  wire [WMAX-1:0] syn_weight_rd,
    // the target's current: a fixed-point bank's (cur) or a Loihi neuron's I (li)
    output wire [$clog2(NMAX)-1:0] cur_raddr,
    input  wire [WMAX-1:0] cur_rd,
    input  wire [LIW-1:0] li_rd,
    output wire                   cur_we,
    output wire                   li_we,
    output wire [$clog2(NMAX)-1:0] cur_waddr,
    output wire [WMAX-1:0] cur_wd,
    output wire [LIW-1:0] li_wd,
    output wire                   event_valid  // an event is written this clock (for `events`)
);
  // The ports spell these out: Yosys 0.55 (the page's) refuses a port range that names a
  // localparam declared after it.
  localparam integer NW = $clog2(NMAX);
  localparam integer DW = $clog2(DMAX);
  localparam integer SYW = $clog2(SYNMAX);
  localparam integer ROWW = $clog2(ROWMAX);

  localparam [2:0] F_IDLE = 3'd0, F_SRC = 3'd1, F_SRC_READ = 3'd2, F_ROW = 3'd3, F_EMIT = 3'd4,
      F_SCAN = 3'd5, F_DRAIN = 3'd6;
  reg [2:0] state;

  // The projection.
  reg [NW-1:0] base;
  reg [NW:0] n;
  reg [DW-1:0] lslot;
  reg [ROWW-1:0] rbase;
  reg psyn;
  reg [DMAX-1:0] win;
  reg loihi;
  reg signed [WMAX-1:0] vmin, vmax;

  // The walk: src_i is the next list position (constant delay) or source (per-synapse).
  reg [NW:0] src_i;
  reg scan_valid;  // the scan's word of scan_src is being read
  reg [NW-1:0] scan_src;
  reg [DMAX-1:0] word;  // the walked source's history word
  reg [SYW:0] e, e_end;

  // The event pipeline.
  reg a_valid, c_valid;
  reg [DMAX-1:0] a_word;
  reg [NW-1:0] c_addr;
  reg signed [WMAX-1:0] c_w;
  // For 100 MHz C's bound tests run beside its add, not after it (sat(I + w) > max exactly
  // when I > max - w): B registers max - w and min - w, and whether C's target is D's or E's
  // (the forwarding's address compares, made when those events are in C and D).
  reg signed [WMAX+1:0] c_hi, c_lo;
  reg c_fwd_d, c_fwd_e;
  // D: the event whose value is written this clock; E: the one written last clock.
  reg d_valid;
  reg [NW-1:0] d_addr;
  reg [WMAX-1:0] d_wd, e_wd;
  reg [LIW-1:0] d_li, e_li;

  initial begin
    state = F_IDLE;
    a_valid = 1'b0;
    c_valid = 1'b0;
    c_fwd_d = 1'b0;
    c_fwd_e = 1'b0;
    d_valid = 1'b0;
    scan_valid = 1'b0;
  end

  // Read addresses. The row of a constant-delay source is its list entry; of a per-synapse one
  // its index (the scan's source, or src_i - 1 once its row is walked).
  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] src_row = psyn ? {{(31 - NW) {1'b0}}, src_i} - 32'd1 : {{(32 - NW) {1'b0}}, list_rd};
  wire [31:0] scan_row = {{(32 - NW) {1'b0}}, scan_src};
  /* verilator lint_on UNUSEDSIGNAL */
  assign list_raddr = {lslot, base + src_i[NW-1:0]};
  assign hist_raddr = base + src_i[NW-1:0];
  assign row_raddr = rbase + (state == F_SCAN ? scan_row[ROWW-1:0] : src_row[ROWW-1:0]);
  assign syn_raddr = state == F_ROW ? row_start_rd[SYW-1:0] : e[SYW-1:0];
  assign cur_raddr = syn_target_rd;
  assign tap_word = a_word;

  // B: the delay test; C: the add, from the forwarded value on a close target; D: the write.
  wire b_ok = !psyn || tap_hit;
  wire signed [WMAX-1:0] c_cur = c_fwd_d ? d_wd : c_fwd_e ? e_wd : cur_rd;
  // Wraps only where a bound is taken instead.
  wire signed [WMAX-1:0] c_sum = c_cur + c_w;
  wire signed [WMAX+1:0] c_cur_x = {{2{c_cur[WMAX-1]}}, c_cur};
  wire c_above = c_cur_x > c_hi;  // c_sum > vmax
  wire c_below = c_cur_x < c_lo;  // c_sum < vmin
  wire signed [WMAX-1:0] c_new = c_above ? vmax : c_below ? vmin : c_sum;
  wire signed [LIW-1:0] c_cur_l = c_fwd_d ? d_li : c_fwd_e ? e_li : li_rd;
  wire signed [WMAX+1:0] w_x = {{2{syn_weight_rd[WMAX-1]}}, syn_weight_rd};
  wire signed [LIW-1:0] c_new_l = c_cur_l + {{(LIW - WMAX) {c_w[WMAX-1]}}, c_w};
  assign cur_we = d_valid && !loihi;
  assign li_we = d_valid && loihi;
  assign cur_waddr = d_addr;
  assign cur_wd = d_wd;
  assign li_wd = d_li;
  assign event_valid = d_valid;

  assign done = state == F_DRAIN && !a_valid && !c_valid && !d_valid;

  always @(posedge clk) begin
    // B, C and D advance every clock.
    a_valid <= 1'b0;
    c_valid <= a_valid && b_ok;
    c_addr <= syn_target_rd;
    c_w <= syn_weight_rd;
    c_hi <= {{2{vmax[WMAX-1]}}, vmax} - w_x;
    c_lo <= {{2{vmin[WMAX-1]}}, vmin} - w_x;
    c_fwd_d <= c_valid && c_addr == syn_target_rd;
    c_fwd_e <= d_valid && d_addr == syn_target_rd;
    d_valid <= c_valid;
    d_addr <= c_addr;
    d_wd <= c_new;
    d_li <= c_new_l;
    e_wd <= d_wd;
    e_li <= d_li;

    case (state)
      F_IDLE:
      if (go) begin
        base <= src_base;
        n <= n_src;
        lslot <= list_slot;
        rbase <= row_base;
        psyn <= per_syn;
        win <= window;
        loihi <= to_loihi;
        vmin <= tgt_min;
        vmax <= tgt_max;
        src_i <= {(NW + 1) {1'b0}};
        scan_valid <= 1'b0;
        state <= per_syn ? F_SCAN : F_SRC;
      end
      F_SRC: begin
        // Issue the read of the next source's list entry.
        if (src_i == n) begin
          state <= F_DRAIN;
        end else begin
          src_i <= src_i + 1'b1;
          state <= F_SRC_READ;
        end
      end
      // list_rd holds the source; its row read is issued now.
      F_SRC_READ: state <= F_ROW;
      F_ROW: begin
        // The row's first event is issued now; on a row's last event the next source's read
        // is issued in the same clock (as F_SRC would), so a source costs 2 clocks + its row.
        e <= row_start_rd + 1'b1;
        e_end <= row_end_rd;
        if (row_start_rd == row_end_rd) begin
          state <= psyn ? F_SCAN : F_SRC;
        end else begin
          a_valid <= 1'b1;
          a_word <= word;
          if (row_start_rd + 1'b1 == row_end_rd) begin
            if (psyn) state <= F_SCAN;
            else if (src_i == n) state <= F_DRAIN;
            else begin
              src_i <= src_i + 1'b1;
              state <= F_SRC_READ;
            end
          end else begin
            state <= F_EMIT;
          end
        end
      end
      F_EMIT: begin
        a_valid <= 1'b1;
        a_word <= word;
        e <= e + 1'b1;
        if (e + 1'b1 == e_end) begin
          if (psyn) state <= F_SCAN;
          else if (src_i == n) state <= F_DRAIN;
          else begin
            src_i <= src_i + 1'b1;
            state <= F_SRC_READ;
          end
        end
      end
      F_SCAN: begin
        // hist_rd is the word of scan_src (read last clock) when scan_valid.
        if (scan_valid && (hist_rd & win) != {DMAX{1'b0}}) begin
          word <= hist_rd;
          src_i <= {1'b0, scan_src} + 1'b1;
          scan_valid <= 1'b0;
          state <= F_ROW;  // its row pointers are being read
        end else if (src_i < n) begin
          scan_valid <= 1'b1;
          scan_src <= src_i[NW-1:0];
          src_i <= src_i + 1'b1;
        end else begin
          scan_valid <= 1'b0;
          if (!scan_valid) state <= F_DRAIN;
        end
      end
      F_DRAIN: if (!a_valid && !c_valid && !d_valid) state <= F_IDLE;
      default: state <= F_IDLE;
    endcase
  end
endmodule

`default_nettype wire
