// SPDX-License-Identifier: MIT
// Small hand-written SystemVerilog modules for the synthesis tests: quick to synthesise, and
// independent of the emitter so these tests say only what the runner does.
#pragma once

namespace scs::test {

/// A Q8.8 leaky integrate-and-fire step: a constant multiply (leak), an add (drive), a compare
/// (threshold) and 17 registers (v and spike). 37 port bits: fits the iCE40 SG48 package.
inline const char* kLifSv = R"(module lif_q88 (
    input  logic               clk,
    input  logic               rst,
    input  logic signed [15:0] drive,
    output logic               spike,
    output logic signed [15:0] v_out
);
    logic signed [15:0] v;
    logic signed [31:0] prod;
    logic signed [15:0] leak;
    logic signed [15:0] next_v;
    localparam logic signed [15:0] DECAY = 16'sd243;   // 0.95 in Q8.8
    localparam logic signed [15:0] THRESH = 16'sd5120; // 20.0
    always_comb begin
        prod = v * DECAY;
        leak = prod[23:8];
        next_v = leak + drive;
    end
    always_ff @(posedge clk) begin
        if (rst) begin
            v <= 16'sd0;
            spike <= 1'b0;
        end else if (next_v >= THRESH) begin
            v <= 16'sd0;
            spike <= 1'b1;
        end else begin
            v <= next_v;
            spike <= 1'b0;
        end
    end
    assign v_out = v;
endmodule
)";

/// A 24-bit registered adder with 73 port bits: too many for the SG48 package's 39 pins.
inline const char* kWideSv = R"(module wide_add (
    input  logic        clk,
    input  logic [23:0] a,
    input  logic [23:0] b,
    output logic [23:0] q
);
    always_ff @(posedge clk) q <= a + b;
endmodule
)";

/// A 128-kbit RAM: 32 SB_RAM40_4K blocks, more than the iCE40UP5K's 30; quick to synthesise.
inline const char* kTooBigSv = R"(module too_big (
    input  logic        clk,
    input  logic        we,
    input  logic [12:0] addr,
    input  logic [15:0] d,
    output logic [15:0] q
);
    logic [15:0] mem [0:8191];
    always_ff @(posedge clk) begin
        if (we) mem[addr] <= d;
        q <= mem[addr];
    end
endmodule
)";

/// A module with a syntax error on line 3.
inline const char* kBrokenSv = "module broken (input logic clk, output logic q);\n"
                               "    logic r;\n"
                               "    assign q = r +;\n"
                               "endmodule\n";

} // namespace scs::test
