`default_nettype none
`timescale 1ns / 1ps
// tb_board: the PYNQ-Z2 board top (vivado/spikelab_board.v as src/hdl/board-files.ts generates
// it: host_bridge_bscan on USER1 and a BUS = 1 spikelab_core) behind the Zynq-7000's JTAG chain
// (TDI -> the ARM DAP model in BYPASS, tb_dap_model of tb_host_bridge.v -> the PL TAP of
// bscane2_model.v -> TDO), driven INTERACTIVELY by a host process (tests/hdl/rtl-board.ts), so
// that the host's real JTAG bit stream runs the real bridge and core RTL.
//
// Protocol on stdin / stdout, one batch at a time: the host writes a decimal count N, then N
// characters '0'..'3' (bit 0 TMS, bit 1 TDI of one TCK; any other character is skipped); the
// bench clocks them and answers one line "tdo " + N characters '0' / '1', the TDO sampled just
// before each rising edge of TCK (what a host reads), flushed; then it waits for the next batch.
// End of input ends the simulation. Between batches simulated time stands still: nothing runs
// on the board while the host is not clocking it (the core runs during the host's STATUS polls).
//
// The core clock runs faster than TCK, as on the board (125 MHz against an FT2232H's TCK of a
// few MHz): +tck_half_ps=N and +clk_half_ps=N set the half periods (defaults 15 MHz and
// 125 MHz); the core clock starts with an odd phase. The top's power-on reset holds the bridge's
// core side for its first 16 clocks; the buttons stay released. `+noimages` (the core's) starts
// it with empty memories, so everything the run uses comes over the bridge.
module tb_board;
  localparam [31:0] STDIN = 32'h8000_0000, STDOUT = 32'h8000_0001;

  reg sysclk = 1'b0;
  reg [1:0] btn = 2'b00;
  wire [3:0] led;
  spikelab_board board (
      .sysclk(sysclk),
      .btn(btn),
      .led(led)
  );

  reg jtag_tck = 1'b0, jtag_tms = 1'b1, jtag_tdi = 1'b0;
  wire dap_tdo;
  tb_dap_model dap (
      .tck(jtag_tck),
      .tms(jtag_tms),
      .tdi(jtag_tdi),
      .tdo(dap_tdo)
  );
  // The PL TAP's pins (bscane2_model.v): TCK and TMS are shared, TDI comes through the DAP.
  always @* begin
    board.bridge.bscan.tck_pin = jtag_tck;
    board.bridge.bscan.tms_pin = jtag_tms;
    board.bridge.bscan.tdi_pin = dap_tdo;
  end
  wire jtag_tdo = board.bridge.bscan.tdo_pin;

  integer tck_half_ps, clk_half_ps;
  real tck_half, clk_half;
  initial begin
    if (!$value$plusargs("tck_half_ps=%d", tck_half_ps)) tck_half_ps = 33_333;
    if (!$value$plusargs("clk_half_ps=%d", clk_half_ps)) clk_half_ps = 4_000;
    tck_half = tck_half_ps / 1000.0;
    clk_half = clk_half_ps / 1000.0;
    #(0.377);  // an odd phase against TCK
    forever #(clk_half) sysclk = ~sysclk;
  end

  integer n, got, c, i;
  initial begin
    #(0.001);  // after the plusargs are read
    forever begin
      got = $fscanf(STDIN, "%d", n);
      if (got != 1) $finish;
      $fwrite(STDOUT, "tdo ");
      i = 0;
      while (i < n) begin
        c = $fgetc(STDIN);
        if (c < 0) $finish;
        if (c >= "0" && c <= "3") begin
          jtag_tms = c[0];
          jtag_tdi = c[1];
          #(tck_half);
          $fwrite(STDOUT, "%0d", jtag_tdo);
          jtag_tck = 1'b1;
          #(tck_half);
          jtag_tck = 1'b0;
          i = i + 1;
        end
      end
      $fwrite(STDOUT, "\n");
      $fflush(STDOUT);
    end
  end
endmodule
`default_nettype wire
