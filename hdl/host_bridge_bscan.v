`default_nettype none
`timescale 1ns / 1ps
// host_bridge_bscan: host_bridge on a JTAG user register of the 7-series TAP (the board form).
//
// BSCANE2 with JTAG_CHAIN = USER (1..4: IR 0x02, 0x03, 0x22, 0x23 on the 6-bit PL TAP) gives
// TCK, SEL, CAPTURE, SHIFT, UPDATE, RESET and TDI, and takes TDO; host_bridge does the rest
// (protocol, clock-domain crossing, bus). Vivado uses the real primitive; simulation and lint
// use the behavioural hdl/tb/bscane2_model.v. DRCK, RUNTEST and TMS are not needed: the bridge
// clocks on TCK and gates every action with SEL.
module host_bridge_bscan #(
    parameter integer USER = 1,
    parameter [31:0] CTRL_BASE = 32'hFFFF_FF00,
    parameter [31:0] BUS_TIMEOUT = 32'd4096
) (
    input  wire        clk,
    input  wire        rst,
    output wire [31:0] bus_addr,
    output wire [31:0] bus_wdata,
    output wire        bus_we,
    output wire        bus_re,
    input  wire [31:0] bus_rdata,
    input  wire        bus_ready,
    output wire        core_start,
    output wire [31:0] core_steps,
    input  wire        core_busy,
    input  wire        core_step_done
);
  wire tck, tap_reset, sel, capture, shift, update, tdi, tdo;

  // The unused outputs are left open on purpose (see the header).
  /* verilator lint_off PINCONNECTEMPTY */
  BSCANE2 #(
      .JTAG_CHAIN(USER)
  ) bscan (
      .CAPTURE(capture),
      .DRCK(),
      .RESET(tap_reset),
      .RUNTEST(),
      .SEL(sel),
      .SHIFT(shift),
      .TCK(tck),
      .TDI(tdi),
      .TMS(),
      .UPDATE(update),
      .TDO(tdo)
  );
  /* verilator lint_on PINCONNECTEMPTY */

  host_bridge #(
      .CTRL_BASE  (CTRL_BASE),
      .BUS_TIMEOUT(BUS_TIMEOUT)
  ) bridge (
      .tck(tck),
      .tap_reset(tap_reset),
      .sel(sel),
      .capture(capture),
      .shift(shift),
      .update(update),
      .tdi(tdi),
      .tdo(tdo),
      .clk(clk),
      .rst(rst),
      .bus_addr(bus_addr),
      .bus_wdata(bus_wdata),
      .bus_we(bus_we),
      .bus_re(bus_re),
      .bus_rdata(bus_rdata),
      .bus_ready(bus_ready),
      .core_start(core_start),
      .core_steps(core_steps),
      .core_busy(core_busy),
      .core_step_done(core_step_done)
  );
endmodule
`default_nettype wire
