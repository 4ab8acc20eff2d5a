// tb_core: the co-simulation bench of spikelab_core (tests/hdl/core-cosim.test.ts). One build
// at fixed capacities serves every network: the images come from `+images=DIR/` (an export
// made at these capacities), the step count from `+steps=N`. It writes `+spikes=FILE`
// (step,population,index with the population's index) and, with `+state=FILE`, v and i of
// every fixed-point and Loihi neuron after each step (in the core's order: within a step the
// Loihi populations come first); `+vcd=FILE` dumps the waves. The core presents a step's
// Loihi spikes after the others' (its Loihi pass follows delivery), so the bench buffers one
// step and writes it in population order, as the engine reports it. `overflow` is printed at the
// end. The capacities are parameters so that a test can build it for its own networks.
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
    parameter integer LOIHI   = 1
);
  localparam integer POPW = $clog2(POPMAX);
  localparam integer NW = $clog2(NMAX);

  reg clk = 1'b0;
  always #5 clk = ~clk;

  reg start = 1'b0;
  reg dump_en = 1'b0;
  reg [31:0] steps = 32'd0;
  wire busy, done, spike_valid, dump_valid;
  wire [31:0] spike_step, dump_step;
  wire [POPW-1:0] spike_pop, dump_pop;
  wire [NW-1:0] spike_index, dump_index;
  wire signed [31:0] dump_v;
  wire signed [31:0] dump_i;
  wire [63:0] cycles, pass_cycles, deliver_cycles, events;
  wire overflow;

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
      .IMAGES("./")
  ) core (
      .clk(clk),
      .start(start),
      .n_steps(steps),
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
      .overflow(overflow)
  );

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
  reg [8*512-1:0] path;
  initial begin
    if (!$value$plusargs("steps=%d", steps)) $fatal(1, "tb_core: give +steps=N");
    if (!$value$plusargs("spikes=%s", path)) $fatal(1, "tb_core: give +spikes=FILE");
    spikes_file = $fopen(path, "w");
    if ($value$plusargs("state=%s", path)) begin
      dump_en = 1'b1;
      state_file = $fopen(path, "w");
    end
    if ($value$plusargs("vcd=%s", path)) begin
      $dumpfile(path);
      $dumpvars(0, tb_core);
    end
    // Inputs change on the falling edge, away from the core's rising edge.
    @(negedge clk);
    start = 1'b1;
    @(negedge clk);
    start = 1'b0;
    wait (done);
    flush;
    $fclose(spikes_file);
    if (dump_en) $fclose(state_file);
    $display("cycles %0d pass %0d deliver %0d events %0d overflow %0d", cycles, pass_cycles,
             deliver_cycles, events, overflow);
    $finish;
  end

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
  end
endmodule

`default_nettype wire
