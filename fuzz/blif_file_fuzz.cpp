// libFuzzer harness: BLIF bytes through read_blif. A refusal must be one
// InputError line naming the file; an accepted circuit must survive the
// round trip through write_blif (the circuit read back equals it, and
// writing and reading again reach a fixed point) and through both AIGER
// encodings.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/io/blif.hpp"
#include "support/circuit_difference.hpp"
#include "support/harness.hpp"
#include "support/round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size > fuzz::max_input_bytes) return 0;
  const std::string_view text = fuzz::text_of(data, size);
  std::optional<logic::Aig> aig;
  try {
    aig.emplace(io::read_blif(text, "fuzz.blif"));
  } catch (const InputError& error) {
    fuzz::check_refusal_message(error.what(), "fuzz.blif");
    return 0;
  }
  // Names the reader accepts that a BLIF net cannot carry (the writer's
  // refusal) are a finding too: what rnncc reads it must be able to write.
  std::string written;
  try {
    written = io::write_blif(*aig, "fuzz", "written.blif");
  } catch (const InputError& error) {
    fuzz::report_finding(std::string("the writer refuses a circuit the reader accepted: ") +
                         error.what());
  }
  std::optional<logic::Aig> read;
  try {
    read.emplace(io::read_blif(written, "written.blif"));
  } catch (const InputError& error) {
    fuzz::report_finding(std::string("the reader refuses the BLIF the writer wrote: ") +
                         error.what());
  }
  if (std::optional<std::string> difference = fuzz::boolean_difference(*aig, *read)) {
    fuzz::report_finding("a BLIF round trip changed the circuit: " + *difference);
  }
  // Internal nets are named by node index, so the first text still shows
  // the gaps of logic no output uses; from the circuit read back on,
  // writing and reading must reach a fixed point.
  const std::string rewritten = io::write_blif(*read, "fuzz", "written.blif");
  if (io::write_blif(io::read_blif(rewritten, "rewritten.blif"), "fuzz", "written.blif") !=
      rewritten) {
    fuzz::report_finding("writing the circuit read back from BLIF twice gives different text");
  }
  fuzz::check_aiger_round_trip(*aig);
  return 0;
}
