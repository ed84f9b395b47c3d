// libFuzzer harness: `.arith` text through parse_arith. A refusal must be
// one InputError line naming the file; an accepted circuit must survive the
// round trip through format_arith.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "rnncc/common/error.hpp"
#include "rnncc/io/arith_file.hpp"
#include "support/harness.hpp"
#include "support/round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size > fuzz::max_input_bytes) return 0;
  std::optional<arith::Circuit> circuit;
  try {
    circuit.emplace(io::parse_arith(fuzz::text_of(data, size), "fuzz.arith"));
  } catch (const InputError& error) {
    fuzz::check_refusal_message(error.what(), "fuzz.arith");
    return 0;
  }
  fuzz::check_arith_round_trip(*circuit);
  return 0;
}
