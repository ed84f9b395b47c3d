// InputError keeps its promise of one line even when the message quotes a
// line break from the input.
#include <doctest/doctest.h>

#include <string>

#include "rnncc/common/error.hpp"

TEST_CASE("an InputError message is one line whatever it quotes") {
  CHECK(std::string(rnncc::InputError("f:3: expected 'true', saw 't\n'").what()) ==
        "f:3: expected 'true', saw 't\\n'");
  CHECK(std::string(rnncc::LimitError("a\r\nb").what()) == "a\\r\\nb");
  CHECK(std::string(rnncc::InputError("plain").what()) == "plain");
}
