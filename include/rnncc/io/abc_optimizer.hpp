// ABC (Berkeley's logic synthesis system) as an external optimiser, the way
// Yosys uses it: the circuit goes to ABC as binary AIGER, a script of ABC
// commands runs on it, and the result is read back with the original's
// names and comments.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "rnncc/logic/aig.hpp"

namespace rnncc::io {

/// The default script: structural hashing, then ABC's two depth-oriented
/// rewriting scripts. `&` commands only, which stay fast on circuits
/// thousands of levels deep.
inline constexpr std::string_view default_abc_script = "&st; &syn2; &dc2";

/// The ABC executable: $RNNCC_ABC when set, else `berkeley-abc` (Debian's
/// name) or `abc` on $PATH; std::nullopt when there is none.
std::optional<std::filesystem::path> find_abc();

/// An optimised circuit and how ABC got there.
struct AbcOptimization {
  logic::Aig circuit;  ///< same inputs and outputs, in order, with the original's names
  double seconds = 0;  ///< the ABC process, writing and reading included
  std::string log;     ///< what ABC printed
};

/// Runs `script` (ABC commands separated by ';', applied to the circuit
/// read by `&r`; the result is taken with `&w`) on `circuit` in a temporary
/// directory. Throws InputError with one line when ABC fails, prints an
/// error, or returns a circuit with other input or output counts.
AbcOptimization optimize_with_abc(const logic::Aig& circuit, std::string_view script,
                                  const std::filesystem::path& abc);

}  // namespace rnncc::io
