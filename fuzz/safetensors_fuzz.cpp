// libFuzzer harness: safetensors bytes through parse_safetensors. A refusal
// must be one InputError line naming the file; accepted tensors must hold as
// many values as their shapes say.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <numeric>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/io/safetensors.hpp"
#include "support/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size > fuzz::max_input_bytes) return 0;
  std::vector<io::Tensor> tensors;
  try {
    tensors = io::parse_safetensors(fuzz::text_of(data, size), "fuzz.safetensors");
  } catch (const InputError& error) {
    fuzz::check_refusal_message(error.what(), "fuzz.safetensors");
    return 0;
  }
  std::size_t total_bytes = 0;
  for (const io::Tensor& tensor : tensors) {
    const std::size_t count = std::accumulate(tensor.shape.begin(), tensor.shape.end(),
                                              std::size_t{1}, std::multiplies<>());
    if (tensor.values.size() != count) {
      fuzz::report_finding("a tensor holds a different number of values than its shape says");
    }
    total_bytes += count * io::size_of(tensor.type);
  }
  if (total_bytes > size) fuzz::report_finding("the tensors hold more bytes than the file");
  return 0;
}
