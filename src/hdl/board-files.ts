/**
 * The Vivado side of an export, for users who have Vivado (nothing here runs it): a board top
 * for the PYNQ-Z2 (xc7z020clg400-1; 125 MHz clock on H16), its constraints, and a non-project
 * Tcl script that synthesises, places, routes and writes `spikelab.bit`. Button 0 starts a run
 * of the document's steps; LED 0 is busy, LED 1 done, LED 2 toggles on every spike, LED 3 is
 * on once a synaptic event has been delivered.
 */
import type { CoreCapacity } from './core-capacity.ts';

/** The RTL files of the core (hdl/), in the order a tool reads them. */
export const CORE_RTL_FILES = [
  'mix32.v',
  'fxp_lif_var.v',
  'neuron_lane.v',
  'loihi_compartment.v',
  'spikelab_core.v',
] as const;

/** vivado/spikelab_board.v */
export function boardVerilog(header: string, capacity: CoreCapacity, totalSteps: number): string {
  const params = (Object.keys(capacity) as (keyof CoreCapacity)[])
    .map((k) => `      .${k}(${capacity[k]}),`)
    .join('\n');
  return `${header}// PYNQ-Z2 top: btn[0] starts a run of ${totalSteps} steps; led[0] busy, led[1] done,
// led[2] toggles on each spike, led[3] on once a synaptic event was delivered. The images are
// read from the directory Vivado runs in (build.tcl changes to the export's directory).
\`default_nettype none
\`timescale 1ns / 1ps

module spikelab_board (
    input  wire       sysclk,
    input  wire [1:0] btn,
    output wire [3:0] led
);
  // Two flip-flops bring the button into the clock domain; its rising edge starts a run.
  reg [2:0] btn_sync = 3'b000;
  always @(posedge sysclk) btn_sync <= {btn_sync[1:0], btn[0]};
  wire start = btn_sync[1] && !btn_sync[2];

  wire busy, done, spike_valid, dump_valid;
  wire [63:0] events;
  reg spike_toggle = 1'b0;
  always @(posedge sysclk) if (spike_valid) spike_toggle <= !spike_toggle;

  /* verilator lint_off PINCONNECTEMPTY */
  spikelab_core #(
${params}
      .IMAGES("./")
  ) core (
      .clk(sysclk),
      .start(start),
      .n_steps(32'd${totalSteps}),
      .dump_en(1'b0),
      .busy(busy),
      .done(done),
      .spike_valid(spike_valid),
      .spike_step(),
      .spike_pop(),
      .spike_index(),
      .dump_valid(dump_valid),
      .dump_step(),
      .dump_pop(),
      .dump_index(),
      .dump_v(),
      .dump_i(),
      .cycles(),
      .pass_cycles(),
      .deliver_cycles(),
      .events(events),
      .overflow(),
      .step_done(),
      // The bus slave is off (BUS = 0): the images are in the bitstream.
      .bus_addr(32'd0),
      .bus_wdata(32'd0),
      .bus_we(1'b0),
      .bus_re(1'b0),
      .bus_rdata(),
      .bus_ready()
  );
  /* verilator lint_on PINCONNECTEMPTY */

  assign led = {events != 64'd0, spike_toggle, done, busy};
  wire unused = btn[1] ^ dump_valid;
endmodule

\`default_nettype wire
`;
}

/** vivado/pynq_z2.xdc: the pins of the PYNQ-Z2 master constraints for the clock, btn and led. */
export function boardConstraints(header: string): string {
  return `${header}# PYNQ-Z2 (xc7z020clg400-1): pins as the board's master constraints file lists them.
set_property -dict { PACKAGE_PIN H16 IOSTANDARD LVCMOS33 } [get_ports { sysclk }]
create_clock -add -name sys_clk_pin -period 8.00 -waveform {0 4} [get_ports { sysclk }]
set_property -dict { PACKAGE_PIN D19 IOSTANDARD LVCMOS33 } [get_ports { btn[0] }]
set_property -dict { PACKAGE_PIN D20 IOSTANDARD LVCMOS33 } [get_ports { btn[1] }]
set_property -dict { PACKAGE_PIN R14 IOSTANDARD LVCMOS33 } [get_ports { led[0] }]
set_property -dict { PACKAGE_PIN P14 IOSTANDARD LVCMOS33 } [get_ports { led[1] }]
set_property -dict { PACKAGE_PIN N16 IOSTANDARD LVCMOS33 } [get_ports { led[2] }]
set_property -dict { PACKAGE_PIN M14 IOSTANDARD LVCMOS33 } [get_ports { led[3] }]
`;
}

/** vivado/build.tcl: `vivado -mode batch -source vivado/build.tcl` from the export's directory. */
export function buildTcl(header: string): string {
  const sources = CORE_RTL_FILES.map((f) => `  ${f} \\`).join('\n');
  return `${header}# Non-project flow for the PYNQ-Z2: vivado -mode batch -source vivado/build.tcl
set here [file dirname [file normalize [info script]]]
# The core reads its $readmemh images from the working directory: the export's directory.
cd [file dirname $here]
read_verilog [list \\
${sources}
  vivado/spikelab_board.v \\
]
read_xdc vivado/pynq_z2.xdc
synth_design -top spikelab_board -part xc7z020clg400-1
opt_design
place_design
route_design
report_utilization -file vivado/utilization.rpt
report_timing_summary -file vivado/timing.rpt
write_bitstream -force vivado/spikelab.bit
`;
}
