// Instance files: hand-written lines read as written, a round trip keeps
// every field, malformed lines give one line naming the file and line.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "rnncc/common/error.hpp"
#include "rnncc/io/instance_file.hpp"

using namespace rnncc;

namespace {

std::filesystem::path written(const std::string& text) {
  static int counter = 0;
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("rnncc_instances_" + std::to_string(counter++) + ".jsonl");
  std::ofstream(path) << text;
  return path;
}

std::string error_of(const std::string& text) {
  const std::filesystem::path path = written(text);
  try {
    io::read_instance_file(path);
  } catch (const InputError& error) {
    std::filesystem::remove(path);
    return error.what();
  }
  std::filesystem::remove(path);
  return "";
}

}  // namespace

TEST_CASE("hand-written instances read as written") {
  const std::filesystem::path path = written(
      "{\"tokens\": \"ab\", \"label\": 1}\n"
      "\n"
      "{\"tokens\": [\"p3\", \"p17\"], \"label\": [2, \"-1/3\"], \"meta\": {\"x\": 1}}\r\n"
      "{\"vectors\": [[1, \"1/2\"], [0, -4]], \"label\": \"123456789012345678901234567890\"}\n");
  const std::vector<io::Instance> instances = io::read_instance_file(path);
  std::filesystem::remove(path);
  REQUIRE(instances.size() == 3);
  CHECK(instances[0].tokens == std::vector<std::string>{"a", "b"});
  CHECK(instances[0].label == std::vector<mpq_class>{1});
  CHECK_FALSE(instances[0].label_is_list);
  CHECK(instances[0].line == 1);
  CHECK(instances[1].tokens == std::vector<std::string>{"p3", "p17"});
  CHECK(instances[1].label == std::vector<mpq_class>{2, mpq_class(-1, 3)});
  CHECK(instances[1].label_is_list);
  CHECK(instances[1].meta == "{\"x\":1}");
  CHECK(instances[1].line == 3);
  REQUIRE(instances[2].vectors.size() == 2);
  CHECK(instances[2].vectors[0] == std::vector<mpq_class>{1, mpq_class(1, 2)});
  CHECK(instances[2].vectors[1] == std::vector<mpq_class>{0, -4});
  CHECK(instances[2].label.front() == mpq_class(mpz_class("123456789012345678901234567890")));
  CHECK(instances[2].length() == 2);
}

TEST_CASE("writing then reading gives the same instances") {
  std::vector<io::Instance> instances(3);
  instances[0].tokens = {"(", ")", "\""};  // a quote: written as a list
  instances[0].label = {0};
  instances[1].tokens = {"p1", "p119"};
  instances[1].label = {1, mpq_class(5, 7)};
  instances[1].label_is_list = true;
  instances[1].meta = "{\"product\":[0,1]}";
  instances[2].vectors = {{mpq_class(mpz_class("99999999999999999999999")), -1}, {0, 2}};
  instances[2].label = {mpq_class(-3, 4)};
  const std::filesystem::path path = written(io::format_instances(instances));
  const std::vector<io::Instance> read = io::read_instance_file(path);
  std::filesystem::remove(path);
  REQUIRE(read.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(read[i].tokens == instances[i].tokens);
    CHECK(read[i].vectors == instances[i].vectors);
    CHECK(read[i].label == instances[i].label);
    CHECK(read[i].label_is_list == instances[i].label_is_list);
    CHECK(read[i].meta == instances[i].meta);
  }
  CHECK(io::format_instances({instances[0]}).find("\"tokens\":[") != std::string::npos);
}

TEST_CASE("malformed lines are refused naming the file and line") {
  const auto refused = [](const std::string& text, const std::string& expected) {
    const std::string message = error_of(text);
    INFO(message);
    CHECK(message.find(".jsonl:2: ") != std::string::npos);
    CHECK(message.find(expected) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  };
  const std::string good = "{\"tokens\": \"a\", \"label\": 0}\n";
  refused(good + "{\"tokens\": \"a\"\n", "not a JSON object");
  refused(good + "[1, 2]\n", "expected a JSON object");
  refused(good + "{\"tokens\": \"a\", \"label\": 0, \"colour\": 1}\n", "unknown key 'colour'");
  refused(good + "{\"tokens\": \"a\", \"vectors\": [[1]], \"label\": 0}\n", "exactly one of");
  refused(good + "{\"label\": 0}\n", "exactly one of");
  refused(good + "{\"tokens\": \"\", \"label\": 0}\n", "at least one step");
  refused(good + "{\"tokens\": \"a\"}\n", "missing \"label\"");
  refused(good + "{\"tokens\": \"a\", \"label\": 0.5}\n", "expected an integer");
  refused(good + "{\"tokens\": \"a\", \"label\": []}\n", "empty list");
  refused(good + "{\"tokens\": [\"a\", 3], \"label\": 0}\n", "non-empty strings");
  refused(good + "{\"vectors\": [[1, 2], [3]], \"label\": 0}\n", "step 2 has 1 values");
  refused(good + "{\"vectors\": [[1, \"x\"]], \"label\": 0}\n", "expected an integer");
  refused(good + "{\"tokens\": \"a\", \"label\": 0, \"meta\": 3}\n", "\"meta\" must be");
  // A number beyond a double makes the JSON parser throw a range error.
  refused(good + "{\"tokens\": \"a\", \"label\": 0, \"meta\": {\"n\": 1e400}}\n",
          "a JSON object whose numbers fit a double (number overflow parsing '1e400')");
}

TEST_CASE("a directory is not an instance file") {
  CHECK_THROWS_AS(io::read_instance_file(std::filesystem::temp_directory_path()), InputError);
}
