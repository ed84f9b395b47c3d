// Architecture names: canonical spellings round-trip, others are rejected
// with one line that lists the accepted names.
#include <doctest/doctest.h>

#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/word/bit_vector.hpp"
#include "word_harness.hpp"

using namespace rnncc::word;

TEST_CASE("prefix architecture names") {
  CHECK(name_of(PrefixArchitecture::ripple) == "ripple");
  CHECK(name_of(PrefixArchitecture::sklansky) == "sklansky");
  CHECK(name_of(PrefixArchitecture::brent_kung) == "brent-kung");
  CHECK(name_of(PrefixArchitecture::kogge_stone) == "kogge-stone");
  CHECK(name_of(PrefixArchitecture::ladner_fischer) == "ladner-fischer");
  for (PrefixArchitecture architecture : rnncc::test::all_prefix_architectures) {
    CHECK(parse_prefix_architecture(name_of(architecture)) == architecture);
  }
}

TEST_CASE("multiplier architecture names") {
  CHECK(name_of(MultiplierArchitecture::array) == "array");
  CHECK(name_of(MultiplierArchitecture::wallace) == "wallace");
  CHECK(name_of(MultiplierArchitecture::dadda) == "dadda");
  for (MultiplierArchitecture architecture : rnncc::test::all_multiplier_architectures) {
    CHECK(parse_multiplier_architecture(name_of(architecture)) == architecture);
  }
}

TEST_CASE("unknown names throw InputError naming every accepted name on one line") {
  try {
    parse_prefix_architecture("kogge_stone");
    FAIL("no error");
  } catch (const rnncc::InputError& error) {
    const std::string message = error.what();
    CHECK(message.find('\n') == std::string::npos);
    CHECK(message.find("kogge_stone") != std::string::npos);
    for (const char* name : {"ripple", "sklansky", "brent-kung", "kogge-stone", "ladner-fischer"}) {
      CHECK(message.find(name) != std::string::npos);
    }
  }
  try {
    parse_multiplier_architecture("Wallace");
    FAIL("no error");
  } catch (const rnncc::InputError& error) {
    const std::string message = error.what();
    CHECK(message.find('\n') == std::string::npos);
    for (const char* name : {"array", "wallace", "dadda"}) {
      CHECK(message.find(name) != std::string::npos);
    }
  }
  CHECK_THROWS_AS(parse_prefix_architecture(""), rnncc::InputError);
}
