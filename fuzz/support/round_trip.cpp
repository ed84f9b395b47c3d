#include "support/round_trip.hpp"

#include <optional>
#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/io/arith_file.hpp"
#include "support/circuit_difference.hpp"
#include "support/harness.hpp"

namespace rnncc::fuzz {

void check_aiger_round_trip(const logic::Aig& aig) {
  for (io::AigerFormat format : {io::AigerFormat::ascii, io::AigerFormat::binary}) {
    const char* format_name = format == io::AigerFormat::ascii ? "ASCII" : "binary";
    const std::string written = io::write_aiger(aig, format);
    std::optional<logic::Aig> read;
    try {
      read.emplace(io::read_aiger(written, "written"));
    } catch (const InputError& error) {
      report_finding(std::string("the reader refuses the ") + format_name +
                     " AIGER the writer wrote: " + error.what());
    }
    if (std::optional<std::string> difference = boolean_difference(aig, *read)) {
      report_finding(std::string("an ") + format_name +
                     " AIGER round trip changed the circuit: " + *difference);
    }
    if (io::write_aiger(*read, format) != written) {
      report_finding(std::string("writing the circuit read back from ") + format_name +
                     " AIGER gives different bytes");
    }
  }
}

void check_arith_round_trip(const arith::Circuit& circuit) {
  const std::string written = io::format_arith(circuit);
  std::optional<arith::Circuit> read;
  try {
    read.emplace(io::parse_arith(written, "written"));
  } catch (const InputError& error) {
    report_finding(std::string("the reader refuses the .arith text the writer wrote: ") +
                   error.what());
  }
  if (std::optional<std::string> difference = word_level_difference(circuit, *read)) {
    report_finding("an .arith round trip changed the circuit: " + *difference);
  }
  if (io::format_arith(*read) != written) {
    report_finding("formatting the circuit read back from .arith gives different text");
  }
}

}  // namespace rnncc::fuzz
