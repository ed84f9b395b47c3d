#include "rnncc/common/resource_usage.hpp"

#include <malloc.h>

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

bool reset_peak_resident_bytes() {
  malloc_trim(0);
  std::ofstream clear("/proc/self/clear_refs");
  if (!clear) return false;
  clear << "5";  // 5: reset the peak resident set size
  clear.flush();
  return static_cast<bool>(clear);
}

}  // namespace rnncc
