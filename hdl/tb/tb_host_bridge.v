`default_nettype none
`timescale 1ns / 1ps
// Testbench of host_bridge_bscan (and so host_bridge) driven at JTAG pin level.
//
// The chain is the Zynq-7000's: TDI -> ARM DAP (4-bit IR, 1-bit BYPASS; tb_dap_model) -> PL TAP
// (bscane2_model.v) -> TDO. The bridge sits on USER3 (IR 0x22), so the host must address the
// right register past the DAP. TCK and the core clock are unrelated: their half periods (ps)
// come from plusargs, and the core clock starts with an odd phase.
//
// Plusargs: +vectors=<file> (one hex word per TCK cycle: bit 0 TMS, bit 1 TDI, set while TCK
// is low; bit 2 holds the core clock domain's reset, taken on the core clock), +count=<N>, +out=<file>, +tck_half_ps=<n>, +clk_half_ps=<n>.
// Output lines:
//   t <b>                   TDO sampled just before each rising edge of TCK (what a host reads)
//   w <addr> <data>         a bus write completed (hex)
//   r <addr> <data>         a bus read completed (hex)
//   s <steps>               core_start with core_steps (hex)
//   q <n>                   core clock edges from req_toggle flipping to the bus strobe
//   a <n>                   TCK edges from ack_toggle flipping to the TCK side taking the result
// The bus: 256 words at addr[9:2], initialised to i * 0x9E3779B9; addr[13:12] selects the
// answer time: 0 = 0..3 clocks (pseudo-random), 1 = SLOW_WAIT clocks, 2 = never (time-out).
// The fake core runs core_steps steps of STEP_CLOCKS clocks each, pulsing core_step_done.
module tb_host_bridge;
  localparam integer USER = 3;
  localparam [31:0] BUS_TIMEOUT = 32'd8000;
  localparam integer SLOW_WAIT = 3000;
  localparam integer STEP_CLOCKS = 40;
  localparam integer MAX_VECTORS = 1 << 18;

  reg jtag_tck = 1'b0, jtag_tms = 1'b1, jtag_tdi = 1'b0;
  wire dap_tdo;

  tb_dap_model dap (
      .tck(jtag_tck),
      .tms(jtag_tms),
      .tdi(jtag_tdi),
      .tdo(dap_tdo)
  );

  reg clk = 1'b0, rst = 1'b1;
  wire [31:0] bus_addr, bus_wdata, core_steps;
  wire bus_we, bus_re, core_start;
  reg [31:0] bus_rdata = 32'd0;
  reg bus_ready = 1'b0;
  reg core_busy = 1'b0, core_step_done = 1'b0;

  host_bridge_bscan #(
      .USER(USER),
      .BUS_TIMEOUT(BUS_TIMEOUT)
  ) dut (
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
  // The PL TAP's pins (bscane2_model.v): TCK and TMS are shared, TDI comes through the DAP.
  always @* begin
    dut.bscan.tck_pin = jtag_tck;
    dut.bscan.tms_pin = jtag_tms;
    dut.bscan.tdi_pin = dap_tdo;
  end
  wire jtag_tdo = dut.bscan.tdo_pin;

  integer fd, count, n, tck_half_ps, clk_half_ps;
  real tck_half, clk_half;
  reg [31:0] vectors[0:MAX_VECTORS-1];
  reg [1023:0] vector_file, out_file;

  // ---------------------------------------------------------------- bus: memory model
  reg [31:0] mem[0:255];
  integer i, wait_left;
  reg [15:0] lfsr = 16'hACE1;
  initial begin
    for (i = 0; i < 256; i = i + 1) mem[i] = i * 32'h9E3779B9;
    wait_left = -1;
  end
  always @(posedge clk) begin
    bus_ready <= 1'b0;
    lfsr <= {lfsr[14:0], lfsr[15] ^ lfsr[13] ^ lfsr[12] ^ lfsr[10]};
    if ((bus_re || bus_we) && !bus_ready) begin
      if (wait_left < 0)
        wait_left = bus_addr[13:12] == 2'd0 ? {30'd0, lfsr[1:0]} :
                    bus_addr[13:12] == 2'd1 ? SLOW_WAIT : 32'h7FFFFFFF;
      if (wait_left == 0) begin
        bus_ready <= 1'b1;
        if (bus_we) begin
          mem[bus_addr[9:2]] = bus_wdata;
          $fdisplay(fd, "w %h %h", bus_addr, bus_wdata);
        end else begin
          bus_rdata <= mem[bus_addr[9:2]];
          $fdisplay(fd, "r %h %h", bus_addr, mem[bus_addr[9:2]]);
        end
        wait_left = -1;
      end else wait_left = wait_left - 1;
    end else if (!(bus_re || bus_we)) wait_left = -1;  // abandoned (time-out)
  end

  // ---------------------------------------------------------------- the fake core
  reg [31:0] steps_left = 32'd0;
  integer step_clock = 0;
  always @(posedge clk) begin
    core_step_done <= 1'b0;
    if (core_start) begin
      $fdisplay(fd, "s %h", core_steps);
      steps_left <= core_steps;
      core_busy <= core_steps != 32'd0;
      step_clock = 0;
    end else if (core_busy) begin
      step_clock = step_clock + 1;
      if (step_clock == STEP_CLOCKS) begin
        step_clock = 0;
        core_step_done <= 1'b1;
        steps_left <= steps_left - 32'd1;
        if (steps_left == 32'd1) core_busy <= 1'b0;
      end
    end
  end

  // ---------------------------------------------------------------- crossing latencies
  integer clk_edges = 0, tck_edges = 0, req_mark = 0, ack_mark = 0;
  always @(posedge clk) clk_edges = clk_edges + 1;
  always @(posedge jtag_tck) tck_edges = tck_edges + 1;
  always @(dut.bridge.req_toggle) req_mark = clk_edges;
  always @(posedge (bus_re || bus_we)) $fdisplay(fd, "q %0d", clk_edges - req_mark);
  always @(dut.bridge.ack_toggle) ack_mark = tck_edges;
  // At time 0 Verilator raises an event for the initial values; only real flips count.
  always @(dut.bridge.ack_seen) if ($time > 0) $fdisplay(fd, "a %0d", tck_edges - ack_mark);

  // ---------------------------------------------------------------- clocks and the JTAG pins
  initial begin
    if (!$value$plusargs("vectors=%s", vector_file)) $fatal(1, "tb_host_bridge: +vectors= missing");
    if (!$value$plusargs("count=%d", count)) $fatal(1, "tb_host_bridge: +count= missing");
    if (!$value$plusargs("out=%s", out_file)) $fatal(1, "tb_host_bridge: +out= missing");
    if (!$value$plusargs("tck_half_ps=%d", tck_half_ps))
      $fatal(1, "tb_host_bridge: +tck_half_ps= missing");
    if (!$value$plusargs("clk_half_ps=%d", clk_half_ps))
      $fatal(1, "tb_host_bridge: +clk_half_ps= missing");
    if (count > MAX_VECTORS) $fatal(1, "tb_host_bridge: +count= above %0d", MAX_VECTORS);
    tck_half = tck_half_ps / 1000.0;
    clk_half = clk_half_ps / 1000.0;
    $readmemh(vector_file, vectors, 0, count - 1);
    fd = $fopen(out_file, "w");
    if (fd == 0) $fatal(1, "tb_host_bridge: cannot write %0s", out_file);
  end

  initial begin
    #(0.377);  // an odd phase against TCK
    forever #(clk_half) clk = ~clk;
  end

  reg rst_pin = 1'b0;  // bit 2 of the current vector
  integer start_clocks = 0;
  always @(posedge clk) begin
    if (start_clocks < 4) start_clocks = start_clocks + 1;
    rst <= start_clocks < 4 || rst_pin;
  end

  initial begin
    #(0.001);  // after the plusargs are read
    for (n = 0; n < count; n = n + 1) begin
      jtag_tms = vectors[n][0];
      jtag_tdi = vectors[n][1];
      rst_pin = vectors[n][2];
      #(tck_half);
      $fdisplay(fd, "t %0d", jtag_tdo);
      jtag_tck = 1'b1;
      #(tck_half);
      jtag_tck = 1'b0;
    end
    $fclose(fd);
    $finish;
  end
endmodule

// The ARM DAP in front of the PL TAP: 4-bit IR (capture 0001), BYPASS for every instruction,
// TDO changing on TCK's falling edge.
module tb_dap_model (
    input wire tck,
    input wire tms,
    input wire tdi,
    output reg tdo
);
  wire tlr, rti, capture_dr, shift_dr, update_dr, capture_ir, shift_ir, update_ir;
  jtag_tap_fsm fsm (
      .tck(tck),
      .tms(tms),
      .tlr(tlr),
      .rti(rti),
      .capture_dr(capture_dr),
      .shift_dr(shift_dr),
      .update_dr(update_dr),
      .capture_ir(capture_ir),
      .shift_ir(shift_ir),
      .update_ir(update_ir)
  );
  reg [3:0] ir_shift = 4'd0;
  reg bypass = 1'b0;
  initial tdo = 1'b0;
  always @(posedge tck) begin
    if (capture_ir) ir_shift <= 4'b0001;
    if (shift_ir) ir_shift <= {tdi, ir_shift[3:1]};
    if (capture_dr) bypass <= 1'b0;
    if (shift_dr) bypass <= tdi;
  end
  always @(negedge tck) begin
    if (shift_ir) tdo <= ir_shift[0];
    else if (shift_dr) tdo <= bypass;
  end
endmodule
`default_nettype wire
