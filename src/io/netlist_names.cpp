// Port and internal net names for the netlist writers.
#include "netlist_names.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "rnncc/common/error.hpp"

namespace rnncc::io {

namespace {

/// Whether `name` is `prefix` followed by the decimal digits of `position`
/// (no sign, no leading zeros but for 0 itself).
bool is_prefix_and_number(std::string_view name, std::string_view prefix, std::uint32_t position) {
  if (name.substr(0, prefix.size()) != prefix) return false;
  return name.substr(prefix.size()) == std::to_string(position);
}

/// Whether `name` is `prefix` followed by one or more decimal digits.
bool is_prefix_and_digits(std::string_view name, std::string_view prefix) {
  if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) return false;
  const std::string_view rest = name.substr(prefix.size());
  return std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string unnamed_input_placeholder(std::uint32_t position) {
  return fmt::format("_i{}", position);
}

std::string unnamed_output_placeholder(std::uint32_t position) {
  return fmt::format("_o{}", position);
}

bool is_unnamed_input_placeholder(std::string_view name, std::uint32_t position) {
  return is_prefix_and_number(name, "_i", position);
}

bool is_unnamed_output_placeholder(std::string_view name, std::uint32_t position) {
  return is_prefix_and_number(name, "_o", position);
}

bool is_blif_name(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte != 0x7f && c != '#' && c != '\\' && c != '=';
  });
}

std::string NetlistNames::node_net(const logic::Aig& aig, logic::NodeIndex node) const {
  if (aig.is_input(node)) return inputs[aig.input_position(node)];
  return internal_prefix + std::to_string(node);
}

NetlistNames netlist_names(const logic::Aig& aig, std::string_view destination,
                           std::string_view format, PortNameAllowed allowed) {
  NetlistNames names;
  std::unordered_map<std::string, std::string> port_of_name;  // name -> "input 3"
  auto add = [&](std::string_view kind, std::uint32_t position, const std::string& given,
                 std::string placeholder) {
    const std::string port = fmt::format("{} {}", kind, position);
    if (!given.empty() && !allowed(given)) {
      throw InputError(fmt::format("{}: the name '{}' of {} cannot be a {} name", destination,
                                   given, port, format));
    }
    std::string name = given.empty() ? std::move(placeholder) : given;
    const auto [existing, inserted] = port_of_name.emplace(name, port);
    if (!inserted) {
      throw InputError(
          fmt::format("{}: {} and {} are both named '{}', which a {} netlist cannot "
                      "hold (one net per name)",
                      destination, existing->second, port, name, format));
    }
    return name;
  };
  for (std::uint32_t i = 0; i < aig.input_count(); ++i)
    names.inputs.push_back(add("input", i, aig.input_name(i), unnamed_input_placeholder(i)));
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    names.outputs.push_back(add("output", i, aig.output_name(i), unnamed_output_placeholder(i)));

  names.internal_prefix = "_n";
  auto meets_a_port = [&](const std::string& prefix) {
    return std::any_of(port_of_name.begin(), port_of_name.end(), [&](const auto& entry) {
      return is_prefix_and_digits(entry.first, prefix);
    });
  };
  while (meets_a_port(names.internal_prefix))
    names.internal_prefix = fmt::format("_{}", names.internal_prefix);
  return names;
}

}  // namespace rnncc::io
