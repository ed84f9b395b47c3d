// Structural Verilog writer: scalar ports, one assign per AND and output.
#include <algorithm>
#include <iterator>
#include <string>

#include <fmt/format.h>

#include "netlist_names.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/verilog.hpp"
#include "rnncc/logic/cleanup.hpp"

namespace rnncc::io {

namespace {

using logic::Aig;
using logic::Literal;
using logic::NodeIndex;

// The reserved words of IEEE 1364-2005, which a simple identifier cannot be.
constexpr std::string_view verilog_keywords[] = {"always",
                                                 "and",
                                                 "assign",
                                                 "automatic",
                                                 "begin",
                                                 "buf",
                                                 "bufif0",
                                                 "bufif1",
                                                 "case",
                                                 "casex",
                                                 "casez",
                                                 "cell",
                                                 "cmos",
                                                 "config",
                                                 "deassign",
                                                 "default",
                                                 "defparam",
                                                 "design",
                                                 "disable",
                                                 "edge",
                                                 "else",
                                                 "end",
                                                 "endcase",
                                                 "endconfig",
                                                 "endfunction",
                                                 "endgenerate",
                                                 "endmodule",
                                                 "endprimitive",
                                                 "endspecify",
                                                 "endtable",
                                                 "endtask",
                                                 "event",
                                                 "for",
                                                 "force",
                                                 "forever",
                                                 "fork",
                                                 "function",
                                                 "generate",
                                                 "genvar",
                                                 "highz0",
                                                 "highz1",
                                                 "if",
                                                 "ifnone",
                                                 "incdir",
                                                 "include",
                                                 "initial",
                                                 "inout",
                                                 "input",
                                                 "instance",
                                                 "integer",
                                                 "join",
                                                 "large",
                                                 "liblist",
                                                 "library",
                                                 "localparam",
                                                 "macromodule",
                                                 "medium",
                                                 "module",
                                                 "nand",
                                                 "negedge",
                                                 "nmos",
                                                 "nor",
                                                 "noshowcancelled",
                                                 "not",
                                                 "notif0",
                                                 "notif1",
                                                 "or",
                                                 "output",
                                                 "parameter",
                                                 "pmos",
                                                 "posedge",
                                                 "primitive",
                                                 "pull0",
                                                 "pull1",
                                                 "pulldown",
                                                 "pullup",
                                                 "pulsestyle_ondetect",
                                                 "pulsestyle_onevent",
                                                 "rcmos",
                                                 "real",
                                                 "realtime",
                                                 "reg",
                                                 "release",
                                                 "repeat",
                                                 "rnmos",
                                                 "rpmos",
                                                 "rtran",
                                                 "rtranif0",
                                                 "rtranif1",
                                                 "scalared",
                                                 "showcancelled",
                                                 "signed",
                                                 "small",
                                                 "specify",
                                                 "specparam",
                                                 "strong0",
                                                 "strong1",
                                                 "supply0",
                                                 "supply1",
                                                 "table",
                                                 "task",
                                                 "time",
                                                 "tran",
                                                 "tranif0",
                                                 "tranif1",
                                                 "tri",
                                                 "tri0",
                                                 "tri1",
                                                 "triand",
                                                 "trior",
                                                 "trireg",
                                                 "unsigned",
                                                 "use",
                                                 "uwire",
                                                 "vectored",
                                                 "wait",
                                                 "wand",
                                                 "weak0",
                                                 "weak1",
                                                 "while",
                                                 "wire",
                                                 "wor",
                                                 "xnor",
                                                 "xor"};

bool is_simple_identifier(std::string_view name) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (name.empty() || !letter(name.front())) return false;
  if (!std::all_of(name.begin(), name.end(),
                   [&](char c) { return letter(c) || digit(c) || c == '$'; })) {
    return false;
  }
  return std::find(std::begin(verilog_keywords), std::end(verilog_keywords), name) ==
         std::end(verilog_keywords);
}

/// Any non-empty printable name without white space can be escaped.
bool can_be_identifier(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte < 0x7f;
  });
}

}  // namespace

std::string verilog_identifier(std::string_view name) {
  if (is_simple_identifier(name)) return std::string(name);
  return fmt::format("\\{} ", name);
}

std::string write_verilog(const Aig& aig, std::string_view module_name,
                          std::string_view destination) {
  if (!is_simple_identifier(module_name)) {
    throw InputError(fmt::format("{}: the module name '{}' is no simple Verilog identifier",
                                 destination, module_name));
  }
  const NetlistNames names = netlist_names(aig, destination, "Verilog", can_be_identifier);
  for (const std::string& line : aig.comments()) {
    if (line.find_first_of("\n\r") != std::string::npos) {
      throw InputError(fmt::format("{}: a comment line holds a line break", destination));
    }
  }
  auto operand = [&](Literal literal) {
    if (literal.is_constant()) return std::string(literal.is_complemented() ? "1'b1" : "1'b0");
    const std::string net = verilog_identifier(names.node_net(aig, literal.node()));
    return literal.is_complemented() ? fmt::format("~{}", net) : net;
  };

  std::string text;
  for (const std::string& line : aig.comments())
    text += line.empty() ? "//\n" : fmt::format("// {}\n", line);
  text += fmt::format("module {}(", module_name);
  bool first = true;
  for (const auto* list : {&names.inputs, &names.outputs}) {
    for (const std::string& name : *list) {
      text += first ? "\n    " : ",\n    ";
      text += verilog_identifier(name);
      first = false;
    }
  }
  text += ");\n";
  for (const std::string& name : names.inputs)
    text += fmt::format("  input {};\n", verilog_identifier(name));
  for (const std::string& name : names.outputs)
    text += fmt::format("  output {};\n", verilog_identifier(name));

  const std::vector<bool> live = logic::output_cone(aig);
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_and(node) && live[node])
      text += fmt::format("  wire {};\n", verilog_identifier(names.node_net(aig, node)));
  }
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (!aig.is_and(node) || !live[node]) continue;
    text += fmt::format("  assign {} = {} & {};\n", verilog_identifier(names.node_net(aig, node)),
                        operand(aig.fanin0(node)), operand(aig.fanin1(node)));
  }
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    text += fmt::format("  assign {} = {};\n", verilog_identifier(names.outputs[i]),
                        operand(aig.output(i)));
  }
  text += "endmodule\n";
  return text;
}

void write_verilog_file(const Aig& aig, const std::filesystem::path& path) {
  const std::string stem = path.stem().string();
  const std::string module_name = is_simple_identifier(stem) ? stem : std::string("circuit");
  write_file_atomically(path, write_verilog(aig, module_name, path.string()));
}

}  // namespace rnncc::io
