// libFuzzer harness: instance files (one JSON object per line, the input of
// rnncc score) through read_instance_file. A refusal must be one InputError
// line naming the file; an accepted file must give instances that have
// steps and a label and whose line numbers increase within the file, that
// one and two parsing threads read alike (or refuse with the same line),
// and that survive a round trip through format_instances unchanged.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/io/instance_file.hpp"
#include "support/harness.hpp"
#include "support/scratch_directory.hpp"

namespace {

using rnncc::io::Instance;

struct Outcome {
  std::vector<Instance> instances;
  std::optional<std::string> refusal;
};

Outcome read_with(const std::filesystem::path& path, unsigned threads) {
  Outcome outcome;
  try {
    outcome.instances = rnncc::io::read_instance_file(path, threads);
  } catch (const rnncc::InputError& error) {
    rnncc::fuzz::check_refusal_message(error.what(), path.string());
    outcome.refusal = error.what();
  }
  return outcome;
}

bool same_instance(const Instance& left, const Instance& right) {
  return left.tokens == right.tokens && left.vectors == right.vectors &&
         left.label == right.label && left.label_is_list == right.label_is_list &&
         left.meta == right.meta;
}

void check_instances(const std::vector<Instance>& instances, std::size_t line_count) {
  using rnncc::fuzz::report_finding;
  std::size_t previous_line = 0;
  for (const Instance& instance : instances) {
    if (instance.length() == 0) report_finding("an accepted instance without steps");
    if (!instance.tokens.empty() && instance.has_vectors())
      report_finding("an accepted instance with both tokens and vectors");
    if (instance.label.empty()) report_finding("an accepted instance without a label");
    if (instance.line <= previous_line || instance.line > line_count)
      report_finding("an instance line number out of order or beyond the file");
    previous_line = instance.line;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size > fuzz::max_input_bytes) return 0;
  const std::string_view text = fuzz::text_of(data, size);
  const std::filesystem::path path = fuzz::write_scratch_file("fuzz.jsonl", text);
  const Outcome serial = read_with(path, 1);
  const Outcome parallel = read_with(path, 2);
  if (serial.refusal != parallel.refusal)
    fuzz::report_finding("one and two parsing threads disagree on refusing the file");
  if (serial.refusal) return 0;
  if (serial.instances.size() != parallel.instances.size())
    fuzz::report_finding("one and two parsing threads read different instance counts");
  for (std::size_t index = 0; index < serial.instances.size(); ++index) {
    if (!same_instance(serial.instances[index], parallel.instances[index]) ||
        serial.instances[index].line != parallel.instances[index].line)
      fuzz::report_finding("one and two parsing threads read different instances");
  }
  std::size_t line_count = 1;
  for (char character : text)
    line_count += character == '\n' ? 1 : 0;
  check_instances(serial.instances, line_count);

  const std::filesystem::path written =
      fuzz::write_scratch_file("round_trip.jsonl", io::format_instances(serial.instances));
  const Outcome again = read_with(written, 1);
  if (again.refusal)
    fuzz::report_finding("the written instance file is refused: " + *again.refusal);
  if (again.instances.size() != serial.instances.size())
    fuzz::report_finding("the round trip changed the number of instances");
  for (std::size_t index = 0; index < serial.instances.size(); ++index) {
    if (!same_instance(serial.instances[index], again.instances[index]))
      fuzz::report_finding("the round trip changed an instance");
  }
  return 0;
}
