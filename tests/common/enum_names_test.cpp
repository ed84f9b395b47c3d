// The enum-name tables: a name for every value, a value for every name,
// nothing for other text, and the lists error messages show.
#include <doctest/doctest.h>

#include <string>

#include "rnncc/common/enum_names.hpp"

namespace {

enum class Colour { red, green, blue, unlisted };

constexpr rnncc::EnumNames<Colour, 3> colour_names{{
    {Colour::red, "red"},
    {Colour::green, "green"},
    {Colour::blue, "light-blue"},
}};

}  // namespace

TEST_CASE("name_in and parse_in are inverse over a table and refuse what it lacks") {
  static_assert(rnncc::name_in(colour_names, Colour::green) == "green");
  static_assert(rnncc::parse_in(colour_names, "light-blue") == Colour::blue);
  CHECK(rnncc::name_in(colour_names, Colour::red) == "red");
  CHECK(rnncc::name_in(colour_names, Colour::blue) == "light-blue");
  CHECK(rnncc::name_in(colour_names, Colour::unlisted) == "?");
  CHECK(rnncc::parse_in(colour_names, "red") == Colour::red);
  CHECK_FALSE(rnncc::parse_in(colour_names, "blue").has_value());
  CHECK_FALSE(rnncc::parse_in(colour_names, "Red").has_value());
  CHECK_FALSE(rnncc::parse_in(colour_names, "").has_value());
}

TEST_CASE("list_names joins in table order with a separate last separator") {
  CHECK(rnncc::list_names(colour_names) == "red, green, light-blue");
  CHECK(rnncc::list_names(colour_names, ", ", " or ") == "red, green or light-blue");
  constexpr rnncc::EnumNames<Colour, 1> one{{{Colour::red, "red"}}};
  CHECK(rnncc::list_names(one, ", ", " or ") == "red");
  constexpr rnncc::EnumNames<Colour, 2> two{{{Colour::red, "red"}, {Colour::green, "green"}}};
  CHECK(rnncc::list_names(two, ", ", " or ") == "red or green");
}

TEST_CASE("names_are_distinct rejects a repeated name or a repeated value") {
  static_assert(rnncc::names_are_distinct(colour_names));
  constexpr rnncc::EnumNames<Colour, 2> same_name{{{Colour::red, "red"}, {Colour::green, "red"}}};
  constexpr rnncc::EnumNames<Colour, 2> same_value{{{Colour::red, "red"}, {Colour::red, "rot"}}};
  static_assert(!rnncc::names_are_distinct(same_name));
  static_assert(!rnncc::names_are_distinct(same_value));
  CHECK(true);
}
