#include "rnncc/common/resource_usage.hpp"

#include <fstream>
#include <string>

namespace rnncc {

namespace {

std::uint64_t status_field_bytes(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) {
      return std::stoull(line.substr(field.size() + 1)) * 1024;  // reported in kB
    }
  }
  return 0;
}

}  // namespace

std::uint64_t peak_resident_bytes() {
  return status_field_bytes("VmHWM");
}
std::uint64_t current_resident_bytes() {
  return status_field_bytes("VmRSS");
}

}  // namespace rnncc
