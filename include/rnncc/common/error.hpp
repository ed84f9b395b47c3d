// Errors that rnncc reports to its user.
#pragma once

#include <stdexcept>
#include <string>

namespace rnncc {

/// `message` on one line: each line feed or carriage return (which a
/// message may quote from a file) is written as the escape `\n` or `\r`.
std::string one_line(const std::string& message);

/// Bad input: a malformed file, an impossible size, a width that cannot hold
/// a value. `what()` is one line naming the source, the place (line or byte)
/// and what was expected; the command-line tool prints it and exits with 2.
/// Line breaks the message quotes from the input are escaped (one_line).
class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(one_line(message)) {}
};

/// A resource limit that would be exceeded. Checked before allocating; the
/// message names the amount that would have been needed. Exit status 2.
class LimitError : public InputError {
 public:
  explicit LimitError(const std::string& message) : InputError(message) {}
};

}  // namespace rnncc
