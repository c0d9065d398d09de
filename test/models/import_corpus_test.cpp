// The malformed-input corpus of drsim import (test/data/import/bad/EXPECTED.tsv): each file
// replaces one story input and must give its FILE:LINE message and exit code.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "models/import.hpp"

using namespace drsim::import;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

SourceText file(const std::string& dir, const std::string& name) {
  return {name, slurp(std::string(DRSIM_TEST_DATA) + "/import/" + dir + "/" + name)};
}

}  // namespace

TEST_CASE("each malformed import input gives its FILE:LINE message", "[import]") {
  std::istringstream manifest(slurp(std::string(DRSIM_TEST_DATA) + "/import/bad/EXPECTED.tsv"));
  std::string line;
  int cases = 0;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    REQUIRE(t2 != std::string::npos);
    std::string name = line.substr(0, t1), want = line.substr(t2 + 1);
    int exit_code = std::stoi(line.substr(t1 + 1, t2 - t1 - 1));
    ImportInputs in;
    in.directory = file("story", "user.direct");
    in.system_config = file("story", "system.config");
    in.iocp = file("story", "prod.iocp");
    in.autolog = file("story", "autolog1.exec");
    in.tiers = file("story", "tiers.csv");
    SourceText bad = file("bad", name);
    std::string ext = name.substr(name.rfind('.') + 1);
    if (ext == "direct") in.directory = bad;
    if (ext == "config") in.system_config = bad;
    if (ext == "iocp") in.iocp = bad;
    if (ext == "exec") in.autolog = bad;
    if (ext == "csv") in.tiers = bad;
    ImportResult r = import_scenario(in);
    INFO(name);
    CHECK((r.messages.has_errors() ? 1 : 0) == exit_code);
    CHECK(r.json.empty() == (exit_code == 1));
    bool found = false;
    for (const auto& m : r.messages.items()) found = found || m.to_string().rfind(want, 0) == 0;
    CHECK(found);
    ++cases;
  }
  CHECK(cases >= 15);
}
