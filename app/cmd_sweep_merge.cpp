// drsim sweep --merge DIR... --out DIR: joins the shards of one sweep into the files a
// single-machine sweep writes (byte-identical), refusing shards of different sweeps.
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <regex>
#include <sstream>

#include "app/cli.hpp"
#include "app/output_files.hpp"
#include "app/sweep_outputs.hpp"
#include "app/sweep_run.hpp"
#include "app/sweep_setup.hpp"
#include "reports/result_io.hpp"

namespace drsim {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct MergeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Shards {
  std::string sweep_id;
  int of = 0;
  json header, points;
  std::map<int, fs::path> dirs;  ///< shard number -> directory
};

void add_shard(Shards& s, const fs::path& file, const fs::path& dir) {
  json doc;
  if (std::string problem = read_json_file(file.string(), doc); !problem.empty())
    throw MergeError(file.string() + ": " + problem);
  if (!doc.is_object() || !doc.contains("sweep_id") || !doc.contains("header"))
    throw MergeError(file.string() + ": not a drsim sweep shard file");
  std::string id = doc.value("sweep_id", "");
  int k = doc.value("shard", 0), of = doc.value("of", 0);
  if (s.sweep_id.empty()) {
    s.sweep_id = id;
    s.of = of;
    s.header = doc.at("header");
    s.points = doc.value("points", json::array());
  } else if (id != s.sweep_id || of != s.of) {
    throw MergeError(file.string() + ": a shard of another sweep (sweep_id " + id.substr(0, 12) +
                     ", " + std::to_string(of) + " shards; the first shard read has " +
                     s.sweep_id.substr(0, 12) + ", " + std::to_string(s.of) + " shards)");
  }
  auto [it, fresh] = s.dirs.emplace(k, dir);
  if (!fresh && fs::weakly_canonical(it->second) != fs::weakly_canonical(dir))
    throw MergeError("shard " + std::to_string(k) + " is in both " + it->second.string() + " and " +
                     dir.string());
}

Shards read_shards(const std::vector<std::string>& dirs) {
  static const std::regex name(R"(shard-([0-9]+)-of-([0-9]+)\.json)");
  Shards s;
  for (const auto& d : dirs) {
    std::error_code ec;
    if (!fs::is_directory(d, ec)) throw MergeError(d + ": not a directory");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(d, ec))
      if (std::regex_match(e.path().filename().string(), name)) files.push_back(e.path());
    if (files.empty())
      throw MergeError(d + ": no shard file (shard-K-of-N.json): not a --shard output");
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_shard(s, f, d);
  }
  std::string missing;
  for (int k = 1; k <= s.of; ++k)
    if (!s.dirs.contains(k)) missing += (missing.empty() ? "" : ", ") + std::to_string(k);
  if (!missing.empty())
    throw MergeError("shard(s) " + missing + " of " + std::to_string(s.of) + " missing");
  return s;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw MergeError(p.string() + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void copy_point(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (fs::exists(to, ec) && fs::equivalent(from, to, ec)) return;
  for (const char* f : {"scenario.json", "timeline.html", "result.json", "point.json"})
    drsim::write_file_atomic((to / f).string(), read_all(from / f));
}

}  // namespace

int cmd_sweep_merge(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (!o.out_dir || !o.files.empty()) {
    err << "drsim sweep: --merge takes shard directories and --out DIR (no scenario)\n";
    return 2;
  }
  fs::path dir(*o.out_dir);
  try {
    Shards s = read_shards(o.merge);
    std::vector<json> records;
    for (const auto& rec : s.points) {
      int k = rec.at("index").get<int>() % s.of + 1;
      std::string id = rec.at("id").get<std::string>();
      fs::path from = s.dirs.at(k) / "points" / id;
      if (!point_done(from, rec.at("key").get<std::string>()))
        throw MergeError("point " + id + " is not finished in shard " + std::to_string(k) + " (" +
                         s.dirs.at(k).string() + "): run that shard again");
      copy_point(from, dir / "points" / id);
      records.push_back(rec);
    }
    write_sweep_outputs(dir, s.header, records);
    if (!o.quiet)
      out << "drsim sweep: merged " << s.of << " shards, " << records.size() << " points into "
          << dir.string() << "\n";
  } catch (const std::exception& e) {
    err << "drsim sweep: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace drsim
