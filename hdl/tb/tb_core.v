// tb_core: the co-simulation bench of spikelab_core (tests/hdl/core-cosim.test.ts). One build
// at fixed capacities serves every network: the images come from `+images=DIR/` (an export
// made at these capacities), the step count from `+steps=N`. It writes `+spikes=FILE`
// (step,population,index with the population's index) and, with `+state=FILE`, v and i of
// every fixed-point and Loihi neuron after each step (in the core's order: within a step the
// Loihi populations come first); `+vcd=FILE` dumps the waves. The core presents a step's
// Loihi spikes after the others' (its Loihi pass follows delivery), so the bench buffers one
// step and writes it in population order, as the engine reports it. `overflow` is printed at the
// end. The capacities are parameters so that a test can build it for its own networks.
//
// The bus (tests/hdl/core-bus.test.ts): `+writes=FILE` (lines `ADDRESS DATA` in hex, the list
// coreLoadWrites makes from src/hdl/core-memory-map.ts) is written through the core's bus slave
// before the run, as host_bridge would (each access held until bus_ready); with `+noimages` the
// core starts with empty memories, so the run depends on the bus alone. `+readback=FILE` reads
// every written address back and writes `ADDRESS DATA` lines; `+spikelist=FILE` reads, after
// the run, the last step's spike counts and spike-list entries over the bus (`POP INDEX` lines).
// `+busyread` holds a read of address 0 during the whole run: the core must not answer it
// while busy (the bench stops with an error if bus_ready rises then).
// `+chunk=K` (BUS = 1) runs the steps as a host does in chunks: `start` for K steps, then, after
// checking over the bus that run_state's t is K, `start` for the rest, which the core runs on
// from step K. `+capacity=FILE` writes the 16 words of the `capacity` region, one per line.
`default_nettype none
`timescale 1ns / 1ps

module tb_core #(
    parameter integer NMAX    = 256,
    parameter integer POPMAX  = 8,
    parameter integer PRJMAX  = 16,
    parameter integer CHMAX   = 8,
    parameter integer DMAX    = 8,
    parameter integer SYNMAX  = 8192,
    parameter integer ROWMAX  = 512,
    parameter integer GPTRMAX = 512,
    parameter integer GIDXMAX = 512,
    parameter integer EXTMAX  = 64,
    parameter integer LOIHI   = 1,
    parameter integer BUS     = 1,
    parameter integer ONLINE_O1 = 0,
    parameter integer SCCHMAX = 0,
    parameter integer SCKMAX  = 2
);
  localparam integer POPW = $clog2(POPMAX);
  localparam integer NW = $clog2(NMAX);

  reg clk = 1'b0;
  always #5 clk = ~clk;

  reg start = 1'b0;
  reg dump_en = 1'b0;
  reg [31:0] steps = 32'd0;  // in all
  reg [31:0] n_run = 32'd0;  // this start's
  wire busy, done, spike_valid, dump_valid;
  wire [31:0] spike_step, dump_step;
  wire [POPW-1:0] spike_pop, dump_pop;
  wire [NW-1:0] spike_index, dump_index;
  wire signed [31:0] dump_v;
  wire signed [31:0] dump_i;
  wire [63:0] cycles, pass_cycles, deliver_cycles, events;
  wire overflow;
  wire step_done;
  integer steps_done = 0;  // step_done pulses: one per step, checked at the end
  always @(posedge clk) if (step_done) steps_done = steps_done + 1;
  reg [31:0] bus_addr = 32'd0;
  reg [31:0] bus_wdata = 32'd0;
  reg bus_we = 1'b0;
  reg bus_re = 1'b0;
  wire [31:0] bus_rdata;
  wire bus_ready;
  reg [8*512-1:0] path;

  spikelab_core #(
      .NMAX(NMAX),
      .POPMAX(POPMAX),
      .PRJMAX(PRJMAX),
      .CHMAX(CHMAX),
      .DMAX(DMAX),
      .SYNMAX(SYNMAX),
      .ROWMAX(ROWMAX),
      .GPTRMAX(GPTRMAX),
      .GIDXMAX(GIDXMAX),
      .EXTMAX(EXTMAX),
      .LOIHI(LOIHI),
      .BUS(BUS),
      .ONLINE_O1(ONLINE_O1),
      .SCCHMAX(SCCHMAX),
      .SCKMAX(SCKMAX),
      .IMAGES("./")
  ) core (
      .clk(clk),
      .start(start),
      .n_steps(n_run),
      .dump_en(dump_en),
      .busy(busy),
      .done(done),
      .spike_valid(spike_valid),
      .spike_step(spike_step),
      .spike_pop(spike_pop),
      .spike_index(spike_index),
      .dump_valid(dump_valid),
      .dump_step(dump_step),
      .dump_pop(dump_pop),
      .dump_index(dump_index),
      .dump_v(dump_v),
      .dump_i(dump_i),
      .cycles(cycles),
      .pass_cycles(pass_cycles),
      .deliver_cycles(deliver_cycles),
      .events(events),
      .overflow(overflow),
      .step_done(step_done),
      .bus_addr(bus_addr),
      .bus_wdata(bus_wdata),
      .bus_we(bus_we),
      .bus_re(bus_re),
      .bus_rdata(bus_rdata),
      .bus_ready(bus_ready)
  );

  // One bus access, as host_bridge makes it: raised after a falling edge, held until a rising
  // edge with bus_ready (a core that never answers stops the bench).
  integer waited;
  task access(input write, input [31:0] address, input [31:0] data, output [31:0] rdata);
    begin
      @(negedge clk);
      bus_addr = address;
      bus_wdata = data;
      bus_we = write;
      bus_re = !write;
      waited = 0;
      @(posedge clk);
      while (!bus_ready) begin
        waited = waited + 1;
        if (waited > 16) $fatal(1, "tb_core: no bus_ready for address %h", address);
        @(posedge clk);
      end
      rdata = bus_rdata;
      #1;
      bus_we = 1'b0;
      bus_re = 1'b0;
    end
  endtask

  // The writes of +writes=FILE (then, with +readback=FILE, every address read back).
  integer writes_file, back_file, got;
  reg [31:0] w_addr, w_data, r_data;
  task load;
    begin
      if ($value$plusargs("writes=%s", path)) begin
        writes_file = $fopen(path, "r");
        if (writes_file == 0) $fatal(1, "tb_core: cannot open the +writes file");
        got = $fscanf(writes_file, "%h %h\n", w_addr, w_data);
        while (got == 2) begin
          access(1'b1, w_addr, w_data, r_data);
          got = $fscanf(writes_file, "%h %h\n", w_addr, w_data);
        end
        if ($value$plusargs("readback=%s", path)) begin
          back_file = $fopen(path, "w");
          got = $fseek(writes_file, 0, 0);
          got = $fscanf(writes_file, "%h %h\n", w_addr, w_data);
          while (got == 2) begin
            access(1'b0, w_addr, 32'd0, r_data);
            $fwrite(back_file, "%h %h\n", w_addr, r_data);
            got = $fscanf(writes_file, "%h %h\n", w_addr, w_data);
          end
          $fclose(back_file);
        end
        $fclose(writes_file);
      end
    end
  endtask

  // +spikelist=FILE: the last step's spikes read over the bus, population by population
  // (pop.hex fields 1 and 2: base and size; count at slot * POPMAX + p, entries at
  // slot * NMAX + base + k).
  localparam [31:0] R_POP = 32'h0100_0000, R_COUNT = 32'h1100_0000, R_LIST = 32'h1200_0000;
  localparam [31:0] R_CAPACITY = 32'h1300_0000, R_RUN_STATE = 32'h1400_0000;
  integer list_file, lp, lk;
  reg [31:0] n_pops, l_base, l_count, l_entry, l_slot;
  task read_spikes;
    begin
      if ($value$plusargs("spikelist=%s", path)) begin
        list_file = $fopen(path, "w");
        l_slot = (steps - 1) % DMAX;
        access(1'b0, 32'd0, 32'd0, n_pops);
        for (lp = 0; lp < n_pops; lp = lp + 1) begin
          access(1'b0, R_POP + lp * 32 + 1, 32'd0, l_base);
          access(1'b0, R_COUNT + l_slot * POPMAX + lp, 32'd0, l_count);
          for (lk = 0; lk < l_count; lk = lk + 1) begin
            access(1'b0, R_LIST + l_slot * NMAX + l_base + lk, 32'd0, l_entry);
            $fwrite(list_file, "%0d %0d\n", lp, l_entry);
          end
        end
        $fclose(list_file);
      end
    end
  endtask

  // One step's spikes, written in population order when the next step's first spike or the
  // end arrives.
  reg [31:0] held_step = 32'd0;
  reg [POPW-1:0] held_pop[0:NMAX-1];
  reg [NW-1:0] held_index[0:NMAX-1];
  integer held = 0;
  integer hp, hk;
  task flush;
    begin
      for (hp = 0; hp < POPMAX; hp = hp + 1)
        for (hk = 0; hk < held; hk = hk + 1)
          if (held_pop[hk] == hp[POPW-1:0])
            $fwrite(spikes_file, "%0d,%0d,%0d\n", held_step, held_pop[hk], held_index[hk]);
      held = 0;
    end
  endtask

  integer spikes_file;
  integer state_file;
  integer syn_file = 0;
  integer cap_file, ci;
  reg [31:0] chunk;

  // One `start` for `n` steps, waited out (inputs change on the falling edge, away from the
  // core's rising edge).
  task run_steps(input [31:0] n);
    begin
      @(negedge clk);
      start = 1'b1;
      n_run = n;
      if ($test$plusargs("busyread")) begin
        bus_addr = 32'd0;
        bus_re = 1'b1;
      end
      @(negedge clk);
      start = 1'b0;
      wait (done);
      bus_re = 1'b0;
    end
  endtask
  initial begin
    if (!$value$plusargs("steps=%d", steps)) $fatal(1, "tb_core: give +steps=N");
    if (!$value$plusargs("spikes=%s", path)) $fatal(1, "tb_core: give +spikes=FILE");
    spikes_file = $fopen(path, "w");
    if ($value$plusargs("state=%s", path)) begin
      dump_en = 1'b1;
      state_file = $fopen(path, "w");
    end
    // +synapses=FILE (with +state): every learning synapse after each step's learning pass, as
    // `step,projection,synapse,w,pre,post,elig` (the core's delivered-projection index and its
    // global synapse index; read from the core's o1_dump_* registers).
    if ($value$plusargs("synapses=%s", path)) syn_file = $fopen(path, "w");
    if ($value$plusargs("vcd=%s", path)) begin
      $dumpfile(path);
      $dumpvars(0, tb_core);
    end
    load;
    if ($value$plusargs("capacity=%s", path)) begin
      cap_file = $fopen(path, "w");
      for (ci = 0; ci < 16; ci = ci + 1) begin
        access(1'b0, R_CAPACITY + ci, 32'd0, r_data);
        $fwrite(cap_file, "%0d\n", r_data);
      end
      $fclose(cap_file);
    end
    if (!$value$plusargs("chunk=%d", chunk) || chunk >= steps) chunk = steps;
    run_steps(chunk);
    if (chunk < steps) begin
      access(1'b0, R_RUN_STATE, 32'd0, r_data);
      if (r_data != chunk) $fatal(1, "tb_core: run_state t is %0d after a chunk of %0d", r_data, chunk);
      run_steps(steps - chunk);
    end
    if (steps_done != steps) $fatal(1, "tb_core: %0d step_done pulses for %0d steps", steps_done, steps);
    flush;
    read_spikes;
    $fclose(spikes_file);
    if (dump_en) $fclose(state_file);
    if (syn_file != 0) $fclose(syn_file);
    $display("cycles %0d pass %0d deliver %0d events %0d overflow %0d", cycles, pass_cycles,
             deliver_cycles, events, overflow);
    $finish;
  end

  always @(posedge clk) if (busy && bus_ready) $fatal(1, "tb_core: the bus was answered while busy");

  always @(posedge clk) begin
    if (spike_valid) begin
      if (held > 0 && spike_step != held_step) flush;
      held_step = spike_step;
      held_pop[held] = spike_pop;
      held_index[held] = spike_index;
      held = held + 1;
    end
    if (dump_valid)
      $fwrite(state_file, "%0d,%0d,%0d,%0d,%0d\n", dump_step, dump_pop, dump_index, dump_v, dump_i);
    if (core.o1_dump_valid && syn_file != 0)
      $fwrite(syn_file, "%0d,%0d,%0d,%0d,%0d,%0d,%0d\n", core.t, core.o1_dump_k, core.o1_dump_e,
              core.o1_dump_w, core.o1_dump_pre, core.o1_dump_post, core.o1_dump_elig);
  end
endmodule

`default_nettype wire
