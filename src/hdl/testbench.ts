/**
 * `tb_top.v`, the exported design's self-contained testbench: it instantiates the core at the
 * network's capacity, runs the document's `totalSteps`, writes `spikes.csv` (`step,population,
 * index`, the populations that the document's spike probes record, as `spikelab run` writes
 * them) and, with `+state=FILE`, every fixed-point and Loihi neuron's v and i after each step;
 * `+vcd` writes `tb_top.vcd`. It prints the clocks per step and the synaptic events at the end.
 * The core presents a step's Loihi spikes after the others' (its Loihi pass follows delivery),
 * so the bench holds one step's spikes and writes them in population order. A Loihi value that
 * reaches 2^24 (the core's `overflow`, where the engine stops) ends the run with an error.
 */
import type { CoreCapacity } from './core-capacity.ts';
import { clog2 } from './core-capacity.ts';

export interface TestbenchInput {
  header: string;
  capacity: CoreCapacity;
  totalSteps: number;
  /** Population ids in document order. */
  populationIds: readonly string[];
  /** Which populations' spikes go to spikes.csv. */
  recorded: readonly boolean[];
}

/** A CSV field as `buildSpikeCsv` writes it (RFC 4180 quoting), as a Verilog string literal. */
function verilogCsvLiteral(id: string): string {
  const field = /[",\n\r]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
  const bytes = new TextEncoder().encode(field);
  let out = '';
  for (const b of bytes) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `"${out}"`;
}

/** The text of tb_top.v. */
export function testbenchVerilog(input: TestbenchInput): string {
  const { capacity: c, populationIds, recorded } = input;
  const popw = clog2(c.POPMAX);
  const nameBytes = Math.max(
    1,
    ...populationIds.map((id) => new TextEncoder().encode(id).length * 2 + 2),
  );
  const params = (Object.keys(c) as (keyof CoreCapacity)[])
    .map((k) => `      .${k}(${c[k]}),`)
    .join('\n');
  const names = populationIds
    .map((id, i) => `      ${popw}'d${i}: pop_name = ${verilogCsvLiteral(id)};`)
    .join('\n');
  const rec = recorded.map((r, i) => `      ${popw}'d${i}: recorded = 1'b${r ? 1 : 0};`).join('\n');
  // A learning core (ONLINE_O1 = 1) also dumps its synapses: text only such an export has, so
  // every other tb_top.v stays as it was.
  const learns = c.ONLINE_O1 === 1;
  const synOpen = learns
    ? `    // +synapses=FILE (with +state): every learning synapse after each step's learning pass.
    if ($value$plusargs("synapses=%s", syn_path)) begin
      syn_file = $fopen(syn_path, "w");
      $fwrite(syn_file, "step,projection,synapse,w,pre,post,elig\\n");
    end
`
    : '';
  const synDecl = learns ? '  integer syn_file = 0;\n  reg [8*512-1:0] syn_path;\n' : '';
  const synClose = learns ? '    if (syn_file != 0) $fclose(syn_file);\n' : '';
  const synWrite = learns
    ? `    // The core's delivered-projection index and global synapse index (its o1_dump_* registers).
    if (core.o1_dump_valid && syn_file != 0)
      $fwrite(syn_file, "%0d,%0d,%0d,%0d,%0d,%0d,%0d\\n", core.t, core.o1_dump_k, core.o1_dump_e,
              core.o1_dump_w, core.o1_dump_pre, core.o1_dump_post, core.o1_dump_elig);
`
    : '';
  return `${input.header}// The testbench of this export: \`iverilog -g2012 -o sim *.v && vvp sim\` writes spikes.csv.
// Plusargs: +state=FILE (v and i of every fixed-point and Loihi neuron after each step; within a
// step the Loihi populations come first), +vcd (tb_top.vcd).
\`default_nettype none
\`timescale 1ns / 1ps

module tb_top;
  localparam integer TOTAL_STEPS = ${input.totalSteps};
  localparam integer POPW = ${popw};
  localparam integer NW = ${clog2(c.NMAX)};

  reg clk = 1'b0;
  /* verilator lint_off BLKSEQ */
  always #5 clk = ~clk;  // 100 MHz
  /* verilator lint_on BLKSEQ */

  reg start = 1'b0;
  reg dump_en = 1'b0;
  wire busy, done, spike_valid, dump_valid;
  wire [31:0] spike_step, dump_step;
  wire [POPW-1:0] spike_pop, dump_pop;
  wire [NW-1:0] spike_index, dump_index;
  wire signed [31:0] dump_v;
  wire signed [31:0] dump_i;
  wire [63:0] cycles, pass_cycles, deliver_cycles, events;
  wire overflow;

  /* verilator lint_off PINCONNECTEMPTY */  // the bus's outputs are unused
  spikelab_core #(
${params}
      .IMAGES("./")
  ) core (
      .clk(clk),
      .start(start),
      .n_steps(TOTAL_STEPS),
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
      .step_done(),
      // The bus slave is off (BUS = 0): the images come from $readmemh.
      .bus_addr(32'd0),
      .bus_wdata(32'd0),
      .bus_we(1'b0),
      .bus_re(1'b0),
      .bus_rdata(),
      .bus_ready()
  );
  /* verilator lint_on PINCONNECTEMPTY */

  // Population ids as spikes.csv writes them (quoted where CSV needs it).
  function [8*${nameBytes}-1:0] pop_name(input [POPW-1:0] p);
    case (p)
${names}
      default: pop_name = "?";
    endcase
  endfunction

  // Populations with a spikes probe: the spikes \`spikelab run\` reports.
  function recorded(input [POPW-1:0] p);
    case (p)
${rec}
      default: recorded = 1'b0;
    endcase
  endfunction

  integer spikes_file;
  integer state_file;
  reg [8*512-1:0] state_path;
${synDecl}  initial begin
    spikes_file = $fopen("spikes.csv", "w");
    $fwrite(spikes_file, "step,population,index\\n");
    if ($value$plusargs("state=%s", state_path)) begin
      dump_en = 1'b1;
      state_file = $fopen(state_path, "w");
      $fwrite(state_file, "step,population,index,v,i\\n");
    end
${synOpen}    if ($test$plusargs("vcd")) begin
      $dumpfile("tb_top.vcd");
      $dumpvars(0, tb_top);
    end
    // Inputs change on the falling edge, away from the core's rising edge.
    @(negedge clk);
    start = 1'b1;
    @(negedge clk);
    start = 1'b0;
    wait (done);
    if (busy) $fatal(1, "tb_top: the core reports done while busy");
    flush_spikes;
    $fclose(spikes_file);
    if (dump_en) $fclose(state_file);
${synClose}    $display("spikelab: %0d steps, %0d clocks (%0d neuron pass, %0d delivery), %0d synaptic events",
             TOTAL_STEPS, cycles, pass_cycles, deliver_cycles, events);
    if (overflow)
      $fatal(1, "tb_top: overflow: a Loihi neuron's |I| or |v| reached 2^24, where the engine stops with NumericalError; the spikes from that step on are not the engine's");
    $finish;
  end

  // One step's recorded spikes, written in population order at the next step's first spike or
  // at the end (the core presents Loihi populations after the others).
  reg [31:0] held_step = 32'd0;
  reg [POPW-1:0] held_pop[0:(1 << NW)-1];
  reg [NW-1:0] held_index[0:(1 << NW)-1];
  integer held = 0;
  integer hp, hk;
  /* verilator lint_off BLKSEQ */  // the task and the writer run in one clocked process
  task flush_spikes;
    begin
      for (hp = 0; hp < (1 << POPW); hp = hp + 1)
        for (hk = 0; hk < held; hk = hk + 1)
          if (held_pop[hk] == hp[POPW-1:0])
            $fwrite(spikes_file, "%0d,%0s,%0d\\n", held_step, pop_name(held_pop[hk]),
                    held_index[hk]);
      held = 0;
    end
  endtask

  always @(posedge clk) begin
    if (spike_valid && recorded(spike_pop)) begin
      if (held > 0 && spike_step != held_step) flush_spikes;
      held_step = spike_step;
      held_pop[held] = spike_pop;
      held_index[held] = spike_index;
      held = held + 1;
    end
    if (dump_valid)
      $fwrite(state_file, "%0d,%0s,%0d,%0d,%0d\\n", dump_step, pop_name(dump_pop), dump_index,
              dump_v, dump_i);
${synWrite}  end
  /* verilator lint_on BLKSEQ */
endmodule

\`default_nettype wire
`;
}
