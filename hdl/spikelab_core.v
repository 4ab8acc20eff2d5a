// spikelab_core: the time-multiplexed network core (issue 8). The network is data: every
// population, projection, synapse and schedule comes from `$readmemh` images that
// src/hdl (the generator) writes from the engine's compiled Plan; this RTL is fixed and only
// its capacities are parameters. It runs the engine's step (src/engine/CONTEXT.md) for
// `fixed_point_lif`, `poisson`, `spike_generator` and (with LOIHI = 1) `loihi` populations, bit
// for bit:
//
//   EXT      stimulus schedule: ext[pop] changes at the steps the image lists
//   PASS     populations in document order, neurons ascending, one neuron per clock
//              fixed_point_lif: neuron_lane (I = sat(ext + sum I_c), channel decay, 2f, reset)
//              poisson:         spike = mix32(mix32(key ^ t) + j) >> 8 < threshold24
//              spike_generator: spike = j is listed for step t (t mod period when periodic)
//            each spike is appended to the step's spike list of its population and sets the
//            neuron's bit t mod DMAX in its history word
//   DELIVER  projections in document order; sources ascending; synapses in CSR order:
//              constant delay d: the sources in the spike list of step t-d (t-d >= 0)
//              per-synapse delays: every source whose history word has a bit in
//              [t-maxDelay, t], and each synapse tests its own bit t-d
//            I_c[target] = sat(I_c[target] + w) per event, in exactly this order (a 3-stage
//            pipeline, one event per clock, the read-modify-write hazard of back-to-back
//            events on one target closed by forwarding the last written value): the walk and
//            the pipeline are spike_fanout.v, the history words and their tests delay_ring.v
//              into a Loihi target (step 5c): I[target] = I[target] + w, 32 bits, no clamp
//   LOIHI    (LOIHI = 1) Loihi populations in document order, neurons ascending, one per clock:
//            loihi_compartment (v, I, refr from memory, written back); spikes as in PASS, in
//            slot t (a Loihi source's delays already count one more step: the compile's +1)
//   LEARN    (ONLINE_O1 = 1) projections with online_o1 (step 5e) in document order, sources
//            ascending, synapses in CSR order, one per clock: online_o1_var on the synapse's
//            weight, traces and eligibility with pre = its source spiked at t - d, post = its
//            target spiked at t, R = amount x the reward population's spikes of t; the new
//            delivered weight min(w x scale, 2^23 - 1) goes to syn_weight for step t + 1
//   DUMP     (dump_en only) v and sum_c I_c of every fixed-point neuron, after delivery (a
//            Loihi neuron's v after reset and I before its decay are presented in LOIHI)
//
// Memories (synchronous reads, inferable as block RAM): V, refr, CHMAX channel banks and the
// history word per neuron; the spike-list ring (DMAX slots of NMAX entries); row pointers;
// synapse targets, weights and delays; the generator schedule; with ONLINE_O1 = 1 each synapse's
// integer weight, traces and eligibility. Small tables (populations,
// projections, stimulus events, list counts) are read asynchronously (LUT RAM / registers).
// Image formats are in hdl/README.md ("Network core").
//
// Ports: `start` (one clock) runs `n_steps` steps; `step_done` pulses once per finished step;
// `done` rises when they are all finished. With BUS = 1 a bus slave loads and reads every
// memory while the core is idle (hdl/README.md, "Core memory map"). Every
// spike is presented on spike_* for one clock, in order of step, then the non-Loihi
// populations in document order, then the Loihi populations in document order, each index
// ascending (a testbench that writes the engine's order buffers one step); with dump_en the
// state of every fixed-point and Loihi neuron on dump_*. The counters count clocks (without
// the dump phase) and delivered synaptic events. `overflow` (sticky until the next start) rises
// when a Loihi neuron's |I| or new |v| reaches 2^24, where the engine stops with NumericalError:
// the hardware cannot stop, so what follows is not the engine's.
//
// With BUS = 1 a run continues where the last one stopped: `start` runs `n_steps` more steps
// from the current t and keeps t, the stimulus pointer and `overflow` (a host runs a network in
// chunks and reads each chunk's spikes); the bus reads and writes them (`run_state`) and reads
// the capacities (`capacity`). With BUS = 0 `start` clears them and runs steps 0..n_steps-1.
`default_nettype none
`timescale 1ns / 1ps

module spikelab_core #(
    parameter integer NMAX    = 256,   // neurons of all populations (power of two)
    parameter integer POPMAX  = 4,     // populations (power of two)
    parameter integer PRJMAX  = 4,     // projections (power of two)
    parameter integer CHMAX   = 2,     // channel banks: most channels of one population (1..16)
    parameter integer DMAX    = 4,     // spike history depth, power of two > largest delay
    parameter integer SYNMAX  = 1024,  // synapses of all projections (power of two)
    parameter integer ROWMAX  = 256,   // rows: sum of the projections' source sizes
    parameter integer GPTRMAX = 16,    // generator step pointers
    parameter integer GIDXMAX = 16,    // generator spike entries
    parameter integer EXTMAX  = 16,    // stimulus (ext) change events
    parameter integer LOIHI   = 0,     // 1: Loihi populations (their v and I memories, pass)
    parameter integer BUS     = 0,     // 1: the bus slave that loads and reads the memories
    parameter integer ONLINE_O1 = 0,   // 1: OnlineO1 learning synapses (their memories, pass)
    parameter integer SCCHMAX = 0,     // SC channels of all integer SC layers (power of two; 0: none)
    parameter integer SCKMAX  = 2,     // entries of their current-by-count tables (power of two)
    parameter         IMAGES  = "./"   // prefix of the image files
) (
    input  wire               clk,
    input  wire               start,
    input  wire [       31:0] n_steps,
    input  wire               dump_en,
    output reg                busy,
    output reg                done,
    output reg                spike_valid,
    output reg  [       31:0] spike_step,
    output reg  [ POPW-1:0]   spike_pop,
    output reg  [   NW-1:0]   spike_index,
    output reg                dump_valid,
    output reg  [       31:0] dump_step,
    output reg  [ POPW-1:0]   dump_pop,
    output reg  [   NW-1:0]   dump_index,
    output reg  signed [31:0] dump_v,
    output reg  signed [31:0] dump_i,
    output reg  [       63:0] cycles,
    output reg  [       63:0] pass_cycles,
    output reg  [       63:0] deliver_cycles,
    output reg  [       63:0] events,
    output reg                overflow,
    output reg                step_done,  // one clock per finished step (host_bridge's core_step_done)
    // Bus slave (BUS = 1), core clock, as host_bridge drives it: the memory map of
    // src/hdl/core-memory-map.ts (hdl/README.md, "Core memory map"). With BUS = 0 it never
    // answers and the memories are images only.
    input  wire [       31:0] bus_addr,
    input  wire [       31:0] bus_wdata,
    input  wire               bus_we,
    input  wire               bus_re,
    output reg  [       31:0] bus_rdata,
    output wire               bus_ready
);
  localparam integer WMAX = 24;
  localparam integer SMAX = 16;
  localparam integer RW = 16;
  localparam integer NW = $clog2(NMAX);
  localparam integer POPW = $clog2(POPMAX);
  localparam integer PRJW = $clog2(PRJMAX);
  localparam integer DW = $clog2(DMAX);
  localparam integer SYW = $clog2(SYNMAX);
  localparam integer ROWW = $clog2(ROWMAX);
  localparam integer GPW = $clog2(GPTRMAX);
  localparam integer GIW = $clog2(GIDXMAX);
  localparam integer EXW = $clog2(EXTMAX);
  localparam integer SHW = $clog2(SMAX + 1);
  localparam integer SCD = SCCHMAX > 2 ? SCCHMAX : 2;  // SCCHMAX = 0 builds no SC memory
  localparam integer SCW = $clog2(SCD);
  localparam integer SKW = $clog2(SCKMAX);

  // ---- images ---------------------------------------------------------------------------
  reg [31:0] net_mem[0:3];  // n_pops, n_prjs, n_ext, 0
  reg [31:0] pop_mem[0:POPMAX*32-1];  // 32 fields per population (README)
  reg [31:0] prj_mem[0:PRJMAX*16-1];  // 16 fields per projection
  reg [31:0] ext_mem[0:EXTMAX*4-1];  // step, population, value, 0
  reg [WMAX-1:0] v_mem[0:NMAX-1];
  reg [RW-1:0] refr_mem[0:NMAX-1];
  reg [NW-1:0] list_mem[0:DMAX*NMAX-1];
  reg [NW:0] cnt_mem[0:DMAX*POPMAX-1];
  reg [SYW:0] row_start_mem[0:ROWMAX-1];
  reg [SYW:0] row_end_mem[0:ROWMAX-1];
  reg [NW-1:0] syn_target_mem[0:SYNMAX-1];
  reg [WMAX-1:0] syn_weight_mem[0:SYNMAX-1];
  reg [7:0] syn_delay_mem[0:SYNMAX-1];
  reg [GIW:0] gen_ptr_mem[0:GPTRMAX-1];
  reg [NW-1:0] gen_idx_mem[0:GIDXMAX-1];

  // The zero loops below are for simulation only. The 7-series powers block RAM, LUT RAM and
  // flip-flops up at zero without them, and Yosys 0.23 unrolls each loop into one $meminit per
  // word: at the board build's SYNMAX of 16,384 that alone kept synthesis from finishing
  // (stopped after 39 CPU-minutes; 133 s without the loops).
  integer n;
`ifndef SYNTHESIS
  initial begin
    for (n = 0; n < NMAX; n = n + 1) begin
      refr_mem[n] = {RW{1'b0}};
    end
    for (n = 0; n < DMAX * POPMAX; n = n + 1) cnt_mem[n] = {(NW + 1) {1'b0}};
  end
`endif

`ifdef SYNTHESIS
  initial begin
    $readmemh({IMAGES, "net.hex"}, net_mem);
    $readmemh({IMAGES, "pop.hex"}, pop_mem);
    $readmemh({IMAGES, "prj.hex"}, prj_mem);
    $readmemh({IMAGES, "ext.hex"}, ext_mem);
    $readmemh({IMAGES, "vinit.hex"}, v_mem);
    $readmemh({IMAGES, "row_start.hex"}, row_start_mem);
    $readmemh({IMAGES, "row_end.hex"}, row_end_mem);
    $readmemh({IMAGES, "syn_target.hex"}, syn_target_mem);
    $readmemh({IMAGES, "syn_weight.hex"}, syn_weight_mem);
    $readmemh({IMAGES, "syn_delay.hex"}, syn_delay_mem);
    $readmemh({IMAGES, "gen_ptr.hex"}, gen_ptr_mem);
    $readmemh({IMAGES, "gen_idx.hex"}, gen_idx_mem);
  end
`else
  // In simulation `+images=DIR/` overrides the prefix, so one build serves many networks.
  reg [8*512-1:0] prefix;
  reg [8*600-1:0] file;
  initial begin
    /* verilator lint_off WIDTH */
    if (!$value$plusargs("images=%s", prefix)) prefix = IMAGES;  // a string into a wider reg
    /* verilator lint_on WIDTH */
    // `+noimages`: the memories start empty and are loaded through the bus (tb_core_bus).
    if (!$test$plusargs("noimages")) begin
      $sformat(file, "%0snet.hex", prefix);
      $readmemh(file, net_mem);
      $sformat(file, "%0spop.hex", prefix);
      $readmemh(file, pop_mem);
      $sformat(file, "%0sprj.hex", prefix);
      $readmemh(file, prj_mem);
      $sformat(file, "%0sext.hex", prefix);
      $readmemh(file, ext_mem);
      $sformat(file, "%0svinit.hex", prefix);
      $readmemh(file, v_mem);
      $sformat(file, "%0srow_start.hex", prefix);
      $readmemh(file, row_start_mem);
      $sformat(file, "%0srow_end.hex", prefix);
      $readmemh(file, row_end_mem);
      $sformat(file, "%0ssyn_target.hex", prefix);
      $readmemh(file, syn_target_mem);
      $sformat(file, "%0ssyn_weight.hex", prefix);
      $readmemh(file, syn_weight_mem);
      $sformat(file, "%0ssyn_delay.hex", prefix);
      $readmemh(file, syn_delay_mem);
      $sformat(file, "%0sgen_ptr.hex", prefix);
      $readmemh(file, gen_ptr_mem);
      $sformat(file, "%0sgen_idx.hex", prefix);
      $readmemh(file, gen_idx_mem);
    end
  end
`endif

  // ---- phases -----------------------------------------------------------------------------
  localparam [4:0] S_IDLE = 5'd0, S_EXT = 5'd1, S_POP = 5'd2, S_POP_KEY = 5'd3,
      S_GEN_A = 5'd4, S_GEN_B = 5'd5, S_GEN_C = 5'd6, S_PASS = 5'd7, S_POP_END = 5'd8,
      S_PRJ = 5'd9, S_FAN = 5'd10, S_DUMP_POP = 5'd15, S_DUMP = 5'd16, S_NEXT = 5'd17,
      S_DONE = 5'd18, S_LPRJ = 5'd20, S_LROW = 5'd21, S_LROW_RD = 5'd22, S_LEMIT = 5'd23,
      S_LDRAIN = 5'd24, S_SC = 5'd25, S_SC_TAB = 5'd26, S_SC_CUR = 5'd27, S_POP_HASH = 5'd11;
  localparam [1:0] K_FIXED = 2'd0, K_POISSON = 2'd1, K_GEN = 2'd2, K_LOIHI = 2'd3;

  reg [4:0] phase;
  reg [31:0] t;
  reg [31:0] steps_to_run;
  reg [EXW:0] ext_ptr;
  reg signed [31:0] ext_reg[0:POPMAX-1];
  reg [31:0] gen_phase[0:POPMAX-1];
  wire [DW-1:0] slot = t[DW-1:0];

  // ---- the bus slave (BUS = 1) -------------------------------------------------------------
  // Address = region << 24 | word index (hdl/README.md, "Core memory map"; the regions are
  // R_* below and CORE_REGIONS in src/hdl/core-memory-map.ts, a test holds them equal). Only
  // while the core is idle: during a run no access is answered (bus_ready stays 0, so the
  // bridge reports BUS_TIMEOUT) and neither is an address outside every region or a write to a
  // read-only one. A write takes effect at the clock edge where bus_ready is 1 (its second);
  // a read answers one clock later (the memories read synchronously) with the word sign-
  // extended where the memory is signed.
  localparam [7:0] R_NET = 8'h00, R_POP = 8'h01, R_PRJ = 8'h02, R_EXT = 8'h03, R_V = 8'h04,
      R_ROW_START = 8'h05, R_ROW_END = 8'h06, R_SYN_TARGET = 8'h07, R_SYN_WEIGHT = 8'h08,
      R_SYN_DELAY = 8'h09, R_GEN_PTR = 8'h0A, R_GEN_IDX = 8'h0B, R_REFR = 8'h0C,
      R_LOIHI_V = 8'h0D, R_LOIHI_I = 8'h0E, R_EXT_REG = 8'h0F, R_GEN_PHASE = 8'h10,
      R_SPIKE_COUNT = 8'h11, R_SPIKE_LIST = 8'h12, R_CAPACITY = 8'h13, R_RUN_STATE = 8'h14,
      R_SYN_PRE = 8'h15, R_SYN_POST = 8'h16, R_SYN_ELIG = 8'h17, R_SYN_INT_WEIGHT = 8'h18,
      R_SC_IN_KEY = 8'h19, R_SC_W_KEY = 8'h1A, R_SC_IN_THR = 8'h1B, R_SC_W_THR = 8'h1C,
      R_SC_CURRENT = 8'h1D, R_BANK = 8'h20;
  localparam integer PIW = $clog2(POPMAX * 32);
  localparam integer JIW = $clog2(PRJMAX * 16);
  localparam integer EIW = $clog2(EXTMAX * 4);
  wire [7:0] b_region = bus_addr[31:24];
  wire [31:0] b_index = {8'd0, bus_addr[23:0]};
  wire [7:0] b_bank = b_region - R_BANK;  // the channel bank of a bank region
  wire b_idle = BUS != 0 && phase == S_IDLE && !start;
  reg b_hit, b_writable;
  always @* begin
    b_writable = 1'b1;
    case (b_region)
      R_NET: b_hit = b_index < 32'd4;
      R_POP: b_hit = b_index < POPMAX * 32;
      R_PRJ: b_hit = b_index < PRJMAX * 16;
      R_EXT: b_hit = b_index < EXTMAX * 4;
      R_V, R_REFR: b_hit = b_index < NMAX;
      R_ROW_START, R_ROW_END: b_hit = b_index < ROWMAX;
      R_SYN_TARGET, R_SYN_WEIGHT, R_SYN_DELAY: b_hit = b_index < SYNMAX;
      R_GEN_PTR: b_hit = b_index < GPTRMAX;
      R_GEN_IDX: b_hit = b_index < GIDXMAX;
      R_LOIHI_V, R_LOIHI_I: b_hit = LOIHI != 0 && b_index < NMAX;
      R_EXT_REG, R_GEN_PHASE: b_hit = b_index < POPMAX;
      R_SPIKE_COUNT: begin
        b_hit = b_index < DMAX * POPMAX;
        b_writable = 1'b0;
      end
      R_SPIKE_LIST: begin
        b_hit = b_index < DMAX * NMAX;
        b_writable = 1'b0;
      end
      R_CAPACITY: begin
        b_hit = b_index < 32'd16;
        b_writable = 1'b0;
      end
      R_RUN_STATE: b_hit = b_index < 32'd4;  // word 3 reads 0; a write to it is ignored
      R_SYN_PRE, R_SYN_POST, R_SYN_ELIG, R_SYN_INT_WEIGHT: b_hit = ONLINE_O1 != 0 && b_index < SYNMAX;
      R_SC_IN_KEY, R_SC_W_KEY, R_SC_IN_THR, R_SC_W_THR: b_hit = SCCHMAX != 0 && b_index < SCCHMAX;
      R_SC_CURRENT: b_hit = SCCHMAX != 0 && b_index < SCKMAX;
      default: b_hit = b_region >= R_BANK && {24'd0, b_bank} < CHMAX && b_index < NMAX;
    endcase
  end
  // A write's decode (the region's range and writability) is registered, for 100 MHz: the
  // write takes effect at its second clock (the bridge holds address and data until
  // bus_ready); b_we_q is clear in the clock after a write, so a next one waits its own decode.
  reg b_we_q, b_wok_q;
  initial b_we_q = 1'b0;
  wire b_write = b_idle && bus_we && b_we_q && b_wok_q;
  always @(posedge clk) begin
    b_we_q <= bus_we && !b_write;
    b_wok_q <= b_hit && b_writable;
  end
  wire b_read = b_idle && bus_re && b_hit;
  wire w_bank = b_write && b_region >= R_BANK;
  // The `capacity` region: what this bitstream holds, for a host that loads a network into it.
  function automatic [31:0] capacity_word(input [3:0] i);
    case (i)
      4'd0: capacity_word = NMAX;
      4'd1: capacity_word = POPMAX;
      4'd2: capacity_word = PRJMAX;
      4'd3: capacity_word = CHMAX;
      4'd4: capacity_word = DMAX;
      4'd5: capacity_word = SYNMAX;
      4'd6: capacity_word = ROWMAX;
      4'd7: capacity_word = GPTRMAX;
      4'd8: capacity_word = GIDXMAX;
      4'd9: capacity_word = EXTMAX;
      4'd10: capacity_word = LOIHI != 0 ? 32'd1 : 32'd0;
      4'd11: capacity_word = ONLINE_O1 != 0 ? 32'd1 : 32'd0;
      4'd12: capacity_word = SCCHMAX;
      4'd13: capacity_word = SCCHMAX != 0 ? SCKMAX : 32'd0;
      default: capacity_word = 32'd0;
    endcase
  endfunction
  // The synapse weights' one write port: the bus while idle, the learning pass while running.
  reg sw_we;
  reg [SYW-1:0] sw_waddr;
  reg [WMAX-1:0] sw_wd;
  reg b_pending;  // a read's memories answer this clock
  reg [7:0] b_pending_region;
  reg [31:0] b_async;  // what the asynchronously read tables gave last clock
  initial b_pending = 1'b0;
  assign bus_ready = b_write || b_pending;
  always @(posedge clk) begin
    if (b_write && b_region == R_NET) net_mem[b_index[1:0]] <= bus_wdata;
    if (b_write && b_region == R_POP) pop_mem[b_index[PIW-1:0]] <= bus_wdata;
    if (b_write && b_region == R_PRJ) prj_mem[b_index[JIW-1:0]] <= bus_wdata;
    if (b_write && b_region == R_EXT) ext_mem[b_index[EIW-1:0]] <= bus_wdata;
    if (b_write && b_region == R_ROW_START) row_start_mem[b_index[ROWW-1:0]] <= bus_wdata[SYW:0];
    if (b_write && b_region == R_ROW_END) row_end_mem[b_index[ROWW-1:0]] <= bus_wdata[SYW:0];
    if (b_write && b_region == R_SYN_TARGET) syn_target_mem[b_index[SYW-1:0]] <= bus_wdata[NW-1:0];
    if (sw_we) syn_weight_mem[sw_waddr] <= sw_wd;
    if (b_write && b_region == R_SYN_DELAY) syn_delay_mem[b_index[SYW-1:0]] <= bus_wdata[7:0];
    if (b_write && b_region == R_GEN_PTR) gen_ptr_mem[b_index[GPW-1:0]] <= bus_wdata[GIW:0];
    if (b_write && b_region == R_GEN_IDX) gen_idx_mem[b_index[GIW-1:0]] <= bus_wdata[NW-1:0];
    b_pending <= b_read && !b_pending;
    if (b_read) begin
      b_pending_region <= b_region;
      case (b_region)
        R_NET: b_async <= net_mem[b_index[1:0]];
        R_POP: b_async <= pop_mem[b_index[PIW-1:0]];
        R_PRJ: b_async <= prj_mem[b_index[JIW-1:0]];
        R_EXT: b_async <= ext_mem[b_index[EIW-1:0]];
        R_EXT_REG: b_async <= ext_reg[b_index[POPW-1:0]];
        R_GEN_PHASE: b_async <= gen_phase[b_index[POPW-1:0]];
        R_CAPACITY: b_async <= capacity_word(b_index[3:0]);
        R_RUN_STATE:
        case (b_index[1:0])
          2'd0: b_async <= t;
          2'd1: b_async <= {{(31 - EXW) {1'b0}}, ext_ptr};
          2'd2: b_async <= {31'd0, overflow};
          default: b_async <= 32'd0;
        endcase
        default: b_async <= {{(31 - NW) {1'b0}}, cnt_mem[b_index[DW+POPW-1:0]]};
      endcase
    end
  end

  // The current population's fields.
  reg [POPW:0] p;
  reg [1:0] kind;
  reg [NW-1:0] base;
  reg [NW:0] size;
  reg [4:0] nch;
  reg [SHW-1:0] s_shift;
  reg signed [WMAX-1:0] v_min, v_max, v_rest, v_reset, v_thr;
  reg [SMAX:0] leak;
  reg [SMAX+8:0] gain;
  reg [RW-1:0] refr_steps;
  reg [31:0] key_or_ptr, thr_or_len, period;
  reg [(SMAX+1)*CHMAX-1:0] decays;
  reg [31:0] step_key;
  reg [31:0] gen_s;
  reg [GIW:0] gen_to;
  reg [GIW:0] gen_cur;
  reg [NW:0] spike_cnt;
  wire [POPW-1:0] pp = p[POPW-1:0];
  wire [POPW+4:0] pf = {pp, 5'd0};

  // The neuron pass pipeline: P0 issues the reads of neuron j; P1 has them: the channel decays'
  // products, the Loihi compartment's products, the Poisson draw and the generator's test are
  // done there, and the LIF lane sums and clamps its input; P2 forms the lane's products,
  // writes the decayed channels (bank writes) and finishes a Loihi neuron (its writes); P3
  // finishes the lane (v, refr writes) and records every kind's spike (history, spike list,
  // count). One neuron per clock; each stage holds a different neuron, and nothing
  // a later stage writes is read again in the pass.
  reg [NW:0] j_issue;
  reg p1_valid, p2_valid, p3_valid, p4_valid, p5_valid;
  reg [NW-1:0] p1_j, p2_j, p3_j, p4_j, p5_j;
  // a generator neuron's spike (from P1), a Poisson or Loihi one's (from P2), carried to P4;
  // P5's is every kind's (a fixed-point neuron's from the lane at P4)
  reg p2_spk, p3_spk, p4_spk, p5_spk;
  // The lane's results registered at P4 (for 100 MHz the LIF finish and the record are not
  // one clock): P5 writes them.
  reg signed [WMAX-1:0] p5_v;
  reg [RW-1:0] p5_refr;
  wire [NW-1:0] p1_g = base + p1_j;
  wire [NW-1:0] p2_g = base + p2_j;
  wire [NW-1:0] p5_g = base + p5_j;

  // ---- memories with synchronous reads --------------------------------------------------
  reg [NW-1:0] n_raddr;  // neuron address of the pass, the dump and the walker's history reads
  reg [WMAX-1:0] v_rd;
  reg [RW-1:0] refr_rd;
  wire [DMAX-1:0] hist_rd;  // delay_ring's read port
  reg v_we, refr_we, hist_we;
  reg [NW-1:0] v_waddr, refr_waddr;  // p1_g, or the bus's index
  reg [WMAX-1:0] v_wd;
  reg [RW-1:0] refr_wd;
  always @(posedge clk) begin
    if (v_we) v_mem[v_waddr] <= v_wd;
    if (refr_we) refr_mem[refr_waddr] <= refr_wd;
    v_rd <= v_mem[n_raddr];
    refr_rd <= refr_mem[n_raddr];
  end

  // Loihi state (LOIHI = 1 only; otherwise the reads are 0 and every Loihi path is constant):
  // v in 25 bits (|v| < 2^24 while the engine runs), I in 32 bits, so that deliveries, which
  // the engine sums without a clamp, can pass 2^24 and be seen by `overflow` at the step (a sum
  // wraps only past 2^31: it then still shows unless it lands within 2^24 of a multiple of 2^32).
  // Addressed by global neuron: reads at n_raddr (v) and bank_raddr (I), writes at p1_g / bank_waddr.
  localparam integer LVW = 25;
  localparam integer LIW = 32;
  /* verilator lint_off UNUSEDSIGNAL */  // unread at LOIHI = 0
  reg lv_we, li_we;
  reg [LVW-1:0] lv_wd;
  reg [LIW-1:0] li_wd;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [LVW-1:0] lv_rd;
  wire [LIW-1:0] li_rd;
  reg [NW-1:0] bank_raddr;
  reg [NW-1:0] bank_waddr;
  /* verilator lint_off UNUSEDSIGNAL */  // unread at LOIHI = 0
  reg [NW-1:0] lv_waddr;
  /* verilator lint_on UNUSEDSIGNAL */
  generate
    if (LOIHI != 0) begin : g_loihi
      reg [LVW-1:0] v_l[0:NMAX-1];
      reg [LIW-1:0] i_l[0:NMAX-1];
      reg [LVW-1:0] v_q;
      reg [LIW-1:0] i_q;
      integer z;
`ifndef SYNTHESIS
      initial
        for (z = 0; z < NMAX; z = z + 1) begin
          v_l[z] = {LVW{1'b0}};
          i_l[z] = {LIW{1'b0}};
        end
`endif
      always @(posedge clk) begin
        if (lv_we) v_l[lv_waddr] <= lv_wd;
        if (li_we) i_l[bank_waddr] <= li_wd;
        v_q <= v_l[n_raddr];
        i_q <= i_l[bank_raddr];
      end
      assign lv_rd = v_q;
      assign li_rd = i_q;
    end else begin : g_no_loihi
      assign lv_rd = {LVW{1'b0}};
      assign li_rd = {LIW{1'b0}};
    end
  endgenerate

  // Channel banks: bank k holds channel k of its population for every neuron.
  reg [CHMAX-1:0] bank_we;
  reg [CHMAX*WMAX-1:0] bank_wd;
  wire [CHMAX*WMAX-1:0] bank_rd;
  genvar gk;
  generate
    for (gk = 0; gk < CHMAX; gk = gk + 1) begin : g_bank
      reg [WMAX-1:0] mem[0:NMAX-1];
      reg [WMAX-1:0] rd;
      integer z;
`ifndef SYNTHESIS
      initial for (z = 0; z < NMAX; z = z + 1) mem[z] = {WMAX{1'b0}};
`endif
      always @(posedge clk) begin
        if (bank_we[gk]) mem[bank_waddr] <= bank_wd[gk*WMAX+:WMAX];
        rd <= mem[bank_raddr];
      end
      assign bank_rd[gk*WMAX+:WMAX] = rd;
    end
  endgenerate

  // Spike lists: entry k of population p's list of step t at {t mod DMAX, base_p + k}.
  reg list_we;
  reg [DW+NW-1:0] list_waddr, list_raddr;
  reg [NW-1:0] list_wd;
  reg [NW-1:0] list_rd;
  always @(posedge clk) begin
    if (list_we) list_mem[list_waddr] <= list_wd;
    list_rd <= list_mem[list_raddr];
  end

  reg [ROWW-1:0] row_raddr;
  reg [SYW:0] row_start_rd, row_end_rd;
  always @(posedge clk) begin
    row_start_rd <= row_start_mem[row_raddr];
    row_end_rd <= row_end_mem[row_raddr];
  end

  reg [SYW-1:0] syn_raddr;
  reg [NW-1:0] syn_target_rd;
  reg [WMAX-1:0] syn_weight_rd;
  reg [7:0] syn_delay_rd;
  always @(posedge clk) begin
    syn_target_rd <= syn_target_mem[syn_raddr];
    syn_weight_rd <= syn_weight_mem[syn_raddr];
    syn_delay_rd <= syn_delay_mem[syn_raddr];
  end

  // OnlineO1 learning synapses (ONLINE_O1 = 1 only; otherwise the reads are 0 and nothing of it
  // is built): per synapse the integer weight (31 bits, the engine's widest weight_bits), the
  // pre and post traces and the eligibility (30 bits, its widest trace_bits), read at syn_raddr
  // with the synapse's target, weight and delay, written together by the learning pass (or one
  // at a time by the bus). The integer weights start from syn_o1w.hex, the rest from 0.
  localparam integer O1WW = 31;
  localparam integer O1TW = 30;
  /* verilator lint_off UNUSEDSIGNAL */  // unread at ONLINE_O1 = 0
  reg o1w_we, o1pre_we, o1post_we, o1elig_we;
  reg [SYW-1:0] o1_waddr;
  reg [O1WW-1:0] o1w_wd;
  reg [O1TW-1:0] o1pre_wd, o1post_wd, o1elig_wd;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [O1WW-1:0] o1w_rd;
  wire [O1TW-1:0] o1pre_rd, o1post_rd, o1elig_rd;
  generate
    if (ONLINE_O1 != 0) begin : g_o1
      reg [O1WW-1:0] w_m[0:SYNMAX-1];
      reg [O1TW-1:0] pre_m[0:SYNMAX-1];
      reg [O1TW-1:0] post_m[0:SYNMAX-1];
      reg [O1TW-1:0] elig_m[0:SYNMAX-1];
      reg [O1WW-1:0] w_q;
      reg [O1TW-1:0] pre_q, post_q, elig_q;
      integer z;
`ifndef SYNTHESIS
      initial
        for (z = 0; z < SYNMAX; z = z + 1) begin
          w_m[z] = {O1WW{1'b0}};
          pre_m[z] = {O1TW{1'b0}};
          post_m[z] = {O1TW{1'b0}};
          elig_m[z] = {O1TW{1'b0}};
        end
`endif
`ifdef SYNTHESIS
      initial $readmemh({IMAGES, "syn_o1w.hex"}, w_m);
`else
      reg [8*512-1:0] o1_prefix;
      reg [8*600-1:0] o1_file;
      initial begin
        /* verilator lint_off WIDTH */
        if (!$value$plusargs("images=%s", o1_prefix)) o1_prefix = IMAGES;
        /* verilator lint_on WIDTH */
        if (!$test$plusargs("noimages")) begin
          $sformat(o1_file, "%0ssyn_o1w.hex", o1_prefix);
          $readmemh(o1_file, w_m);
        end
      end
`endif
      always @(posedge clk) begin
        if (o1w_we) w_m[o1_waddr] <= o1w_wd;
        if (o1pre_we) pre_m[o1_waddr] <= o1pre_wd;
        if (o1post_we) post_m[o1_waddr] <= o1post_wd;
        if (o1elig_we) elig_m[o1_waddr] <= o1elig_wd;
        w_q <= w_m[syn_raddr];
        pre_q <= pre_m[syn_raddr];
        post_q <= post_m[syn_raddr];
        elig_q <= elig_m[syn_raddr];
      end
      assign o1w_rd = w_q;
      assign o1pre_rd = pre_q;
      assign o1post_rd = post_q;
      assign o1elig_rd = elig_q;
    end else begin : g_no_o1
      assign o1w_rd = {O1WW{1'b0}};
      assign o1pre_rd = {O1TW{1'b0}};
      assign o1post_rd = {O1TW{1'b0}};
      assign o1elig_rd = {O1TW{1'b0}};
    end
  endgenerate

  // Integer SC layers (SCCHMAX != 0 only; otherwise the reads are 0 and nothing of it is built):
  // per channel its input and weight keys and thresholds (0..2^24, 25 bits), and per layer its
  // current-by-count table (W-bit integers), read at sc_raddr / sck_raddr, written by the bus.
  /* verilator lint_off UNUSEDSIGNAL */  // unread at SCCHMAX = 0
  reg [SCW-1:0] sc_raddr;
  reg [SKW-1:0] sck_raddr;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [31:0] sc_ikey_rd, sc_wkey_rd;
  wire [24:0] sc_ithr_rd, sc_wthr_rd;
  wire [WMAX-1:0] sck_rd;
  generate
    if (SCCHMAX != 0) begin : g_sc
      reg [31:0] ikey_m[0:SCCHMAX-1];
      reg [31:0] wkey_m[0:SCCHMAX-1];
      reg [24:0] ithr_m[0:SCCHMAX-1];
      reg [24:0] wthr_m[0:SCCHMAX-1];
      reg [WMAX-1:0] cur_m[0:SCKMAX-1];
      reg [31:0] ikey_q, wkey_q;
      reg [24:0] ithr_q, wthr_q;
      reg [WMAX-1:0] cur_q;
      integer z;
`ifndef SYNTHESIS
      initial begin
        for (z = 0; z < SCCHMAX; z = z + 1) begin
          ikey_m[z] = 32'd0;
          wkey_m[z] = 32'd0;
          ithr_m[z] = 25'd0;
          wthr_m[z] = 25'd0;
        end
        for (z = 0; z < SCKMAX; z = z + 1) cur_m[z] = {WMAX{1'b0}};
      end
`endif
`ifdef SYNTHESIS
      initial begin
        $readmemh({IMAGES, "sc_in_key.hex"}, ikey_m);
        $readmemh({IMAGES, "sc_w_key.hex"}, wkey_m);
        $readmemh({IMAGES, "sc_in_thr.hex"}, ithr_m);
        $readmemh({IMAGES, "sc_w_thr.hex"}, wthr_m);
        $readmemh({IMAGES, "sc_current.hex"}, cur_m);
      end
`else
      reg [8*512-1:0] sc_prefix;
      reg [8*600-1:0] sc_file;
      initial begin
        /* verilator lint_off WIDTH */
        if (!$value$plusargs("images=%s", sc_prefix)) sc_prefix = IMAGES;
        /* verilator lint_on WIDTH */
        if (!$test$plusargs("noimages")) begin
          $sformat(sc_file, "%0ssc_in_key.hex", sc_prefix);
          $readmemh(sc_file, ikey_m);
          $sformat(sc_file, "%0ssc_w_key.hex", sc_prefix);
          $readmemh(sc_file, wkey_m);
          $sformat(sc_file, "%0ssc_in_thr.hex", sc_prefix);
          $readmemh(sc_file, ithr_m);
          $sformat(sc_file, "%0ssc_w_thr.hex", sc_prefix);
          $readmemh(sc_file, wthr_m);
          $sformat(sc_file, "%0ssc_current.hex", sc_prefix);
          $readmemh(sc_file, cur_m);
        end
      end
`endif
      always @(posedge clk) begin
        if (b_write && b_region == R_SC_IN_KEY) ikey_m[b_index[SCW-1:0]] <= bus_wdata;
        if (b_write && b_region == R_SC_W_KEY) wkey_m[b_index[SCW-1:0]] <= bus_wdata;
        if (b_write && b_region == R_SC_IN_THR) ithr_m[b_index[SCW-1:0]] <= bus_wdata[24:0];
        if (b_write && b_region == R_SC_W_THR) wthr_m[b_index[SCW-1:0]] <= bus_wdata[24:0];
        if (b_write && b_region == R_SC_CURRENT) cur_m[b_index[SKW-1:0]] <= bus_wdata[WMAX-1:0];
        ikey_q <= ikey_m[sc_raddr];
        wkey_q <= wkey_m[sc_raddr];
        ithr_q <= ithr_m[sc_raddr];
        wthr_q <= wthr_m[sc_raddr];
        cur_q <= cur_m[sck_raddr];
      end
      assign sc_ikey_rd = ikey_q;
      assign sc_wkey_rd = wkey_q;
      assign sc_ithr_rd = ithr_q;
      assign sc_wthr_rd = wthr_q;
      assign sck_rd = cur_q;
    end else begin : g_no_sc
      assign sc_ikey_rd = 32'd0;
      assign sc_wkey_rd = 32'd0;
      assign sc_ithr_rd = 25'd0;
      assign sc_wthr_rd = 25'd0;
      assign sck_rd = {WMAX{1'b0}};
    end
  endgenerate

  reg [GPW-1:0] gen_ptr_raddr;
  reg [GIW:0] gen_ptr_rd;
  reg [GIW-1:0] gen_idx_raddr;
  reg [NW-1:0] gen_idx_rd;
  always @(posedge clk) begin
    gen_ptr_rd <= gen_ptr_mem[gen_ptr_raddr];
    gen_idx_rd <= gen_idx_mem[gen_idx_raddr];
  end

  // ---- the SC count (SCCHMAX != 0: step 1b integer) --------------------------------------
  // An integer SC layer is a fixed-point population (pop.hex field 0 bit 2) whose neuron pass
  // is preceded by its count: S_SC presents its channels (fields 13: first channel, 14: count)
  // one per clock to sc_lane at stream index gen_s = t mod L (field 15: L, kept in gen_phase
  // like a periodic generator's phase), cleared in S_POP_KEY; S_SC_TAB reads
  // currentByCount[k] (field 16: the table's first entry; an SC layer has no synaptic
  // channels, so the decay words are free), which S_SC_CUR keeps per population: it joins the
  // layer's ext in the neuron pass (I = sat(ext + currentByCount[k])) and is its dumped i.
  reg sc_on;  // the current population is an SC layer
  reg [SCW:0] sc_c, sc_n;
  reg [SCW-1:0] sc_base;
  reg [SKW-1:0] sc_tbase;
  /* verilator lint_off UNUSEDSIGNAL */  // unread at SCCHMAX = 0
  reg sc_q_valid;  // channel sc_c - 1 is being presented (its words were read last clock)
  reg [2:0] sc_wait;  // clocks since the last channel was presented (sc_lane's latency)
  /* verilator lint_on UNUSEDSIGNAL */
  reg signed [WMAX-1:0] sc_cur[0:POPMAX-1];
  wire [12:0] sc_count;
  /* verilator lint_off UNUSEDSIGNAL */
  wire sc_pre, sc_weight, sc_active;
  wire [31:0] sc_k_addr = {{(32 - SKW) {1'b0}}, sc_tbase} + {19'd0, sc_count};
  /* verilator lint_on UNUSEDSIGNAL */
  generate
    if (SCCHMAX != 0) begin : g_sc_lane
      sc_lane #(
          .CW(13)
      ) lane_sc (
          .clk(clk),
          .clear(phase == S_POP_KEY),
          .valid(sc_q_valid),
          .index(gen_s),
          .input_key(sc_ikey_rd),
          .weight_key(sc_wkey_rd),
          .input_thr(sc_ithr_rd),
          .weight_thr(sc_wthr_rd),
          .pre(sc_pre),
          .weight(sc_weight),
          .active(sc_active),
          .count(sc_count)
      );
    end else begin : g_no_sc_lane
      assign sc_pre = 1'b0;
      assign sc_weight = 1'b0;
      assign sc_active = 1'b0;
      assign sc_count = 13'd0;
    end
  endgenerate
  wire signed [31:0] sc_ext = sc_on ? {{(32 - WMAX) {sc_cur[pp][WMAX-1]}}, sc_cur[pp]} : 32'sd0;

  // ---- the neuron lane and the Poisson draw -----------------------------------------------
  wire signed [WMAX-1:0] lane_v;
  wire [RW-1:0] lane_refr;
  wire lane_spike;
  wire [CHMAX*WMAX-1:0] lane_i;
  wire signed [31:0] lane_i_sum;
  neuron_lane #(
      .CHMAX(CHMAX),
      .WMAX (WMAX),
      .SMAX (SMAX),
      .RW   (RW),
      .PIPE (1)
  ) lane (
      .clk(clk),
      .ext(ext_reg[pp] + sc_ext),
      .i_in(bank_rd),
      .decay(decays),
      .nch(nch),
      .s_shift(s_shift),
      .v(v_rd),
      .refr(refr_rd),
      .leak(leak),
      .gain(gain),
      .v_rest(v_rest),
      .v_reset(v_reset),
      .v_threshold(v_thr),
      .v_min(v_min),
      .v_max(v_max),
      .refractory_steps(refr_steps),
      .v_next(lane_v),
      .refr_next(lane_refr),
      .spike(lane_spike),
      .i_out(lane_i),
      .i_sum(lane_i_sum)
  );

  // The Poisson hashes, each split over two clocks (mix32_pipe: no clock chains two
  // multiplies). The step key: fed at S_POP_KEY, taken at S_POP_HASH. The draw of neuron j:
  // fed stepKey + j when S_PASS issues j, read at its P1 (the next clock).
  wire [31:0] key_hash;
  mix32_pipe key_mix (
      .clk(clk),
      .x(key_or_ptr ^ t),
      .y(key_hash)
  );
  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] draw;  // draw24 is its top 24 bits
  /* verilator lint_on UNUSEDSIGNAL */
  mix32_pipe draw_mix (
      .clk(clk),
      .x(step_key + {{(32 - NW) {1'b0}}, j_issue[NW-1:0]}),
      .y(draw)
  );
  // The draw is registered at P1 and compared at P2 (for 100 MHz the hash's second multiply
  // and the threshold compare are not one clock).
  reg [23:0] draw_q;
  always @(posedge clk) draw_q <= draw[31:8];
  wire poisson_spike = {8'd0, draw_q} < thr_or_len;
  wire gen_spike = (gen_cur < gen_to) && (gen_idx_rd == p1_j);

  // A Loihi population (step 5c): its fields reuse v_thr (threshold), leak (decay_v), gain
  // (decay_I) and refr_steps (refractory); v, I and refr come from memory.
  wire is_loihi = LOIHI != 0 && kind == K_LOIHI;
  wire signed [LIW-1:0] l_v_in = {{(LIW - LVW) {lv_rd[LVW-1]}}, lv_rd};
  wire signed [LIW-1:0] l_v_next, l_i_next;
  wire [RW-1:0] l_refr;
  wire l_spike, l_over_i, l_over_v;
  loihi_compartment #(
      .VW  (LIW),
      .RW  (RW),
      .PIPE(1)
  ) compartment (
      .clk(clk),
      .v(l_v_in),
      .i_syn(li_rd),
      .refr(refr_rd),
      .decay_v(leak[12:0]),
      .decay_i(gain[12:0]),
      .threshold(v_thr),
      .refractory(refr_steps),
      .v_next(l_v_next),
      .i_next(l_i_next),
      .refr_next(l_refr),
      .spike(l_spike),
      .overflow_i(l_over_i),
      .overflow_v(l_over_v)
  );
  // A generator's spike is known at P1, a Poisson neuron's and a Loihi one's at P2 (the draw
  // and the compartment's products are registered at P1).
  wire p2_spike = kind == K_POISSON ? poisson_spike : p2_spk;
  reg signed [LIW-1:0] l_i_q;  // the neuron's I at P2, for the dump
  always @(posedge clk) l_i_q <= li_rd;
  wire p4_spike = kind == K_FIXED ? lane_spike : p4_spk;  // registered into p5_spk

  // ---- the spike history (delay_ring) and the fan-out (spike_fanout) -----------------------
  // The history words, their window and the per-synapse delay test: read at n_raddr, recorded
  // by the neuron pass at P3 (bit t mod DMAX of the word read at P2 := the neuron's spike: in
  // the pass the ring reads the neuron at P2, so its word is there at P3, the record). The
  // tap tests the fan-out's word and synapse delay, or in the learning pass (lb_valid; the two
  // never overlap) the learning source's word and delay: o1_pre.
  reg [PRJW:0] k;
  wire [PRJW-1:0] kk = k[PRJW-1:0];
  wire [PRJW+3:0] kf = {kk, 4'd0};
  wire [DMAX-1:0] window;
  wire [DMAX-1:0] fan_tap_word;
  reg [DMAX-1:0] word;  // the learning pass's source word
  reg la_valid, lb_valid;  // the learning pass's stages L1, L2 (below)
  reg [7:0] lb_delay;
  wire tap_hit;
  wire [NW-1:0] hist_raddr = phase == S_PASS ? base + p4_j : n_raddr;
  delay_ring #(
      .NMAX(NMAX),
      .DMAX(DMAX)
  ) ring (
      .clk(clk),
      .t(t),
      .raddr(hist_raddr),
      .rd(hist_rd),
      .rec_we(hist_we),
      .rec_addr(p5_g),
      .rec_spike(p5_spk),
      .max_delay(prj_mem[kf+9]),
      .window(window),
      .tap_word(lb_valid ? word : fan_tap_word),
      .tap_delay(lb_valid ? lb_delay : syn_delay_rd),
      .tap_hit(tap_hit)
  );

  // The current projection's delivery: S_PRJ starts spike_fanout (`fan_go`) with its fields,
  // S_FAN waits for `fan_done`; meanwhile the fan-out drives the spike list, history, row and
  // synapse read addresses and the target bank's (or Loihi I's) read and write ports.
  reg [3:0] bank;
  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] prj_delay = prj_mem[kf+8];
  /* verilator lint_on UNUSEDSIGNAL */
  wire fan_go = phase == S_PRJ && {{(31 - PRJW) {1'b0}}, k} != net_mem[1] &&
                (prj_mem[kf+7][0] || prj_delay <= t);
  wire fan_done;
  wire [DW+NW-1:0] fan_list_raddr;
  wire [NW-1:0] fan_hist_raddr, fan_cur_raddr, fan_cur_waddr;
  wire [ROWW-1:0] fan_row_raddr;
  wire [SYW-1:0] fan_syn_raddr;
  wire fan_cur_we, fan_li_we, fan_event;
  wire [WMAX-1:0] fan_cur_wd;
  wire [LIW-1:0] fan_li_wd;
  spike_fanout #(
      .NMAX  (NMAX),
      .DMAX  (DMAX),
      .SYNMAX(SYNMAX),
      .ROWMAX(ROWMAX),
      .WMAX  (WMAX),
      .LIW   (LIW)
  ) fanout (
      .clk(clk),
      .go(fan_go),
      .src_base(prj_mem[kf+1][NW-1:0]),
      // per-synapse delays: every source; constant delay d: the list of step t - d
      .n_src(prj_mem[kf+7][0] ? prj_mem[kf+2][NW:0] :
             cnt_mem[{slot - prj_delay[DW-1:0], prj_mem[kf+0][POPW-1:0]}]),
      .list_slot(slot - prj_delay[DW-1:0]),
      .row_base(prj_mem[kf+6][ROWW-1:0]),
      .per_syn(prj_mem[kf+7][0]),
      .window(window),
      .to_loihi(LOIHI != 0 && prj_mem[kf+10][0]),
      .tgt_min(prj_mem[kf+4][WMAX-1:0]),
      .tgt_max(prj_mem[kf+5][WMAX-1:0]),
      .done(fan_done),
      .list_raddr(fan_list_raddr),
      .list_rd(list_rd),
      .hist_raddr(fan_hist_raddr),
      .hist_rd(hist_rd),
      .tap_word(fan_tap_word),
      .tap_hit(tap_hit),
      .row_raddr(fan_row_raddr),
      .row_start_rd(row_start_rd),
      .row_end_rd(row_end_rd),
      .syn_raddr(fan_syn_raddr),
      .syn_target_rd(syn_target_rd),
      .syn_weight_rd(syn_weight_rd),
      .cur_raddr(fan_cur_raddr),
      .cur_rd(bank_rd[bank*WMAX+:WMAX]),
      .li_rd(li_rd),
      .cur_we(fan_cur_we),
      .li_we(fan_li_we),
      .cur_waddr(fan_cur_waddr),
      .cur_wd(fan_cur_wd),
      .li_wd(fan_li_wd),
      .event_valid(fan_event)
  );

  // The learning pass's walk (its own; the fan-out's registers are its own too).
  reg [NW-1:0] src_base;
  reg [ROWW-1:0] row_base;
  reg [NW:0] n_src, src_i;
  reg [SYW:0] e, e_end;

  // Dump pipeline (reuses P0/P1 addressing).
  reg d1_valid;

  // ---- the learning pass (ONLINE_O1 = 1: step 5e, online_o1) ------------------------------
  // After every delivery of step t (and the Loihi pass), for each projection that learns
  // (prj.hex field 11 bit 0; in document order), sources ascending, each source's synapses in
  // CSR order: S_LROW reads the source's row pointers and history word; then one synapse per
  // clock in three stages: L0 (S_LEMIT) reads synapse e (target, delay, weight, traces); L1
  // (lb) reads the target's history word; L2 computes online_o1_var with
  //   pre  = the source spiked at t - d (d <= t): bit (t - d) mod DMAX of its history word
  //   post = the target spiked at t: bit t mod DMAX of its history word
  //   R    = amount * (spikes of the reward population at t), saturated in online_o1_var
  // and writes the weight, traces and eligibility back, and the delivered weight
  // min(w * scale, 2^23 - 1) into syn_weight (delivered from step t + 1 on; src/hdl/
  // core-images.ts, `o1Delivered`, says why the clamp changes nothing). Synapses are
  // independent, so the order matters only to the bench's dump.
  localparam [WMAX-1:0] O1_DELIVER_MAX = {1'b0, {(WMAX - 1) {1'b1}}};
  reg [25:1] o1_cfg;  // field 11 = 1 | wb << 1 | tb << 6 | rb << 11 | ls << 16 | ds << 21
  reg [23:0] o1_scale;
  reg signed [63:0] o1_reward;
  reg signed [31:0] o1_amount_q;
  reg [NW:0] o1_count_q;
  reg [SYW-1:0] la_e, lb_e;
  reg [O1WW-1:0] lb_w;
  reg [O1TW-1:0] lb_pre, lb_post, lb_elig;
  // What each synapse in online_o1_var's pipeline carries beside it (slot i: i + 1 clocks after
  // L2): valid, synapse, projection (for the dump), scale (for its delivered weight). Each
  // synapse carries its own, so the next projection's setup need not wait for the pipeline.
  localparam integer O1_LAT = 5;  // online_o1_var's LATENCY
  reg [O1_LAT-1:0] o1_v;
  reg [SYW-1:0] o1_e[0:O1_LAT-1];
  reg [PRJW-1:0] o1_k[0:O1_LAT-1];
  reg [23:0] o1_s[0:O1_LAT-1];
  // After the write of the learned state: the delivered weight's multiply (31 x 24 bits, both
  // operands registered, the product registered: a DSP48E1 with its registers) and, a clock
  // later, its clamp and the syn_weight write.
  reg o1_dv;
  reg [SYW-1:0] o1_de;
  reg [54:0] o1_product;
  wire o1_busy = la_valid || lb_valid || o1_v != {O1_LAT{1'b0}} || o1_dv;
  wire o1_pre = tap_hit;  // delay_ring's test of the source's word at t - d (d <= t)
  wire o1_post = hist_rd[slot];
  wire [O1WW-1:0] o1_w_next;
  wire [O1TW-1:0] o1_pre_next, o1_post_next, o1_elig_next;
  online_o1_var o1_update (
      .clk(clk),
      .wb(o1_cfg[5:1]),
      .tb(o1_cfg[10:6]),
      .rb(o1_cfg[15:11]),
      .ls(o1_cfg[20:16]),
      .ds(o1_cfg[25:21]),
      .weight(lb_w),
      .pre_trace(lb_pre),
      .post_trace(lb_post),
      .eligibility(lb_elig),
      .pre(o1_pre),
      .post(o1_post),
      .reward(o1_reward),
      .weight_next(o1_w_next),
      .pre_trace_next(o1_pre_next),
      .post_trace_next(o1_post_next),
      .eligibility_next(o1_elig_next)
  );
  wire [WMAX-1:0] o1_deliver = o1_product > {31'd0, O1_DELIVER_MAX} ? O1_DELIVER_MAX :
                               o1_product[WMAX-1:0];
  wire o1_write = ONLINE_O1 != 0 && o1_v[O1_LAT-1];
  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] l_src = {{(31 - NW) {1'b0}}, src_i};  // the learning pass's source, for its row
  /* verilator lint_on UNUSEDSIGNAL */
  // The reward of projection k at step t: amount (field 13) times the reward population's
  // (field 12) spike count of step t.
  // Registered at S_LPRJ, multiplied the clock after (R is first used at least 4 clocks later).
  wire signed [63:0] o1_amount = {{32{o1_amount_q[31]}}, o1_amount_q};
  wire signed [63:0] o1_count = {{(63 - NW) {1'b0}}, o1_count_q};
  // What the benches read (hierarchically, so the port list stays as it is): each updated
  // synapse of a step with dump_en, one clock each.
  /* verilator lint_off UNUSEDSIGNAL */
  reg o1_dump_valid;
  reg [PRJW-1:0] o1_dump_k;
  reg [SYW-1:0] o1_dump_e;
  reg [31:0] o1_dump_w, o1_dump_pre, o1_dump_post;
  reg signed [31:0] o1_dump_elig;
  /* verilator lint_on UNUSEDSIGNAL */

  // ---- read addresses and write enables (combinational) ---------------------------------
  always @* begin
    n_raddr = base + j_issue[NW-1:0];
    bank_raddr = base + j_issue[NW-1:0];
    v_we = 1'b0;
    refr_we = 1'b0;
    hist_we = 1'b0;
    v_wd = p5_v;
    refr_wd = p5_refr;
    v_waddr = p1_g;
    refr_waddr = p1_g;
    lv_waddr = p1_g;
    bank_we = {CHMAX{1'b0}};
    bank_waddr = p1_g;
    bank_wd = lane_i;
    lv_we = 1'b0;
    li_we = 1'b0;
    lv_wd = l_v_next[LVW-1:0];
    li_wd = l_i_next;
    list_we = 1'b0;
    list_waddr = {slot, base + spike_cnt[NW-1:0]};
    list_wd = p5_j;
    list_raddr = fan_list_raddr;
    row_raddr = row_base + l_src[ROWW-1:0];
    syn_raddr = e[SYW-1:0];
    gen_ptr_raddr = key_or_ptr[GPW-1:0] + gen_s[GPW-1:0];
    gen_idx_raddr = gen_cur[GIW-1:0];
    sc_raddr = sc_base + sc_c[SCW-1:0];
    sck_raddr = sc_k_addr[SKW-1:0];
    if (phase == S_PASS && p2_valid && is_loihi) begin  // the compartment's writes, at P2
      lv_we = 1'b1;
      li_we = 1'b1;
      refr_we = 1'b1;
      refr_wd = l_refr;
      lv_waddr = p2_g;
      bank_waddr = p2_g;  // the Loihi I memory's write address
      refr_waddr = p2_g;
    end
    if (phase == S_PASS && p1_valid) begin
      if (kind == K_GEN && gen_spike) gen_idx_raddr = gen_cur[GIW-1:0] + 1'b1;
    end
    // The channel decays are written at P2 (the lane registers each product before its shift).
    if (phase == S_PASS && p2_valid && kind == K_FIXED) begin
      bank_we = {CHMAX{1'b1}};
      bank_waddr = p2_g;
    end
    if (phase == S_PASS && p5_valid) begin
      hist_we = 1'b1;
      if (kind == K_FIXED) begin
        v_we = 1'b1;
        refr_we = 1'b1;
        v_waddr = p5_g;
        refr_waddr = p5_g;
      end
      if (p5_spk) list_we = 1'b1;
    end
    if (phase == S_GEN_B) gen_ptr_raddr = key_or_ptr[GPW-1:0] + gen_s[GPW-1:0] + 1'b1;
    if (phase == S_LROW) n_raddr = src_base + src_i[NW-1:0];
    if (phase == S_LEMIT || phase == S_LDRAIN) n_raddr = syn_target_rd;  // L1: the target's word
    sw_we = ONLINE_O1 != 0 && o1_dv;
    sw_waddr = o1_de;
    sw_wd = o1_deliver;
    o1w_we = o1_write;
    o1pre_we = o1_write;
    o1post_we = o1_write;
    o1elig_we = o1_write;
    o1_waddr = o1_e[O1_LAT-1];
    o1w_wd = o1_w_next;
    o1pre_wd = o1_pre_next;
    o1post_wd = o1_post_next;
    o1elig_wd = o1_elig_next;
    if (phase == S_FAN) begin
      n_raddr = fan_hist_raddr;
      row_raddr = fan_row_raddr;
      syn_raddr = fan_syn_raddr;
      bank_raddr = fan_cur_raddr;
      bank_waddr = fan_cur_waddr;
      bank_wd = {CHMAX{fan_cur_wd}};
      bank_we = fan_cur_we ? {{(CHMAX - 1) {1'b0}}, 1'b1} << bank : {CHMAX{1'b0}};
      li_wd = fan_li_wd;
      li_we = LOIHI != 0 && fan_li_we;
    end
    // The bus (only while idle, when none of the above is active).
    if (b_read) begin
      n_raddr = b_index[NW-1:0];
      bank_raddr = b_index[NW-1:0];
      list_raddr = b_index[DW+NW-1:0];
      row_raddr = b_index[ROWW-1:0];
      syn_raddr = b_index[SYW-1:0];
      gen_ptr_raddr = b_index[GPW-1:0];
      gen_idx_raddr = b_index[GIW-1:0];
      sc_raddr = b_index[SCW-1:0];
      sck_raddr = b_index[SKW-1:0];
    end
    if (b_write) begin
      v_waddr = b_index[NW-1:0];
      refr_waddr = b_index[NW-1:0];
      lv_waddr = b_index[NW-1:0];
      bank_waddr = b_index[NW-1:0];
      v_wd = bus_wdata[WMAX-1:0];
      refr_wd = bus_wdata[RW-1:0];
      lv_wd = bus_wdata[LVW-1:0];
      li_wd = bus_wdata;
      bank_wd = {CHMAX{bus_wdata[WMAX-1:0]}};
      v_we = b_region == R_V;
      refr_we = b_region == R_REFR;
      lv_we = LOIHI != 0 && b_region == R_LOIHI_V;
      li_we = LOIHI != 0 && b_region == R_LOIHI_I;
      bank_we = w_bank ? {{(CHMAX - 1) {1'b0}}, 1'b1} << b_bank : {CHMAX{1'b0}};
      sw_we = b_region == R_SYN_WEIGHT;
      sw_waddr = b_index[SYW-1:0];
      sw_wd = bus_wdata[WMAX-1:0];
      o1_waddr = b_index[SYW-1:0];
      o1w_wd = bus_wdata[O1WW-1:0];
      o1pre_wd = bus_wdata[O1TW-1:0];
      o1post_wd = bus_wdata[O1TW-1:0];
      o1elig_wd = bus_wdata[O1TW-1:0];
      o1w_we = ONLINE_O1 != 0 && b_region == R_SYN_INT_WEIGHT;
      o1pre_we = ONLINE_O1 != 0 && b_region == R_SYN_PRE;
      o1post_we = ONLINE_O1 != 0 && b_region == R_SYN_POST;
      o1elig_we = ONLINE_O1 != 0 && b_region == R_SYN_ELIG;
    end
  end

  // The bus's read data: the memory the read addressed last clock, sign-extended where signed.
  wire [3:0] r_bank = b_pending_region[3:0];  // R_BANK + k: bank k (k < CHMAX <= 16)
  wire [WMAX-1:0] r_bank_rd = bank_rd[r_bank*WMAX+:WMAX];
  always @* begin
    case (b_pending_region)
      R_V: bus_rdata = {{(32 - WMAX) {v_rd[WMAX-1]}}, v_rd};
      R_REFR: bus_rdata = {{(32 - RW) {1'b0}}, refr_rd};
      R_ROW_START: bus_rdata = {{(31 - SYW) {1'b0}}, row_start_rd};
      R_ROW_END: bus_rdata = {{(31 - SYW) {1'b0}}, row_end_rd};
      R_SYN_TARGET: bus_rdata = {{(32 - NW) {1'b0}}, syn_target_rd};
      R_SYN_WEIGHT: bus_rdata = {{(32 - WMAX) {syn_weight_rd[WMAX-1]}}, syn_weight_rd};
      R_SYN_DELAY: bus_rdata = {24'd0, syn_delay_rd};
      R_GEN_PTR: bus_rdata = {{(31 - GIW) {1'b0}}, gen_ptr_rd};
      R_GEN_IDX: bus_rdata = {{(32 - NW) {1'b0}}, gen_idx_rd};
      R_LOIHI_V: bus_rdata = {{(32 - LVW) {lv_rd[LVW-1]}}, lv_rd};
      R_LOIHI_I: bus_rdata = li_rd;
      R_SPIKE_LIST: bus_rdata = {{(32 - NW) {1'b0}}, list_rd};
      R_SYN_INT_WEIGHT: bus_rdata = {{(32 - O1WW) {1'b0}}, o1w_rd};
      R_SYN_PRE: bus_rdata = {{(32 - O1TW) {1'b0}}, o1pre_rd};
      R_SYN_POST: bus_rdata = {{(32 - O1TW) {1'b0}}, o1post_rd};
      R_SYN_ELIG: bus_rdata = {{(32 - O1TW) {o1elig_rd[O1TW-1]}}, o1elig_rd};
      R_SC_IN_KEY: bus_rdata = sc_ikey_rd;
      R_SC_W_KEY: bus_rdata = sc_wkey_rd;
      R_SC_IN_THR: bus_rdata = {7'd0, sc_ithr_rd};
      R_SC_W_THR: bus_rdata = {7'd0, sc_wthr_rd};
      R_SC_CURRENT: bus_rdata = {{(32 - WMAX) {sck_rd[WMAX-1]}}, sck_rd};
      default:
      bus_rdata = b_pending_region >= R_BANK ? {{(32 - WMAX) {r_bank_rd[WMAX-1]}}, r_bank_rd} : b_async;
    endcase
    if (BUS == 0) bus_rdata = 32'd0;  // no slave: nothing of the read path is built
  end

  // ---- the sequencer --------------------------------------------------------------------
  integer q;
  initial begin
    phase = S_IDLE;
    busy = 1'b0;
    done = 1'b0;
    step_done = 1'b0;
    spike_valid = 1'b0;
    dump_valid = 1'b0;
    cycles = 64'd0;
    pass_cycles = 64'd0;
    deliver_cycles = 64'd0;
    events = 64'd0;
    overflow = 1'b0;
    t = 32'd0;  // BUS = 1: the first start runs from step 0 (a later one goes on)
    ext_ptr = {(EXW + 1) {1'b0}};
    lpass = 1'b0;
    p1_valid = 1'b0;
    p2_valid = 1'b0;
    p3_valid = 1'b0;
    p4_valid = 1'b0;
    p5_valid = 1'b0;
    d1_valid = 1'b0;
    la_valid = 1'b0;
    lb_valid = 1'b0;
    o1_v = {O1_LAT{1'b0}};
    o1_dv = 1'b0;
    o1_dump_valid = 1'b0;
    sc_on = 1'b0;
    sc_q_valid = 1'b0;
    sc_wait = 3'd0;
    for (q = 0; q < POPMAX; q = q + 1) begin
      ext_reg[q] = 32'sd0;
      gen_phase[q] = 32'd0;
      sc_cur[q] = {WMAX{1'b0}};
    end
  end

  // In the Loihi pass (after delivery) S_POP..S_POP_END visit only Loihi populations; in the
  // neuron pass only the others.
  reg lpass;
  wire in_pass = (phase >= S_EXT && phase <= S_POP_END) || (phase >= S_SC && phase <= S_SC_CUR) ||
                 phase == S_POP_HASH;
  wire in_deliver = phase == S_PRJ || phase == S_FAN;

  always @(posedge clk) begin
    spike_valid <= 1'b0;
    step_done <= 1'b0;
    dump_valid <= 1'b0;
    if (busy && phase != S_DUMP_POP && phase != S_DUMP) cycles <= cycles + 1'b1;
    if (in_pass) pass_cycles <= pass_cycles + 1'b1;
    if (in_deliver) deliver_cycles <= deliver_cycles + 1'b1;

    if (fan_event) events <= events + 1'b1;

    // Learning stages L1 and L2 advance every clock.
    la_valid <= 1'b0;
    lb_valid <= la_valid;
    lb_e <= la_e;
    lb_delay <= syn_delay_rd;
    lb_w <= o1w_rd;
    lb_pre <= o1pre_rd;
    lb_post <= o1post_rd;
    lb_elig <= o1elig_rd;
    o1_v <= {o1_v[O1_LAT-2:0], ONLINE_O1 != 0 && lb_valid};
    o1_e[0] <= lb_e;
    o1_k[0] <= kk;
    o1_s[0] <= o1_scale;
    for (q = 1; q < O1_LAT; q = q + 1) begin
      o1_e[q] <= o1_e[q-1];
      o1_k[q] <= o1_k[q-1];
      o1_s[q] <= o1_s[q-1];
    end
    o1_dv <= o1_write;
    o1_de <= o1_e[O1_LAT-1];
    o1_product <= {24'd0, o1_w_next} * {31'd0, o1_s[O1_LAT-1]};
    o1_reward <= o1_amount * o1_count;
    o1_dump_valid <= o1_write && dump_en;
    o1_dump_k <= o1_k[O1_LAT-1];
    o1_dump_e <= o1_e[O1_LAT-1];
    o1_dump_w <= {{(32 - O1WW) {1'b0}}, o1_w_next};
    o1_dump_pre <= {{(32 - O1TW) {1'b0}}, o1_pre_next};
    o1_dump_post <= {{(32 - O1TW) {1'b0}}, o1_post_next};
    o1_dump_elig <= {{(32 - O1TW) {o1_elig_next[O1TW-1]}}, o1_elig_next};

    case (phase)
      S_IDLE:
      if (start) begin
        busy <= 1'b1;
        done <= 1'b0;
        phase <= n_steps == 32'd0 ? S_DONE : S_EXT;
        if (BUS != 0) begin
          steps_to_run <= t + n_steps;  // the step after the last one to run
        end else begin
          overflow <= 1'b0;
          t <= 32'd0;
          steps_to_run <= n_steps;
          ext_ptr <= {(EXW + 1) {1'b0}};
        end
      end else if (b_write && b_region == R_RUN_STATE) begin
        if (b_index[1:0] == 2'd0) t <= bus_wdata;
        if (b_index[1:0] == 2'd1) ext_ptr <= bus_wdata[EXW:0];
        if (b_index[1:0] == 2'd2) overflow <= bus_wdata[0];
      end else if (b_write && b_region == R_EXT_REG) begin
        ext_reg[b_index[POPW-1:0]] <= bus_wdata;
      end else if (b_write && b_region == R_GEN_PHASE) begin
        gen_phase[b_index[POPW-1:0]] <= bus_wdata;
      end

      S_EXT: begin
        // Stimulus events of step t, in image order (sorted by step).
        if ({{(31 - EXW) {1'b0}}, ext_ptr} < net_mem[2] &&
            ext_mem[{ext_ptr[EXW-1:0], 2'd0}] == t) begin
          ext_reg[ext_mem[{ext_ptr[EXW-1:0], 2'd1}][POPW-1:0]] <= ext_mem[{ext_ptr[EXW-1:0], 2'd2}];
          ext_ptr <= ext_ptr + 1'b1;
        end else begin
          p <= {(POPW + 1) {1'b0}};
          lpass <= 1'b0;
          phase <= S_POP;
        end
      end

      S_POP: begin
        if ({{(31 - POPW) {1'b0}}, p} == net_mem[0]) begin
          k <= {(PRJW + 1) {1'b0}};
          p <= {(POPW + 1) {1'b0}};
          if (!lpass) phase <= S_PRJ;
          else if (ONLINE_O1 != 0) phase <= S_LPRJ;  // step 5e after the Loihi pass
          else phase <= dump_en ? S_DUMP_POP : S_NEXT;
        end else if (LOIHI != 0 && (pop_mem[pf+0][1:0] == K_LOIHI) != lpass) begin
          p <= p + 1'b1;  // not this pass's kind
        end else begin
          kind <= pop_mem[pf+0][1:0];
          base <= pop_mem[pf+1][NW-1:0];
          size <= pop_mem[pf+2][NW:0];
          nch <= pop_mem[pf+3][4:0];
          s_shift <= pop_mem[pf+4][SHW-1:0];
          v_min <= pop_mem[pf+5][WMAX-1:0];
          v_max <= pop_mem[pf+6][WMAX-1:0];
          v_rest <= pop_mem[pf+7][WMAX-1:0];
          v_reset <= pop_mem[pf+8][WMAX-1:0];
          v_thr <= pop_mem[pf+9][WMAX-1:0];
          leak <= pop_mem[pf+10][SMAX:0];
          gain <= pop_mem[pf+11][SMAX+8:0];
          refr_steps <= pop_mem[pf+12][RW-1:0];
          key_or_ptr <= pop_mem[pf+13];
          thr_or_len <= pop_mem[pf+14];
          period <= pop_mem[pf+15];
          for (q = 0; q < CHMAX; q = q + 1)
            decays[q*(SMAX+1)+:(SMAX+1)] <= pop_mem[{{(27 - POPW) {1'b0}}, pf}+16+q][SMAX:0];
          gen_s <= pop_mem[pf+15] != 32'd0 ? gen_phase[pp] : t;
          sc_on <= SCCHMAX != 0 && pop_mem[pf+0][2];
          sc_base <= pop_mem[pf+13][SCW-1:0];
          sc_n <= pop_mem[pf+14][SCW:0];
          sc_tbase <= pop_mem[pf+16][SKW-1:0];
          sc_c <= {(SCW + 1) {1'b0}};
          spike_cnt <= {(NW + 1) {1'b0}};
          j_issue <= {(NW + 1) {1'b0}};
          p1_valid <= 1'b0;
          p2_valid <= 1'b0;
          p3_valid <= 1'b0;
          p4_valid <= 1'b0;
          p5_valid <= 1'b0;
          phase <= S_POP_KEY;
        end
      end

      S_POP_KEY: begin
        gen_to <= {(GIW + 1) {1'b0}};
        gen_cur <= {(GIW + 1) {1'b0}};
        // Generator: the step's entries are gen_ptr[s] .. gen_ptr[s + 1] when s + 1 < length.
        // Poisson: stepKey(key, t) is being hashed (key_mix's first half).
        phase <= sc_on ? S_SC : kind == K_GEN && gen_s + 32'd1 < thr_or_len ? S_GEN_A :
                 kind == K_POISSON ? S_POP_HASH : S_PASS;
      end
      S_POP_HASH: begin
        step_key <= key_hash;  // Poisson: stepKey(key, t), the hash's second half
        phase <= S_PASS;
      end
      S_SC: begin
        // Channel sc_c's words are read this clock and presented the next (sc_q_valid).
        // sc_lane counts a channel on the edge LATENCY (4) clocks after the one it is presented
        // on: the last (presented on the clock sc_c reaches sc_n, sc_wait 0) is in sc_count
        // from the clock after sc_wait 4, S_SC_TAB.
        sc_wait <= 3'd0;
        if (sc_c < sc_n) begin
          sc_c <= sc_c + 1'b1;
          sc_q_valid <= 1'b1;
        end else begin
          sc_q_valid <= 1'b0;
          sc_wait <= sc_wait + 1'b1;
          if (sc_wait == 3'd4) phase <= S_SC_TAB;
        end
      end
      S_SC_TAB: begin
        sc_wait <= 3'd0;
        phase <= S_SC_CUR;  // currentByCount[k] is being read
      end
      S_SC_CUR: begin
        sc_cur[pp] <= sck_rd;
        phase <= S_PASS;
      end
      S_GEN_A: phase <= S_GEN_B;  // gen_ptr[s] is being read
      S_GEN_B: begin
        gen_cur <= gen_ptr_rd;
        phase <= S_GEN_C;  // gen_ptr[s + 1] is being read
      end
      S_GEN_C: begin
        gen_to <= gen_ptr_rd;
        phase <= S_PASS;  // gen_idx[gen_cur] is being read
      end

      S_PASS: begin
        if (j_issue < size) begin
          p1_valid <= 1'b1;
          p1_j <= j_issue[NW-1:0];
          j_issue <= j_issue + 1'b1;
        end else begin
          p1_valid <= 1'b0;
        end
        p2_valid <= p1_valid;
        p2_j <= p1_j;
        p2_spk <= gen_spike;
        p3_valid <= p2_valid;
        p3_j <= p2_j;
        p3_spk <= is_loihi ? l_spike : p2_spike;
        p4_valid <= p3_valid;
        p4_j <= p3_j;
        p4_spk <= p3_spk;
        p5_valid <= p4_valid;
        p5_j <= p4_j;
        p5_spk <= p4_spike;
        p5_v <= lane_v;
        p5_refr <= lane_refr;
        if (p2_valid && is_loihi) begin
          if (l_over_i || l_over_v) overflow <= 1'b1;
          // The engine's probes: v after reset, I after the deliveries and before the decay.
          if (dump_en) begin
            dump_valid <= 1'b1;
            dump_step <= t;
            dump_pop <= pp;
            dump_index <= p2_j;
            dump_v <= l_v_next;
            dump_i <= l_i_q;
          end
        end
        if (p1_valid && kind == K_GEN && gen_spike) gen_cur <= gen_cur + 1'b1;
        if (p5_valid && p5_spk) begin
          spike_cnt <= spike_cnt + 1'b1;
          spike_valid <= 1'b1;
          spike_step <= t;
          spike_pop <= pp;
          spike_index <= p5_j;
        end
        if (!p1_valid && !p2_valid && !p3_valid && !p4_valid && !p5_valid && j_issue >= size)
          phase <= S_POP_END;
      end

      S_POP_END: begin
        cnt_mem[{slot, pp}] <= spike_cnt;
        if ((kind == K_GEN || sc_on) && period != 32'd0)
          gen_phase[pp] <= gen_phase[pp] + 32'd1 == period ? 32'd0 : gen_phase[pp] + 32'd1;
        p <= p + 1'b1;
        phase <= S_POP;
      end

      S_PRJ: begin
        if ({{(31 - PRJW) {1'b0}}, k} == net_mem[1]) begin
          p <= {(POPW + 1) {1'b0}};
          if (LOIHI != 0) begin
            lpass <= 1'b1;  // step 5c: the Loihi populations, after every delivery
            phase <= S_POP;
          end else if (ONLINE_O1 != 0) begin
            k <= {(PRJW + 1) {1'b0}};
            phase <= S_LPRJ;  // step 5e after every delivery
          end else begin
            phase <= dump_en ? S_DUMP_POP : S_NEXT;
          end
        end else begin
          // spike_fanout takes the projection's fields (fan_go) unless every synapse's
          // constant delay reaches before step 0.
          bank <= prj_mem[kf+3][3:0];
          if (fan_go) phase <= S_FAN;
          else k <= k + 1'b1;
        end
      end
      S_FAN:
      if (fan_done) begin
        k <= k + 1'b1;
        phase <= S_PRJ;
      end

      // The learning pass (reached only when ONLINE_O1 != 0; the guard lets synthesis drop its
      // registers from a core without learning).
      S_LPRJ, S_LROW, S_LROW_RD, S_LEMIT, S_LDRAIN:
      if (ONLINE_O1 != 0) begin
        case (phase)
          S_LPRJ: begin
            if ({{(31 - PRJW) {1'b0}}, k} == net_mem[1]) begin
              // The last synapses leave the pipeline before the step ends (t, the next delivery).
              if (!o1_busy) begin
                p <= {(POPW + 1) {1'b0}};
                phase <= dump_en ? S_DUMP_POP : S_NEXT;
              end
            end else if (!prj_mem[kf+11][0]) begin
              k <= k + 1'b1;  // this projection does not learn
            end else begin
              src_base <= prj_mem[kf+1][NW-1:0];
              n_src <= prj_mem[kf+2][NW:0];
              row_base <= prj_mem[kf+6][ROWW-1:0];
              o1_cfg <= prj_mem[kf+11][25:1];
              o1_scale <= prj_mem[kf+14][23:0];
              o1_amount_q <= prj_mem[kf+13];
              o1_count_q <= cnt_mem[{slot, prj_mem[kf+12][POPW-1:0]}];
              src_i <= {(NW + 1) {1'b0}};
              phase <= S_LROW;
            end
          end
          S_LROW: begin
            // The source's row pointers and history word are being read (see the reads above).
            if (src_i == n_src) begin
              k <= k + 1'b1;
              phase <= S_LPRJ;
            end else begin
              phase <= S_LROW_RD;
            end
          end
          S_LROW_RD: begin
            word <= hist_rd;
            e <= row_start_rd;
            e_end <= row_end_rd;
            src_i <= src_i + 1'b1;
            phase <= row_start_rd == row_end_rd ? S_LROW : S_LEMIT;
          end
          S_LEMIT: begin
            la_valid <= 1'b1;  // synapse e is being read
            la_e <= e[SYW-1:0];
            e <= e + 1'b1;
            if (e + 1'b1 == e_end) phase <= S_LDRAIN;
          end
          // The row's last synapse is in L1 (its target's history word is being read); the next
          // row's reads need the history port from the next clock, when that synapse's L2 has
          // the word and online_o1_var takes it.
          S_LDRAIN: phase <= S_LROW;
          default: ;
        endcase
      end
      S_DUMP_POP: begin
        if ({{(31 - POPW) {1'b0}}, p} == net_mem[0]) begin
          phase <= S_NEXT;
        end else if (pop_mem[pf+0][1:0] != K_FIXED) begin
          p <= p + 1'b1;
        end else begin
          base <= pop_mem[pf+1][NW-1:0];
          size <= pop_mem[pf+2][NW:0];
          nch <= pop_mem[pf+3][4:0];
          sc_on <= SCCHMAX != 0 && pop_mem[pf+0][2];
          j_issue <= {(NW + 1) {1'b0}};
          d1_valid <= 1'b0;
          phase <= S_DUMP;
        end
      end
      S_DUMP: begin
        if (j_issue < size) begin
          d1_valid <= 1'b1;
          p1_j <= j_issue[NW-1:0];
          j_issue <= j_issue + 1'b1;
        end else begin
          d1_valid <= 1'b0;
        end
        if (d1_valid) begin
          dump_valid <= 1'b1;
          dump_step <= t;
          dump_pop <= pp;
          dump_index <= p1_j;
          dump_v <= {{(32 - WMAX) {v_rd[WMAX-1]}}, v_rd};
          dump_i <= sc_on ? sc_ext : lane_i_sum;  // an SC layer's i: currentByCount[k]
        end
        if (!d1_valid && j_issue >= size) begin
          p <= p + 1'b1;
          phase <= S_DUMP_POP;
        end
      end

      S_NEXT: begin
        step_done <= 1'b1;
        t <= t + 32'd1;
        phase <= t + 32'd1 == steps_to_run ? S_DONE : S_EXT;
      end
      S_DONE: begin
        busy <= 1'b0;
        done <= 1'b1;
        phase <= S_IDLE;
      end
      default: phase <= S_IDLE;
    endcase
  end
endmodule

`default_nettype wire
