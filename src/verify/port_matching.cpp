#include "rnncc/verify/port_matching.hpp"

#include <fmt/format.h>

#include <functional>
#include <string>
#include <unordered_map>

#include "rnncc/common/error.hpp"

namespace rnncc::verify {

namespace {

/// Names of one kind of port (inputs or outputs) of one circuit.
struct PortNames {
  std::string_view circuit;
  std::uint32_t count;
  std::function<const std::string&(std::uint32_t)> name;

  bool all_named() const {
    for (std::uint32_t i = 0; i < count; ++i)
      if (name(i).empty()) return false;
    return true;
  }
  std::unordered_map<std::string, std::uint32_t> positions(std::string_view kind) const {
    std::unordered_map<std::string, std::uint32_t> result;
    for (std::uint32_t i = 0; i < count; ++i) {
      if (!result.emplace(name(i), i).second)
        throw InputError(fmt::format("{}: {} name '{}' appears twice", circuit, kind, name(i)));
    }
    return result;
  }
};

std::vector<std::uint32_t> match(const PortNames& first, const PortNames& second,
                                 std::string_view kind, bool& by_name) {
  if (first.count != second.count) {
    throw InputError(fmt::format("{} has {} {}s but {} has {}", first.circuit, first.count, kind,
                                 second.circuit, second.count));
  }
  std::vector<std::uint32_t> matched(first.count);
  by_name = first.count > 0 && first.all_named() && second.all_named();
  if (!by_name) {
    for (std::uint32_t i = 0; i < first.count; ++i)
      matched[i] = i;
    return matched;
  }
  first.positions(kind);  // refuses duplicate names in the first circuit
  const auto second_positions = second.positions(kind);
  for (std::uint32_t i = 0; i < first.count; ++i) {
    auto found = second_positions.find(first.name(i));
    if (found == second_positions.end()) {
      throw InputError(fmt::format("{}: {} '{}' has no {} of that name in {}", first.circuit, kind,
                                   first.name(i), kind, second.circuit));
    }
    matched[i] = found->second;
  }
  return matched;
}

}  // namespace

PortMatching match_ports(const logic::Aig& first, const logic::Aig& second,
                         std::string_view first_name, std::string_view second_name) {
  PortMatching matching;
  matching.second_input =
      match(PortNames{first_name, first.input_count(),
                      [&](std::uint32_t i) -> const std::string& { return first.input_name(i); }},
            PortNames{second_name, second.input_count(),
                      [&](std::uint32_t i) -> const std::string& { return second.input_name(i); }},
            "input", matching.inputs_by_name);
  matching.second_output =
      match(PortNames{first_name, first.output_count(),
                      [&](std::uint32_t i) -> const std::string& { return first.output_name(i); }},
            PortNames{second_name, second.output_count(),
                      [&](std::uint32_t i) -> const std::string& { return second.output_name(i); }},
            "output", matching.outputs_by_name);
  return matching;
}

}  // namespace rnncc::verify
