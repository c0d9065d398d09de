// The bad-input corpus (test/data/bad/EXPECTED.tsv): every file fails with its exit code and a
// GCC 12 gives a false -Warray-bounds inside nlohmann (JSON_DIAGNOSTICS=1) for JSON built here.
#pragma GCC diagnostic ignored "-Warray-bounds"
// message naming the file and the JSON Pointer; the schema agrees where it can judge.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "models/scenario_io.hpp"
#include "models/schema.hpp"

namespace {

struct Case {
  std::string file;
  int exit_code = 0;
  std::string text;
  std::string schema;
};

std::string bad_dir() {
  return std::string(DRSIM_TEST_DATA) + "/bad/";
}

std::vector<Case> read_manifest() {
  std::ifstream in(bad_dir() + "EXPECTED.tsv");
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream row(line);
    Case c;
    std::string code;
    std::getline(row, c.file, '\t');
    std::getline(row, code, '\t');
    std::getline(row, c.text, '\t');
    std::getline(row, c.schema, '\t');
    c.exit_code = std::stoi(code);
    cases.push_back(c);
  }
  return cases;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

/// The pointer at the front of an expected text: "/a/b: ..." -> "/a/b", "(document): ..." -> "".
std::string pointer_of(const std::string& text) {
  if (text.rfind("(document)", 0) == 0) return "";
  return text.substr(0, text.find(':'));
}

}  // namespace

TEST_CASE("the corpus manifest lists every bad file and only existing ones", "[corpus]") {
  std::vector<Case> cases = read_manifest();
  REQUIRE(cases.size() >= 40);
  std::vector<std::string> listed;
  for (const auto& c : cases) listed.push_back(c.file);
  for (const auto& entry : std::filesystem::directory_iterator(bad_dir())) {
    std::string name = entry.path().filename().string();
    if (name == "EXPECTED.tsv") continue;
    INFO(name);
    CHECK(std::find(listed.begin(), listed.end(), name) != listed.end());
  }
  for (const auto& name : listed) CHECK(std::filesystem::exists(bad_dir() + name));
}

TEST_CASE("each bad file fails with its exit code, file name and pointer", "[corpus]") {
  for (const auto& c : read_manifest()) {
    std::string path = bad_dir() + c.file;
    drsim::LoadResult r = drsim::load_scenario(path);
    INFO(c.file);
    CHECK(static_cast<int>(r.status) == c.exit_code);
    REQUIRE_FALSE(r.errors.empty());
    bool found = false;
    for (const auto& e : r.errors) {
      std::string msg = e.to_string();
      CHECK(msg.rfind(path + ": ", 0) == 0);
      found = found || msg.find(path + ": " + c.text) != std::string::npos;
    }
    if (!found)
      for (const auto& e : r.errors) UNSCOPED_INFO(e.to_string());
    CHECK(found);
  }
}

TEST_CASE("the schema rejects the structural bad files and passes the semantic ones",
          "[corpus][schema]") {
  for (const auto& c : read_manifest()) {
    if (c.schema == "-") continue;
    INFO(c.file);
    nlohmann::json doc = nlohmann::json::parse(read_text(bad_dir() + c.file));
    std::vector<drsim::ScenarioError> errors = drsim::check_against_schema(doc, c.file);
    if (c.schema == "no") {
      for (const auto& e : errors) UNSCOPED_INFO(e.to_string());
      CHECK(errors.empty());
      continue;
    }
    std::string pointer = pointer_of(c.text);
    bool at_pointer = std::any_of(errors.begin(), errors.end(), [&](const auto& e) {
      return pointer.compare(0, e.pointer.size(), e.pointer) == 0;
    });
    for (const auto& e : errors) UNSCOPED_INFO(e.to_string());
    CHECK(at_pointer);
  }
}
