`default_nettype none
`timescale 1ns / 1ps
// Behavioural stand-in for the Xilinx 7-series BSCANE2 primitive, for simulation and lint
// ONLY (Vivado uses the real primitive; this file is never part of a synthesised design).
//
// The real primitive has no pins for TCK/TMS/TDI: it sits on the device's dedicated JTAG TAP.
// The model therefore runs its own copy of the PL TAP (6-bit IR, USER1..4 = 0x02, 0x03, 0x22,
// 0x23, IDCODE 0x09 after reset, BYPASS otherwise) from three registers that stand for the PL
// TAP's inputs, `tck_pin`, `tms_pin` and `tdi_pin`, which a testbench drives by hierarchical
// assignment (e.g. `always @* dut.bscan.tdi_pin = dap_tdo;`), and drives `tdo_pin`, the PL TAP's
// TDO, which the testbench reads the same way. One instance per design: each instance models the
// whole TAP.
//
// Timing as in IEEE 1149.1: the state advances on TCK's rising edge; CAPTURE, SHIFT, UPDATE,
// RESET, RUNTEST and SEL are registered on the falling edge from the state, so user logic that
// samples them on TCK's rising edge sees the state it is in (Capture-DR, Shift-DR, Update-DR),
// without a race; TDO (the user's, in Shift-DR with SEL) is sampled on the falling edge.
// DRCK is TCK while SEL and (CAPTURE or SHIFT), else high, as UG953 describes it.
// The primitive's name is Xilinx's, not this file's.
/* verilator lint_off DECLFILENAME */
module BSCANE2 #(
    parameter integer JTAG_CHAIN = 1
) (
    output reg  CAPTURE,
    output wire DRCK,
    output reg  RESET,
    output reg  RUNTEST,
    output reg  SEL,
    output reg  SHIFT,
    output wire TCK,
    output wire TDI,
    output wire TMS,
    output reg  UPDATE,
    input  wire TDO
);
  localparam [5:0] IR_USER = JTAG_CHAIN == 1 ? 6'h02 : JTAG_CHAIN == 2 ? 6'h03 :
                             JTAG_CHAIN == 3 ? 6'h22 : 6'h23;
  localparam [5:0] IR_CAPTURE = 6'b110001;  // bits 1:0 = 01, INIT and DONE high
  localparam [5:0] IR_IDCODE = 6'h09;
  localparam [31:0] IDCODE = 32'h13727093;  // xc7z020, revision 1

  reg tck_pin = 1'b0, tms_pin = 1'b1, tdi_pin = 1'b0;
  // Read by the testbench through the hierarchy, so nothing in this module reads it.
  /* verilator lint_off UNUSEDSIGNAL */
  reg tdo_pin = 1'b0;
  /* verilator lint_on UNUSEDSIGNAL */
  assign TCK = tck_pin;
  assign TMS = tms_pin;
  assign TDI = tdi_pin;

  wire tlr, rti, capture_dr, shift_dr, update_dr, capture_ir, shift_ir, update_ir;
  jtag_tap_fsm fsm (
      .tck(TCK),
      .tms(TMS),
      .tlr(tlr),
      .rti(rti),
      .capture_dr(capture_dr),
      .shift_dr(shift_dr),
      .update_dr(update_dr),
      .capture_ir(capture_ir),
      .shift_ir(shift_ir),
      .update_ir(update_ir)
  );

  reg [5:0] ir_shift = 6'd0;
  reg [5:0] ir = IR_IDCODE;
  reg [31:0] dr_shift = 32'd0;  // IDCODE or (bit 0) BYPASS

  initial begin
    CAPTURE = 1'b0;
    RESET = 1'b1;
    RUNTEST = 1'b0;
    SEL = 1'b0;
    SHIFT = 1'b0;
    UPDATE = 1'b0;
  end

  assign DRCK = (SEL && (CAPTURE || SHIFT)) ? TCK : 1'b1;
  wire user = ir == IR_USER;

  always @(posedge TCK) begin
    if (tlr) ir <= IR_IDCODE;
    if (capture_ir) ir_shift <= IR_CAPTURE;
    if (shift_ir) ir_shift <= {TDI, ir_shift[5:1]};
    if (update_ir) ir <= ir_shift;
    if (capture_dr) dr_shift <= ir == IR_IDCODE ? IDCODE : 32'd0;
    if (shift_dr) dr_shift <= ir == IR_IDCODE ? {TDI, dr_shift[31:1]} : {31'd0, TDI};
  end

  always @(negedge TCK) begin
    CAPTURE <= capture_dr;
    SHIFT <= shift_dr;
    UPDATE <= update_dr;
    RESET <= tlr;
    RUNTEST <= rti;
    SEL <= user;
    if (shift_ir) tdo_pin <= ir_shift[0];
    else if (shift_dr) tdo_pin <= user ? TDO : dr_shift[0];
  end
endmodule
/* verilator lint_on DECLFILENAME */

// The IEEE 1149.1 TAP state machine (state advances on TCK's rising edge, from
// Test-Logic-Reset), with one flag per state a register needs.
module jtag_tap_fsm (
    input  wire tck,
    input  wire tms,
    output wire tlr,
    output wire rti,
    output wire capture_dr,
    output wire shift_dr,
    output wire update_dr,
    output wire capture_ir,
    output wire shift_ir,
    output wire update_ir
);
  localparam [3:0] TLR = 4'd0, RTI = 4'd1, SELECT_DR = 4'd2, CAPTURE_DR = 4'd3, SHIFT_DR = 4'd4;
  localparam [3:0] EXIT1_DR = 4'd5, PAUSE_DR = 4'd6, EXIT2_DR = 4'd7, UPDATE_DR = 4'd8;
  localparam [3:0] SELECT_IR = 4'd9, CAPTURE_IR = 4'd10, SHIFT_IR = 4'd11, EXIT1_IR = 4'd12;
  localparam [3:0] PAUSE_IR = 4'd13, EXIT2_IR = 4'd14, UPDATE_IR = 4'd15;

  reg [3:0] state = TLR;
  assign tlr = state == TLR;
  assign rti = state == RTI;
  assign capture_dr = state == CAPTURE_DR;
  assign shift_dr = state == SHIFT_DR;
  assign update_dr = state == UPDATE_DR;
  assign capture_ir = state == CAPTURE_IR;
  assign shift_ir = state == SHIFT_IR;
  assign update_ir = state == UPDATE_IR;

  always @(posedge tck) begin
    case (state)
      TLR: state <= tms ? TLR : RTI;
      RTI: state <= tms ? SELECT_DR : RTI;
      SELECT_DR: state <= tms ? SELECT_IR : CAPTURE_DR;
      CAPTURE_DR: state <= tms ? EXIT1_DR : SHIFT_DR;
      SHIFT_DR: state <= tms ? EXIT1_DR : SHIFT_DR;
      EXIT1_DR: state <= tms ? UPDATE_DR : PAUSE_DR;
      PAUSE_DR: state <= tms ? EXIT2_DR : PAUSE_DR;
      EXIT2_DR: state <= tms ? UPDATE_DR : SHIFT_DR;
      UPDATE_DR: state <= tms ? SELECT_DR : RTI;
      SELECT_IR: state <= tms ? TLR : CAPTURE_IR;
      CAPTURE_IR: state <= tms ? EXIT1_IR : SHIFT_IR;
      SHIFT_IR: state <= tms ? EXIT1_IR : SHIFT_IR;
      EXIT1_IR: state <= tms ? UPDATE_IR : PAUSE_IR;
      PAUSE_IR: state <= tms ? EXIT2_IR : PAUSE_IR;
      EXIT2_IR: state <= tms ? UPDATE_IR : SHIFT_IR;
      UPDATE_IR: state <= tms ? SELECT_DR : RTI;
      default: state <= TLR;
    endcase
  end
endmodule
`default_nettype wire
