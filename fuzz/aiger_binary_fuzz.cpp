// libFuzzer harness: binary AIGER (`aig`) bytes through read_aiger. A
// refusal must be one InputError line naming the file; an accepted circuit
// must survive the round trip through both AIGER encodings.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/io/aiger.hpp"
#include "support/harness.hpp"
#include "support/round_trip.hpp"

namespace {

/// True when the header declares between 2^16 and 2^21 inputs. Inputs take
/// no bytes in a binary file, and the reader accepts up to 2^20 beyond the
/// file's length: legitimate, tested by the reader's own tests, and seconds
/// of work each under the sanitizers, so the fuzzer would spend its time on
/// input counts instead of structure. Counts beyond are still fuzzed (the
/// header check refuses them at once).
bool declares_many_accepted_inputs(std::string_view text) {
  const std::string header(text.substr(0, text.find('\n')).substr(0, 64));
  unsigned long long variables = 0, inputs = 0;
  if (std::sscanf(header.c_str(), "aig %llu %llu", &variables, &inputs) != 2) return false;
  return inputs > (1ULL << 16) && inputs <= (1ULL << 21);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size > fuzz::max_input_bytes) return 0;
  const std::string_view text = fuzz::text_of(data, size);
  if (text.substr(0, 3) != "aig") return 0;  // ASCII files: aiger_ascii_fuzz
  if (declares_many_accepted_inputs(text)) return 0;
  std::optional<logic::Aig> aig;
  try {
    aig.emplace(io::read_aiger(text, "fuzz.aig"));
  } catch (const InputError& error) {
    fuzz::check_refusal_message(error.what(), "fuzz.aig");
    return 0;
  }
  fuzz::check_aiger_round_trip(*aig);
  return 0;
}
