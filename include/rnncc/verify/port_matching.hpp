// Which inputs and outputs of two circuits correspond.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::verify {

/// For every input (output) of the first circuit, the input (output) of the
/// second circuit it corresponds to.
struct PortMatching {
  std::vector<std::uint32_t> second_input;
  std::vector<std::uint32_t> second_output;
  bool inputs_by_name = false;
  bool outputs_by_name = false;
};

/// Matches inputs by name when every input of both circuits has a name,
/// else by position; outputs likewise, independently of the inputs. Throws
/// InputError (one line naming `first_name` / `second_name`) when the
/// counts differ, a name appears twice in one circuit, or a name of one
/// circuit is missing from the other.
PortMatching match_ports(const logic::Aig& first, const logic::Aig& second,
                         std::string_view first_name, std::string_view second_name);

}  // namespace rnncc::verify
