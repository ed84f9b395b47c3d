// Errors that name where the input came from.
#pragma once

#include <string>
#include <utility>

#include "rnncc/common/error.hpp"

namespace rnncc::cli {

/// Runs `work` and returns what it returns; an InputError it throws whose
/// message does not already start with `source` is thrown again with
/// "SOURCE: " in front (a LimitError stays a LimitError), so every message
/// names the file or flag it is about.
template <class Work>
decltype(auto) naming_source(const std::string& source, Work&& work) {
  auto named = [&source](const InputError& error) {
    const std::string message = error.what();
    return message.rfind(source, 0) == 0 ? message : source + ": " + message;
  };
  try {
    return std::forward<Work>(work)();
  } catch (const LimitError& error) {
    throw LimitError(named(error));
  } catch (const InputError& error) {
    throw InputError(named(error));
  }
}

}  // namespace rnncc::cli
