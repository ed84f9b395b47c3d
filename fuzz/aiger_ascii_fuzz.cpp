// libFuzzer harness: ASCII AIGER (`aag`) bytes through read_aiger. A refusal
// must be one InputError line naming the file; an accepted circuit must
// survive the round trip through both AIGER encodings.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "rnncc/common/error.hpp"
#include "rnncc/io/aiger.hpp"
#include "support/harness.hpp"
#include "support/round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size > fuzz::max_input_bytes) return 0;
  const std::string_view text = fuzz::text_of(data, size);
  if (text.substr(0, 3) == "aig") return 0;  // binary files: aiger_binary_fuzz
  std::optional<logic::Aig> aig;
  try {
    aig.emplace(io::read_aiger(text, "fuzz.aag"));
  } catch (const InputError& error) {
    fuzz::check_refusal_message(error.what(), "fuzz.aag");
    return 0;
  }
  fuzz::check_aiger_round_trip(*aig);
  return 0;
}
