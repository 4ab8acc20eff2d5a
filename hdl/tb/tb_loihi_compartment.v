// tb_loihi_compartment: unit testbench of loihi_compartment over a grid of widths.
//
// One build covers every (VW, RW) pair in CFG_VW/CFG_RW (an instance per pair), so each
// simulator compiles the bench once. Vectors come from tests/hdl (the engine's
// `stepLoihiCompartment`, or brian2-loihi's recorded traces); the outputs go to a file that the
// test compares field by field.
//
// Plusargs: +vectors=<file> (read with $readmemh), +count=<N> vectors (at most MAXVEC),
// +out=<file>. Vector file: 32-bit hex words, one per line, FIELDS words per vector: cfg (index
// into the grid), chain, v, i_syn, refr, decay_v, decay_i, threshold, refractory. With chain = 0
// v and refr come from the vector's words; with chain = 1 they are the v_next and refr_next
// that the entry's previous vector produced (the words are ignored), so a neuron's run replays
// step by step with its state fed back as a lane would store it, I (the step's input after its
// deliveries) still coming from the vector. Signed values are two's complement in 32 bits; each
// instance takes the low bits its widths need.
// Output file: one line "config <k> <VW> <RW>" per grid entry (decimal), then one line per
// vector: v_next i_next refr_next spike overflow, as 32-bit hex (signed values sign-extended;
// overflow = {overflow_v, overflow_i}).
`default_nettype none
`timescale 1ns / 1ps

module tb_loihi_compartment;
  // The grid, entry k in bits [8k +: 8]: the narrowest widths that hold every state the engine
  // accepts (25, 7), and 32-bit registers with a wider counter, which can carry an I past the
  // engine's limit to the overflow flag.
  localparam integer NCFG = 2;
  localparam [8*NCFG-1:0] CFG_VW = {8'd32, 8'd25};
  localparam [8*NCFG-1:0] CFG_RW = {8'd16, 8'd7};
  localparam integer FIELDS = 9;
  localparam integer MAXVEC = 16384;
  // Pulsed after each vector's output is written: on its rising edge the selected entry keeps
  // its v_next and refr_next as the state a chained vector starts from.
  reg commit = 1'b0;

  reg [31:0] mem[0:FIELDS*MAXVEC-1];
  reg [8*512-1:0] vectors_path;
  reg [8*512-1:0] out_path;
  integer out_fd;
  integer n;
  integer count;
  integer k;
  integer cfg;

  // One vector's fields, set in one assignment; only the selected grid entry copies them in,
  // so each vector makes one instance evaluate, not all of them.
  reg [32*FIELDS-1:0] fields;
  reg [32*FIELDS-1:0] next_fields;

  wire [32*NCFG-1:0] o_v, o_i, o_refr, o_spike, o_overflow;

  genvar g;
  generate
    for (g = 0; g < NCFG; g = g + 1) begin : grid
      localparam integer VK = {24'd0, CFG_VW[8*g+:8]};
      localparam integer RK = {24'd0, CFG_RW[8*g+:8]};
      reg [32*FIELDS-1:0] mine;
      always @(fields) if (cfg == g) mine = fields;
      wire chain = mine[32*1];
      wire [31:0] f_v = mine[32*2+:32];
      wire [31:0] f_i = mine[32*3+:32];
      wire [31:0] f_refr = mine[32*4+:32];
      wire [31:0] f_decay_v = mine[32*5+:32];
      wire [31:0] f_decay_i = mine[32*6+:32];
      wire [31:0] f_threshold = mine[32*7+:32];
      wire [31:0] f_refractory = mine[32*8+:32];
      wire signed [VK-1:0] v_next, i_next;
      wire [RK-1:0] refr_next;
      wire spike, overflow_i, overflow_v;
      reg [VK-1:0] held_v = {VK{1'b0}};
      reg [RK-1:0] held_refr = {RK{1'b0}};
      always @(posedge commit)
        if (cfg == g) begin
          held_v <= v_next;
          held_refr <= refr_next;
        end
      loihi_compartment #(
          .VW(VK),
          .RW(RK)
      ) compartment (
          .clk(1'b0),  // PIPE = 0: combinational
          .v(chain ? held_v : f_v[VK-1:0]),
          .i_syn(f_i[VK-1:0]),
          .refr(chain ? held_refr : f_refr[RK-1:0]),
          .decay_v(f_decay_v[12:0]),
          .decay_i(f_decay_i[12:0]),
          .threshold(f_threshold[23:0]),
          .refractory(f_refractory[RK-1:0]),
          .v_next(v_next),
          .i_next(i_next),
          .refr_next(refr_next),
          .spike(spike),
          .overflow_i(overflow_i),
          .overflow_v(overflow_v)
      );
      assign o_v[32*g+:32] = {{(32 - VK) {v_next[VK-1]}}, v_next};
      assign o_i[32*g+:32] = {{(32 - VK) {i_next[VK-1]}}, i_next};
      assign o_refr[32*g+:32] = {{(32 - RK) {1'b0}}, refr_next};
      assign o_spike[32*g+:32] = {31'd0, spike};
      assign o_overflow[32*g+:32] = {30'd0, overflow_v, overflow_i};
    end
  endgenerate

  initial begin
    if (!$value$plusargs("vectors=%s", vectors_path)) begin
      $display("tb_loihi_compartment: missing +vectors=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("out=%s", out_path)) begin
      $display("tb_loihi_compartment: missing +out=<file>");
      $fatal(1);
    end
    if (!$value$plusargs("count=%d", count)) begin
      $display("tb_loihi_compartment: missing +count=<N>");
      $fatal(1);
    end
    if (count < 1 || count > MAXVEC) begin
      $display("tb_loihi_compartment: %0d vectors, at most %0d", count, MAXVEC);
      $fatal(1);
    end
    // The exact range: a short or long file is then reported by the simulator.
    $readmemh(vectors_path, mem, 0, FIELDS * count - 1);
    out_fd = $fopen(out_path, "w");
    if (out_fd == 0) begin
      $display("tb_loihi_compartment: cannot open %0s", out_path);
      $fatal(1);
    end
    for (k = 0; k < NCFG; k = k + 1) begin
      $fwrite(out_fd, "config %0d %0d %0d\n", k, CFG_VW[8*k+:8], CFG_RW[8*k+:8]);
    end
    for (n = 0; n < count; n = n + 1) begin
      cfg = mem[FIELDS*n];
      for (k = 0; k < FIELDS; k = k + 1) next_fields[32*k+:32] = mem[k+FIELDS*n];
      fields = next_fields;
      #1;
      $fwrite(out_fd, "%h %h %h %h %h\n", o_v[32*cfg+:32], o_i[32*cfg+:32],
              o_refr[32*cfg+:32], o_spike[32*cfg+:32], o_overflow[32*cfg+:32]);
      commit = 1'b1;
      #1;
      commit = 1'b0;
    end
    $fclose(out_fd);
    $finish;
  end
endmodule

`default_nettype wire
