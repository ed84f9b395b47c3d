#include "support/harness.hpp"

#include <cstdio>
#include <cstdlib>

namespace rnncc::fuzz {

void report_finding(std::string_view what) {
  std::fprintf(stderr, "rnncc fuzz finding: %.*s\n", static_cast<int>(what.size()), what.data());
  std::fflush(stderr);
  std::abort();
}

void check_refusal_message(std::string_view message, std::string_view source) {
  const std::string quoted = "'" + std::string(message) + "'";
  if (message.empty()) report_finding("an InputError with an empty message");
  if (message.find('\n') != std::string_view::npos) {
    report_finding("an InputError message of more than one line: " + quoted);
  }
  if (message.substr(0, source.size()) != source) {
    report_finding("an InputError message that does not start with the file name '" +
                   std::string(source) + "': " + quoted);
  }
}

}  // namespace rnncc::fuzz
