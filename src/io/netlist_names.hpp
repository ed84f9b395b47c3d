// The net names a netlist writer (BLIF, Verilog) gives an AIG: one per input
// and output, and one per node for the internal nets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::io {

/// The name written for the unnamed input (output) at `position`: `_i<k>`
/// (`_o<k>`). A reader turns exactly that name at that position back into
/// no name.
std::string unnamed_input_placeholder(std::uint32_t position);
std::string unnamed_output_placeholder(std::uint32_t position);

/// Whether `name`, read as the name of the input (output) at `position`, is
/// the placeholder a writer gave an unnamed one.
bool is_unnamed_input_placeholder(std::string_view name, std::uint32_t position);
bool is_unnamed_output_placeholder(std::string_view name, std::uint32_t position);

/// Net names for `aig`: ports by position (the circuit's names, or the
/// placeholders), and `internal_prefix` + node index for the constant (node
/// 0) and every AND node. The prefix is `_n` with as many more leading
/// underscores as it takes for no port name to be the prefix followed by
/// digits, so internal nets never meet a port.
struct NetlistNames {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::string internal_prefix;

  /// The net that carries `node`'s value (uncomplemented).
  std::string node_net(const logic::Aig& aig, logic::NodeIndex node) const;
};

/// Whether `name` can be a BLIF net name: a token of bytes above the space
/// (UTF-8 included) other than DEL, `#`, `\` and `=` (which `.subckt` and
/// `.gate` use), not starting with `.` (a dot command). The BLIF writer
/// refuses other port names and the reader refuses them too, so what one
/// reads the other can write.
bool is_blif_name(std::string_view name);

/// Whether a format can hold a port name.
using PortNameAllowed = bool (*)(std::string_view name);

/// The names of `aig`'s nets in a `format` file (e.g. "BLIF") written to
/// `destination`. Throws InputError naming the destination and the port
/// when a name is refused by `allowed`, or when two ports (inputs and
/// outputs together) would share one name, which a netlist cannot hold.
NetlistNames netlist_names(const logic::Aig& aig, std::string_view destination,
                           std::string_view format, PortNameAllowed allowed);

}  // namespace rnncc::io
