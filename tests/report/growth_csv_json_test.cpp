// CSV and JSON read back (an RFC 4180 reader here, nlohmann for JSON) to the
// values the series were built from.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "rnncc/common/error.hpp"
#include "rnncc/report/growth_csv.hpp"
#include "rnncc/report/growth_json.hpp"
#include "sample_series.hpp"
#include "support/abc.hpp"

using namespace rnncc;
using namespace rnncc::report;

namespace {

/// RFC 4180 records: fields split at commas outside quotes, "" inside quotes.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
    } else if (c == '\n') {
      record.push_back(field);
      field.clear();
      records.push_back(record);
      record.clear();
    } else {
      field += c;
    }
  }
  REQUIRE_FALSE(quoted);
  REQUIRE(field.empty());
  REQUIRE(record.empty());
  return records;
}

std::uint64_t to_integer(const std::string& text) {
  REQUIRE_FALSE(text.empty());
  char* end = nullptr;
  std::uint64_t value = std::strtoull(text.c_str(), &end, 10);
  REQUIRE(*end == '\0');
  return value;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("CSV: header, one row per point, every value read back exactly") {
  const std::vector<GrowthSeries> all = test::sample_series();
  test::TemporaryDirectory directory;
  write_growth_csv(directory / "growth.csv", all);
  auto records = parse_csv(read_text(directory / "growth.csv"));
  REQUIRE(records.size() == 1 + 4 * 7);
  const std::vector<std::string> header = {
      "model",         "family",    "schedule",    "format",          "T",         "ands",
      "depth",         "opt_depth", "arith_depth", "mult_depth",      "max_width", "precision_bits",
      "bits_observed", "brent_16",  "brent_256",   "compile_seconds", "peak_bytes"};
  CHECK(records[0] == header);
  std::size_t row = 1;
  for (const GrowthSeries& series : all) {
    for (const GrowthPoint& point : series.points) {
      const std::vector<std::string>& r = records[row++];
      REQUIRE(r.size() == header.size());
      CHECK(r[0] == series.model);
      CHECK(r[1] == series.family);
      CHECK(r[2] == series.schedule);
      CHECK(r[3] == series.format);
      CHECK(to_integer(r[4]) == point.length);
      CHECK(to_integer(r[5]) == point.ands);
      CHECK(to_integer(r[6]) == point.depth);
      CHECK(to_integer(r[7]) == point.optimized_depth);
      if (point.arithmetic_depth) {
        CHECK(to_integer(r[8]) == *point.arithmetic_depth);
      } else {
        CHECK(r[8].empty());
      }
      if (point.multiplicative_depth) {
        CHECK(to_integer(r[9]) == *point.multiplicative_depth);
      } else {
        CHECK(r[9].empty());
      }
      CHECK(to_integer(r[10]) == point.max_width);
      CHECK(to_integer(r[11]) == point.precision_bits);
      if (point.bits_observed == 0) {
        CHECK(r[12].empty());
      } else {
        CHECK(to_integer(r[12]) == point.bits_observed);
      }
      CHECK(to_integer(r[13]) == point.brent_16);
      CHECK(to_integer(r[14]) == point.brent_256);
      CHECK(std::strtod(r[15].c_str(), nullptr) == point.compile_seconds);
      CHECK(to_integer(r[16]) == point.peak_bytes);
    }
  }
}

TEST_CASE("JSON: points read back exactly — analyses carry class, expectation and verdict") {
  const std::vector<GrowthSeries> all = test::sample_series();
  test::TemporaryDirectory directory;
  ReportContext context;
  context.notes = {"scan of lstm skipped: nonlinear family"};
  write_growth_json(directory / "growth.json", all, context);
  nlohmann::json document = nlohmann::json::parse(read_text(directory / "growth.json"));
  CHECK(document["notes"][0] == context.notes[0]);
  REQUIRE(document["series"].size() == all.size());
  for (std::size_t s = 0; s < all.size(); ++s) {
    const nlohmann::json& series = document["series"][s];
    CHECK(series["model"] == all[s].model);
    CHECK(series["family"] == all[s].family);
    CHECK(series["schedule"] == all[s].schedule);
    CHECK(series["format"] == all[s].format);
    REQUIRE(series["points"].size() == all[s].points.size());
    for (std::size_t p = 0; p < all[s].points.size(); ++p) {
      const nlohmann::json& json = series["points"][p];
      const GrowthPoint& point = all[s].points[p];
      CHECK(json["T"].get<std::uint64_t>() == point.length);
      CHECK(json["ands"].get<std::uint64_t>() == point.ands);
      CHECK(json["depth"].get<std::uint32_t>() == point.depth);
      CHECK(json["opt_depth"].get<std::uint32_t>() == point.optimized_depth);
      if (point.arithmetic_depth) {
        CHECK(json["arith_depth"].get<std::uint32_t>() == *point.arithmetic_depth);
        CHECK(json["mult_depth"].get<std::uint32_t>() == *point.multiplicative_depth);
      } else {
        CHECK(json["arith_depth"].is_null());
        CHECK(json["mult_depth"].is_null());
      }
      CHECK(json["max_width"].get<std::uint64_t>() == point.max_width);
      CHECK(json["precision_bits"].get<std::uint64_t>() == point.precision_bits);
      if (point.bits_observed == 0) {
        CHECK_FALSE(json.contains("bits_observed"));
      } else {
        CHECK(json["bits_observed"].get<std::uint64_t>() == point.bits_observed);
      }
      CHECK(json["brent_16"].get<std::uint64_t>() == point.brent_16);
      CHECK(json["brent_256"].get<std::uint64_t>() == point.brent_256);
      CHECK(json["compile_seconds"].get<double>() == point.compile_seconds);
      CHECK(json["peak_bytes"].get<std::uint64_t>() == point.peak_bytes);
    }
  }
  // Classes designed into the sample series (see sample_series.hpp).
  auto analysis = [&](std::size_t s, const std::string& measure) {
    for (const nlohmann::json& entry : document["series"][s]["analysis"])
      if (entry["measure"] == measure) return entry;
    FAIL("no analysis of " << measure);
    return nlohmann::json();
  };
  CHECK(analysis(0, "depth")["class"] == "log");
  CHECK(analysis(0, "depth")["expected"] == "log");
  CHECK(analysis(0, "depth")["verdict"] == "match");
  CHECK(analysis(0, "ands")["class"] == "linear");
  const nlohmann::json log_fit = analysis(0, "depth")["fits"][0];
  CHECK(log_fit["basis"] == "log T");
  CHECK(log_fit["slope"].get<double>() == doctest::Approx(12.0));
  CHECK(log_fit["intercept"].get<double>() == doctest::Approx(5.0));
  CHECK(analysis(1, "depth")["class"] == "linear");
  CHECK(analysis(1, "mult_depth")["verdict"] == "match");
  CHECK(analysis(2, "depth")["verdict"] == "match");
  for (const nlohmann::json& entry : document["series"][2]["analysis"])
    CHECK(entry["measure"] != "arith_depth");  // the table schedule has no word depth
  CHECK(analysis(3, "depth")["class"] == "log");
  CHECK(analysis(3, "depth")["expected"] == "linear");
  CHECK(analysis(3, "depth")["verdict"] == "mismatch");
}

TEST_CASE("writers leave no file behind when the directory does not exist") {
  test::TemporaryDirectory directory;
  const std::filesystem::path missing = directory / "missing" / "growth.csv";
  CHECK_THROWS_AS(write_growth_csv(missing, test::sample_series()), InputError);
  CHECK_FALSE(std::filesystem::exists(missing));
}
