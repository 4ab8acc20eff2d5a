`default_nettype none
`timescale 1ns / 1ps
// host_bridge: the host register bridge of the Spikelab core (issue 8; issue 9 drives it).
//
// Protocol version 1, defined on the host side by src/hdl/bridge-protocol.ts and documented in
// hdl/README.md ("Host register bridge"). A host shifts 88-bit frames into a JTAG user register
// (BSCANE2 on the board: host_bridge_bscan.v); each frame is one command (nop, read, write,
// run N steps) on a 32-bit address space: the core's memories below CTRL_BASE, this bridge's
// control page (version, status, step counter, run steps, control, scratch) from CTRL_BASE.
//
// Frame (bit 0 shifted first): [3:0] version, [7:4] opcode, [15:8] tag, [47:16] address,
// [79:48] data, [87:80] CRC-8 (polynomial 0x07, initial value 0xFF) of bits 0..79 in shift order.
// Reply (what TDO gives while the next-but-one frame is shifted in, the "frame-after-next"
// rule): [3:0] version, [7:4] status, [15:8] tag echoed, [23:16] sequence number of the frame it
// answers (frames counted since TAP reset), [31:24] flags (bit 0 core busy, bit 1 a request
// still outstanding), [47:32] zero, [79:48] data, [87:80] CRC-8 as above.
//
// Clock domains. TCK side (posedge tck, all gated by sel as BSCANE2 asks): shift register,
// frame check, the two result slots. Core side (posedge clk): the bus master and the control
// page. One request at a time crosses with a toggle handshake: the TCK side holds
// op/address/data in registers that do not change while a request is outstanding and flips
// req_toggle; the core side sees it through two flip-flops (req_c1, req_c2), executes, writes
// resp_status/resp_data and flips ack_toggle; the TCK side sees that through two flip-flops
// (ack_t1, ack_t2) and only then reads resp_*, which are stable until the next request. A frame
// that arrives while a request is outstanding is refused (OVERRUN) so the held registers never
// change under the core's feet. core_busy crosses as a single bit through two flip-flops.
//
// Bus (core clock): the bridge raises bus_re or bus_we with bus_addr/bus_wdata and holds them
// until a clock edge where bus_ready is 1 (rdata is taken in that cycle), or until BUS_TIMEOUT
// clocks have passed (status BUS_TIMEOUT). One access per frame; the bus never sees two
// overlapping accesses. Control: a RUN frame (or CONTROL bit 0) sets core_steps and pulses
// core_start for one clock; the core raises core_busy while it runs and pulses core_step_done
// once per finished step, which STEP_COUNT counts.
module host_bridge #(
    // First address of the 256-byte control page (256-byte aligned); the bus sees no access
    // there.
    parameter [31:0] CTRL_BASE = 32'hFFFF_FF00,
    // Core clocks a bus access may take before it is abandoned (1 .. 2^32-1).
    parameter [31:0] BUS_TIMEOUT = 32'd4096
) (
    // JTAG user register (TCK domain), as BSCANE2 gives it.
    input  wire        tck,
    input  wire        tap_reset,
    input  wire        sel,
    input  wire        capture,
    input  wire        shift,
    input  wire        update,
    input  wire        tdi,
    output wire        tdo,
    // Core clock domain.
    input  wire        clk,
    input  wire        rst,
    output reg  [31:0] bus_addr,
    output reg  [31:0] bus_wdata,
    output reg         bus_we,
    output reg         bus_re,
    input  wire [31:0] bus_rdata,
    input  wire        bus_ready,
    output reg         core_start,
    output reg  [31:0] core_steps,
    input  wire        core_busy,
    input  wire        core_step_done
);
  localparam [3:0] PROTOCOL_VERSION = 4'd1;
  localparam integer FRAME_BITS = 88;
  localparam [15:0] ID_MAGIC = 16'h534C;  // "SL"

  localparam [3:0] OP_NOP = 4'd0, OP_READ = 4'd1, OP_WRITE = 4'd2, OP_RUN = 4'd3;

  localparam [3:0] ST_OK = 4'd0, ST_PENDING = 4'd1, ST_BAD_LENGTH = 4'd2, ST_BAD_CHECK = 4'd3;
  localparam [3:0] ST_BAD_VERSION = 4'd4, ST_BAD_OPCODE = 4'd5, ST_OVERRUN = 4'd6;
  localparam [3:0] ST_BAD_ADDRESS = 4'd7, ST_CORE_BUSY = 4'd8, ST_BUS_TIMEOUT = 4'd9;
  localparam [3:0] ST_ABORTED = 4'd10, ST_NONE = 4'd15;

  // Control page offsets.
  localparam [7:0] REG_ID = 8'h00, REG_STATUS = 8'h04, REG_STEP_COUNT = 8'h08;
  localparam [7:0] REG_RUN_STEPS = 8'h0C, REG_CONTROL = 8'h10, REG_SCRATCH = 8'h14;

  // CRC-8, polynomial x^8 + x^2 + x + 1, initial value 0xFF (so that a stuck-at-0 TDI line
  // does not make a valid frame), over bits 0..79 in the order they are shifted.
  function automatic [7:0] crc8_80(input [79:0] bits);
    integer i;
    reg [7:0] c;
    begin
      c = 8'hFF;
      for (i = 0; i < 80; i = i + 1) c = {c[6:0], 1'b0} ^ ((c[7] ^ bits[i]) ? 8'h07 : 8'h00);
      crc8_80 = c;
    end
  endfunction

  // ---------------------------------------------------------------- TCK domain
  reg [FRAME_BITS-1:0] sr = {FRAME_BITS{1'b0}};
  reg [6:0] shift_count = 7'd0;  // saturates at FRAME_BITS: extra pad bits shift out harmlessly
  reg [7:0] seq = 8'd0;
  reg req_toggle = 1'b0;
  reg [3:0] hold_op = OP_NOP;
  reg [31:0] hold_addr = 32'd0;
  reg [31:0] hold_data = 32'd0;
  // Synchroniser flip-flops: ASYNC_REG keeps each pair together in one slice for Vivado.
  (* ASYNC_REG = "TRUE" *) reg ack_t1 = 1'b0, ack_t2 = 1'b0;
  (* ASYNC_REG = "TRUE" *) reg busy_t1 = 1'b0, busy_t2 = 1'b0;
  reg ack_seen = 1'b0;
  // Slot a: the last frame updated; slot b: the one before it (its result is the next reply).
  reg [3:0] a_status = ST_NONE, b_status = ST_NONE;
  reg [7:0] a_tag = 8'd0, b_tag = 8'd0, a_seq = 8'd0, b_seq = 8'd0;
  reg [31:0] a_data = 32'd0, b_data = 32'd0;

  // Core-domain results, read on the TCK side only once ack_t2 shows they are stable.
  reg ack_toggle = 1'b0;
  reg [3:0] resp_status = ST_OK;
  reg [31:0] resp_data = 32'd0;

  wire [3:0] f_version = sr[3:0];
  wire [3:0] f_op = sr[7:4];
  wire [7:0] f_tag = sr[15:8];
  wire [31:0] f_addr = sr[47:16];
  wire [31:0] f_data = sr[79:48];
  wire [7:0] f_check = sr[87:80];

  wire outstanding = req_toggle != ack_t2;
  reg [3:0] f_status;
  always @* begin
    if (shift_count != FRAME_BITS[6:0]) f_status = ST_BAD_LENGTH;
    else if (f_check != crc8_80(sr[79:0])) f_status = ST_BAD_CHECK;
    else if (f_version != PROTOCOL_VERSION) f_status = ST_BAD_VERSION;
    else if (f_op > OP_RUN) f_status = ST_BAD_OPCODE;
    else if (f_op == OP_NOP) f_status = ST_OK;  // answered here; never crosses
    else if (outstanding) f_status = ST_OVERRUN;
    else f_status = ST_PENDING;
  end
  wire accept = f_status == ST_PENDING;

  // A result that arrives fills the pending slot (at most one: one request at a time).
  wire ack_new = ack_t2 != ack_seen;
  wire a_fill = ack_new && a_status == ST_PENDING;
  wire b_fill = ack_new && !a_fill && b_status == ST_PENDING;
  wire [3:0] a_status_f = a_fill ? resp_status : a_status;
  wire [31:0] a_data_f = a_fill ? resp_data : a_data;
  wire [3:0] b_status_f = b_fill ? resp_status : b_status;
  wire [31:0] b_data_f = b_fill ? resp_data : b_data;

  wire [7:0] flags = {6'd0, outstanding, busy_t2};
  wire [79:0] reply_body = {b_data_f, 16'd0, flags, b_seq, b_tag, b_status_f, PROTOCOL_VERSION};

  assign tdo = sr[0];

  always @(posedge tck) begin
    ack_t1 <= ack_toggle;
    ack_t2 <= ack_t1;
    ack_seen <= ack_t2;
    busy_t1 <= core_busy;
    busy_t2 <= busy_t1;
    a_status <= a_status_f;
    a_data <= a_data_f;
    b_status <= b_status_f;
    b_data <= b_data_f;
    if (tap_reset) begin
      // The handshake (req_toggle, ack_*) is left alone: a request in flight completes and is
      // simply not reported.
      // Empty slots read as status none with every other field zero.
      shift_count <= 7'd0;
      seq <= 8'd0;
      a_status <= ST_NONE;
      b_status <= ST_NONE;
      a_tag <= 8'd0;
      b_tag <= 8'd0;
      a_seq <= 8'd0;
      b_seq <= 8'd0;
      a_data <= 32'd0;
      b_data <= 32'd0;
    end else if (sel && capture) begin
      sr <= {crc8_80(reply_body), reply_body};
      shift_count <= 7'd0;
    end else if (sel && shift) begin
      sr <= {tdi, sr[FRAME_BITS-1:1]};
      if (shift_count != FRAME_BITS[6:0]) shift_count <= shift_count + 7'd1;
    end else if (sel && update) begin
      b_status <= a_status_f;
      b_data <= a_data_f;
      b_tag <= a_tag;
      b_seq <= a_seq;
      a_status <= f_status;
      a_data <= 32'd0;
      a_tag <= f_tag;
      a_seq <= seq;
      seq <= seq + 8'd1;
      if (accept) begin
        hold_op <= f_op;
        hold_addr <= f_addr;
        hold_data <= f_data;
        req_toggle <= ~req_toggle;
      end
    end
  end

  // ---------------------------------------------------------------- core domain
  (* ASYNC_REG = "TRUE" *) reg req_c1 = 1'b0, req_c2 = 1'b0;
  reg in_bus = 1'b0;
  reg [31:0] timer = 32'd0;
  reg [31:0] step_count = 32'd0;
  reg [31:0] run_steps = 32'd0;
  reg [31:0] scratch = 32'd0;
  wire req_new = req_c2 != ack_toggle;
  wire ctrl_hit = hold_addr[31:8] == CTRL_BASE[31:8];
  wire [7:0] ctrl_off = hold_addr[7:0];
  // NOP never crosses, so a request that is not for the control page and not RUN is a bus access.
  wire bus_op = !ctrl_hit && hold_op != OP_RUN;
  wire running = core_busy || core_start;

  reg [31:0] ctrl_rdata;
  reg ctrl_readable;
  always @* begin
    ctrl_readable = 1'b1;
    case (ctrl_off)
      REG_ID: ctrl_rdata = {ID_MAGIC, 12'd0, PROTOCOL_VERSION};
      REG_STATUS: ctrl_rdata = {31'd0, running};
      REG_STEP_COUNT: ctrl_rdata = step_count;
      REG_RUN_STEPS: ctrl_rdata = run_steps;
      REG_SCRATCH: ctrl_rdata = scratch;
      default: begin
        ctrl_rdata = 32'd0;
        ctrl_readable = 1'b0;
      end
    endcase
  end

  initial begin
    bus_addr = 32'd0;
    bus_wdata = 32'd0;
    bus_we = 1'b0;
    bus_re = 1'b0;
    core_start = 1'b0;
    core_steps = 32'd0;
  end

  always @(posedge clk) begin
    req_c1 <= req_toggle;
    req_c2 <= req_c1;
    core_start <= 1'b0;
    if (core_step_done) step_count <= step_count + 32'd1;
    if (rst) begin
      // A request being executed is answered ABORTED; one still crossing is executed later.
      if (in_bus || req_new) begin
        resp_status <= ST_ABORTED;
        resp_data <= 32'd0;
        ack_toggle <= req_c2;
      end
      in_bus <= 1'b0;
      bus_we <= 1'b0;
      bus_re <= 1'b0;
      step_count <= 32'd0;
      run_steps <= 32'd0;
      scratch <= 32'd0;
    end else if (in_bus) begin
      if (bus_ready || timer == BUS_TIMEOUT - 32'd1) begin
        resp_status <= bus_ready ? ST_OK : ST_BUS_TIMEOUT;
        resp_data <= bus_ready && bus_re ? bus_rdata : 32'd0;
        ack_toggle <= ~ack_toggle;
        in_bus <= 1'b0;
        bus_we <= 1'b0;
        bus_re <= 1'b0;
      end
      timer <= timer + 32'd1;
    end else if (req_new && bus_op) begin
      // Answered when the bus is ready (or times out).
      in_bus <= 1'b1;
      timer <= 32'd0;
      bus_addr <= hold_addr;
      bus_wdata <= hold_data;
      bus_we <= hold_op == OP_WRITE;
      bus_re <= hold_op == OP_READ;
    end else if (req_new) begin
      // Everything but a bus access answers in this clock.
      resp_status <= ST_OK;
      resp_data <= 32'd0;
      ack_toggle <= ~ack_toggle;
      if (hold_op == OP_RUN || (hold_op == OP_WRITE && ctrl_off == REG_CONTROL)) begin
        // RUN carries N in its data; CONTROL bit 0 starts RUN_STEPS, bit 1 clears STEP_COUNT.
        if (hold_op == OP_RUN || hold_data[0]) begin
          if (running) resp_status <= ST_CORE_BUSY;
          else begin
            if (hold_op == OP_RUN) run_steps <= hold_data;
            core_steps <= hold_op == OP_RUN ? hold_data : run_steps;
            core_start <= 1'b1;
            resp_data <= step_count;
          end
        end
        if (hold_op == OP_WRITE && hold_data[1]) step_count <= 32'd0;
      end else if (hold_op == OP_READ) begin
        if (ctrl_readable) resp_data <= ctrl_rdata;
        else resp_status <= ST_BAD_ADDRESS;
      end else if (ctrl_off == REG_RUN_STEPS) run_steps <= hold_data;
      else if (ctrl_off == REG_SCRATCH) scratch <= hold_data;
      else resp_status <= ST_BAD_ADDRESS;
    end
  end
endmodule
`default_nettype wire
