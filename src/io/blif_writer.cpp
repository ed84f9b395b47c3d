// BLIF writer: one `.names` cover per AND, one buffer or inverter per output.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "netlist_names.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/blif.hpp"
#include "rnncc/logic/cleanup.hpp"

namespace rnncc::io {

namespace {

using logic::Aig;
using logic::Literal;
using logic::NodeIndex;

/// Appends `keyword` and the names, eight to a line, continued with `\`.
void put_name_list(std::string& text, std::string_view keyword,
                   const std::vector<std::string>& names) {
  text += keyword;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0 && i % 8 == 0) text += " \\\n";
    text += ' ';
    text += names[i];
  }
  text += '\n';
}

}  // namespace

std::string write_blif(const Aig& aig, std::string_view model_name, std::string_view destination) {
  if (!is_blif_name(model_name)) {
    throw InputError(
        fmt::format("{}: the model name '{}' cannot be a BLIF name", destination, model_name));
  }
  const NetlistNames names = netlist_names(aig, destination, "BLIF", is_blif_name);
  for (const std::string& line : aig.comments()) {
    if (line.find_first_of("\n\r") != std::string::npos) {
      throw InputError(fmt::format("{}: a comment line holds a line break", destination));
    }
  }
  std::string text;
  for (const std::string& line : aig.comments())
    text += line.empty() ? "#\n" : fmt::format("# {}\n", line);
  text += fmt::format(".model {}\n", model_name);
  put_name_list(text, ".inputs", names.inputs);
  put_name_list(text, ".outputs", names.outputs);

  const std::vector<bool> live = logic::output_cone(aig);
  auto polarity = [](Literal literal) { return literal.is_complemented() ? '0' : '1'; };
  bool constant_used = false;
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (!aig.is_and(node) || !live[node]) continue;
    const Literal a = aig.fanin0(node);
    const Literal b = aig.fanin1(node);
    constant_used = constant_used || a.is_constant() || b.is_constant();
    text += fmt::format(".names {} {} {}\n{}{} 1\n", names.node_net(aig, a.node()),
                        names.node_net(aig, b.node()), names.node_net(aig, node), polarity(a),
                        polarity(b));
  }
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    const Literal literal = aig.output(i);
    constant_used = constant_used || literal.is_constant();
    text += fmt::format(".names {} {}\n{} 1\n", names.node_net(aig, literal.node()),
                        names.outputs[i], polarity(literal));
  }
  // The constant false: a cover with no cube.
  if (constant_used) text += fmt::format(".names {}\n", names.node_net(aig, 0));
  text += ".end\n";
  return text;
}

void write_blif_file(const Aig& aig, const std::filesystem::path& path) {
  const std::string stem = path.stem().string();
  const std::string text =
      write_blif(aig, is_blif_name(stem) ? stem : std::string("circuit"), path.string());
  write_file_atomically(path, text);
}

}  // namespace rnncc::io
