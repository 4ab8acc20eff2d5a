/**
 * The Vivado side of an export, for users who have Vivado (nothing here runs it): a board top
 * for the PYNQ-Z2 (xc7z020clg400-1; 125 MHz clock on H16, a PLL makes the core's
 * `BOARD_CLOCK`), its constraints, and a non-project
 * Tcl script that synthesises, places, routes and writes `spikelab.bit` with the Spikelab
 * USERCODE. The top is the board build of issue 9: `host_bridge` on JTAG USER1 (through
 * BSCANE2) and a `BUS = 1` core, so a host loads and runs any network that fits its capacities
 * (`boardBuildCapacity`). The exported network's images are in the bitstream too: button 0
 * starts a run of the document's steps; LED 0 is busy, LED 1 done, LED 2 toggles on every
 * spike, LED 3 is on once a synaptic event has been delivered. Button 1 resets the bridge.
 */
import { BOARD_CAPACITY } from './board-capacity.ts';
import type { CoreCapacity } from './core-capacity.ts';
import { SPIKELAB_USERCODE } from './core-usercode.ts';

/** The RTL files of the core (hdl/), in the order a tool reads them. */
export const CORE_RTL_FILES = [
  'mix32.v',
  'mix32_pipe.v',
  'fxp_lif_var.v',
  'neuron_lane.v',
  'loihi_compartment.v',
  'online_o1_var.v',
  'sc_lane.v',
  'delay_ring.v',
  'spike_fanout.v',
  'spikelab_core.v',
] as const;

/** The Vivado files beside the core's: the host bridge and its BSCANE2 wrapper (hdl/). */
export const BOARD_RTL_FILES = ['host_bridge.v', 'host_bridge_bscan.v'] as const;

/** Every hand-written file an export copies: the core's, then the bridge's. */
export const EXPORT_RTL_FILES = [...CORE_RTL_FILES, ...BOARD_RTL_FILES] as const;

/**
 * The core's clock on the board: the PYNQ-Z2's 125 MHz (H16) through a PLLE2_BASE, VCO
 * 125 x 8 = 1,000 MHz (the -1 part's range is 800-1,600), divided by `divide`. The static timing
 * estimate of the board top (hdl/README.md, "Board top") must meet `periodNs`: the xdc states
 * no more than that.
 */
export const BOARD_CLOCK = {
  inputMhz: 125,
  multiply: 8,
  divide: 10,
  /** 1,000 / divide, rounded down to 0.1 MHz. */
  mhz: 100,
  periodNs: 10,
} as const;

/** The JTAG user register the board's bridge sits on (USER1: IR 0x02 on the PL TAP). */
export const BOARD_USER_REGISTER = 1;

/**
 * The capacities of an export's board build: `BOARD_CAPACITY` (with the Loihi pass, learning
 * and SC layers), grown where the exported network needs more (its images are in the
 * bitstream). export-verilog refuses one that does not fit the xc7z020 (`boardOverflows`).
 */
export function boardBuildCapacity(capacity: CoreCapacity): CoreCapacity {
  const build: CoreCapacity = { ...BOARD_CAPACITY };
  for (const k of Object.keys(capacity) as (keyof CoreCapacity)[]) {
    const value = Math.max(build[k] ?? 0, capacity[k] ?? 0);
    Object.assign(build, { [k]: value });
  }
  return build;
}

/**
 * vivado/spikelab_board.v: `host_bridge_bscan` (USER1) and `spikelab_core` with `BUS = 1` at
 * `capacity` (an export passes `boardBuildCapacity` of its own), the bus one to one.
 */
export function boardVerilog(header: string, capacity: CoreCapacity, totalSteps: number): string {
  const params = (Object.keys(capacity) as (keyof CoreCapacity)[])
    .map((k) => `      .${k}(${capacity[k]}),`)
    .join('\n');
  return `${header}// PYNQ-Z2 top: the host bridge on JTAG USER${BOARD_USER_REGISTER} drives a BUS = 1 core (a host loads, runs and
// reads any network that fits; hdl/README.md, "Host register bridge" and "Core memory map").
// btn[0] starts a run of ${totalSteps} steps (the exported network, whose images are read from the
// directory Vivado runs in: build.tcl changes to the export's directory); btn[1] resets the
// bridge. led[0] busy, led[1] done, led[2] toggles on each spike, led[3] on once a synaptic
// event was delivered.
\`default_nettype none
\`timescale 1ns / 1ps

module spikelab_board (
    input  wire       sysclk,
    input  wire [1:0] btn,
    output wire [3:0] led
);
  // The core's clock: sysclk (${BOARD_CLOCK.inputMhz} MHz) x ${BOARD_CLOCK.multiply} / ${BOARD_CLOCK.divide} = ${BOARD_CLOCK.mhz} MHz, which the
  // core's timing estimate meets (hdl/README.md, "Board top"); everything here but the
  // bridge's JTAG side runs on it.
  wire clk, clk_pll, clk_fb, pll_locked;
  PLLE2_BASE #(
      .CLKIN1_PERIOD(${(1000 / BOARD_CLOCK.inputMhz).toFixed(3)}),
      .DIVCLK_DIVIDE(1),
      .CLKFBOUT_MULT(${BOARD_CLOCK.multiply}),
      .CLKOUT0_DIVIDE(${BOARD_CLOCK.divide})
  ) pll (
      .CLKIN1(sysclk),
      .CLKFBIN(clk_fb),
      .CLKFBOUT(clk_fb),
      .CLKOUT0(clk_pll),
      .LOCKED(pll_locked),
      .PWRDWN(1'b0),
      .RST(1'b0)
  );
  BUFG clk_buf (
      .I(clk_pll),
      .O(clk)
  );

  // Two flip-flops bring the buttons and the PLL's lock into the clock domain; btn[0]'s rising
  // edge starts a run.
  reg [2:0] btn_sync = 3'b000;
  reg [1:0] rst_sync = 2'b00;
  reg [1:0] lock_sync = 2'b00;
  always @(posedge clk) begin
    btn_sync <= {btn_sync[1:0], btn[0]};
    rst_sync <= {rst_sync[0], btn[1]};
    lock_sync <= {lock_sync[0], pll_locked};
  end
  wire btn_start = btn_sync[1] && !btn_sync[2];

  // The bridge's core-side reset: 16 clocks after the PLL locks, and while btn[1] is held.
  reg [3:0] por = 4'd0;
  always @(posedge clk) if (!lock_sync[1]) por <= 4'd0; else if (por != 4'hF) por <= por + 4'd1;
  wire rst = por != 4'hF || rst_sync[1];

  wire [31:0] bus_addr, bus_wdata, bus_rdata, bridge_steps;
  wire bus_we, bus_re, bus_ready, bridge_start;
  wire busy, done, spike_valid, dump_valid, step_done;
  wire [63:0] events;
  reg spike_toggle = 1'b0;
  always @(posedge clk) if (spike_valid) spike_toggle <= !spike_toggle;

  host_bridge_bscan #(
      .USER(${BOARD_USER_REGISTER})
  ) bridge (
      .clk(clk),
      .rst(rst),
      .bus_addr(bus_addr),
      .bus_wdata(bus_wdata),
      .bus_we(bus_we),
      .bus_re(bus_re),
      .bus_rdata(bus_rdata),
      .bus_ready(bus_ready),
      .core_start(bridge_start),
      .core_steps(bridge_steps),
      .core_busy(busy),
      .core_step_done(step_done)
  );

  /* verilator lint_off PINCONNECTEMPTY */
  spikelab_core #(
${params}
      .BUS(1),
      .IMAGES("./")
  ) core (
      .clk(clk),
      .start(bridge_start || btn_start),
      .n_steps(bridge_start ? bridge_steps : 32'd${totalSteps}),
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
      .step_done(step_done),
      .bus_addr(bus_addr),
      .bus_wdata(bus_wdata),
      .bus_we(bus_we),
      .bus_re(bus_re),
      .bus_rdata(bus_rdata),
      .bus_ready(bus_ready)
  );
  /* verilator lint_on PINCONNECTEMPTY */

  assign led = {events != 64'd0, spike_toggle, done, busy};
  wire unused = btn[1] ^ dump_valid;
endmodule

\`default_nettype wire
`;
}

/**
 * vivado/pynq_z2.xdc: the pins of the PYNQ-Z2 master constraints for the clock, btn and led,
 * and the bridge's TCK with its crossings. Vivado derives the core's clock from the PLL.
 */
export function boardConstraints(header: string): string {
  const period = BOARD_CLOCK.periodNs.toFixed(3);
  return `${header}# PYNQ-Z2 (xc7z020clg400-1): pins as the board's master constraints file lists them.
set_property -dict { PACKAGE_PIN H16 IOSTANDARD LVCMOS33 } [get_ports { sysclk }]
create_clock -add -name sys_clk_pin -period 8.00 -waveform {0 4} [get_ports { sysclk }]
# The core's clock: the PLL's CLKOUT0, ${BOARD_CLOCK.mhz} MHz (${BOARD_CLOCK.inputMhz} MHz x ${BOARD_CLOCK.multiply} / ${BOARD_CLOCK.divide}), which Vivado derives from
# sys_clk_pin; the static timing estimate of this top meets it (hdl/README.md, "Board top").
create_generated_clock -name core_clk [get_pins pll/CLKOUT0]
set_property -dict { PACKAGE_PIN D19 IOSTANDARD LVCMOS33 } [get_ports { btn[0] }]
set_property -dict { PACKAGE_PIN D20 IOSTANDARD LVCMOS33 } [get_ports { btn[1] }]
set_property -dict { PACKAGE_PIN R14 IOSTANDARD LVCMOS33 } [get_ports { led[0] }]
set_property -dict { PACKAGE_PIN P14 IOSTANDARD LVCMOS33 } [get_ports { led[1] }]
set_property -dict { PACKAGE_PIN N16 IOSTANDARD LVCMOS33 } [get_ports { led[2] }]
set_property -dict { PACKAGE_PIN M14 IOSTANDARD LVCMOS33 } [get_ports { led[3] }]
# The bridge's JTAG clock (BSCANE2's TCK; an FT2232H gives at most 30 MHz). Its crossings with
# the core clock are toggle handshakes with two-flip-flop synchronisers (hdl/README.md, "Host
# register bridge"): bounded to one core period rather than cut.
create_clock -name jtag_tck -period 33.333 [get_pins bridge/bscan/TCK]
set_max_delay -datapath_only -from [get_clocks jtag_tck] -to [get_clocks core_clk] ${period}
set_max_delay -datapath_only -from [get_clocks core_clk] -to [get_clocks jtag_tck] ${period}
`;
}

/**
 * vivado/build.tcl: `vivado -mode batch -source vivado/build.tcl` from the export's directory.
 * The bitstream's USERCODE is `usercode` (SPIKELAB_USERCODE: the host recognises the core by it).
 */
export function buildTcl(header: string, usercode = SPIKELAB_USERCODE): string {
  const sources = [...CORE_RTL_FILES, ...BOARD_RTL_FILES.map((f) => `vivado/${f}`)]
    .map((f) => `  ${f} \\`)
    .join('\n');
  const userid = `0x${(usercode >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
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
# The host reads the USERCODE to recognise a Spikelab core and its protocol and image format.
set_property BITSTREAM.CONFIG.USERID ${userid} [current_design]
write_bitstream -force vivado/spikelab.bit
`;
}
