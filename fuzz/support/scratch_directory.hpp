// A directory of this process's own under /dev/shm (memory, not disk) for
// harnesses whose reader takes a path.
#pragma once

#include <filesystem>
#include <string_view>

namespace rnncc::fuzz {

/// `/dev/shm/rnncc-fuzz-PID`, created on first use and removed at exit
/// (tools/fuzz.sh removes it after a crash, which skips the exit handler).
const std::filesystem::path& scratch_directory();

/// Writes `bytes` to `name` in the scratch directory (replacing it) and
/// returns its path. Aborts if the file cannot be written: that is the
/// harness's failure, not the reader's.
std::filesystem::path write_scratch_file(std::string_view name, std::string_view bytes);

/// Removes `name` from the scratch directory if it is there.
void remove_scratch_file(std::string_view name);

}  // namespace rnncc::fuzz
