#include "app/sweep_setup.hpp"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "models/scenario_io.hpp"
#include "models/sweep_file.hpp"
#include "models/text_guard.hpp"

namespace drsim {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string read_text(const std::string& path, std::string& text) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return "is a directory";
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open";
  std::ostringstream buf;
  buf << in.rdbuf();
  text = buf.str();
  if (text.size() > kMaxFileBytes) return "file is too large";
  return {};
}

/// "NAME=PATCH.json" or "NAME={...}" (an inline patch).
int parse_option_arg(const std::string& arg, SweepOption& opt, std::ostream& err) {
  size_t eq = arg.find('=');
  if (eq == std::string::npos) {
    err << "drsim sweep: --option \"" << arg << "\" is not NAME=PATCH.json or NAME={...}\n";
    return 2;
  }
  opt.name = arg.substr(0, eq);
  std::string rest = arg.substr(eq + 1), problem;
  if (!rest.empty() && rest[0] == '{') {
    if (!parse_json_text(rest, opt.patch, problem)) {
      err << "drsim sweep: --option " << opt.name << ": the patch is not JSON (" << problem
          << ")\n";
      return 2;
    }
  } else if (!(problem = read_json_file(rest, opt.patch)).empty()) {
    err << "drsim sweep: --option " << opt.name << ": " << rest << ": " << problem << "\n";
    return 2;
  }
  if (std::string bad = check_option(opt); !bad.empty()) {
    err << "drsim sweep: --option: " << bad << "\n";
    return 2;
  }
  return 0;
}

int load_base(const std::string& path, const std::vector<std::string>& sets, SweepSetup& out,
              std::ostream& err) {
  LoadResult lr = load_scenario(path, sets);
  if (lr.status == LoadStatus::Unreadable) {
    for (const auto& e : lr.errors) err << e.to_string() << "\n";
    return 2;
  }
  // an invalid base is fine as long as every point (base + patch + settings) is valid
  out.scenario_file = path;
  out.scenario_sha256 = lr.sha256;
  out.base = lr.document;
  return 0;
}

int from_sweep_file(const CliOptions& o, const std::string& path, const json& doc, SweepSetup& out,
                    std::ostream& err) {
  Diagnostics d(path);
  SweepFile f = parse_sweep_file(doc, d);
  fs::path dir = fs::path(path).parent_path();
  auto near = [&](const std::string& p) {
    return fs::path(p).is_absolute() ? p : (dir / p).string();
  };
  for (const auto& o2 : f.options) {
    SweepOption opt{o2.name, o2.patch};
    if (o2.file) {
      std::string problem = read_json_file(near(*o2.file), opt.patch);
      if (!problem.empty()) d.add(o2.pointer + "/file", near(*o2.file) + ": " + problem);
    }
    out.spec.options.push_back(opt);
  }
  if (!d.empty()) {
    for (const auto& e : d.errors()) err << e.to_string() << "\n";
    return 1;
  }
  std::vector<std::string> sets = f.sets;
  sets.insert(sets.end(), o.sets.begin(), o.sets.end());
  if (int rc = load_base(near(f.scenario), sets, out, err)) return rc;
  out.spec.axes = f.axes;
  out.spec.seed = f.seed.value_or(o.seed);
  out.spec.replications = f.replications.value_or(o.replications);
  return 0;
}

}  // namespace

std::string read_json_file(const std::string& path, json& out) {
  std::string text, problem = read_text(path, text);
  if (!problem.empty()) return problem;
  if (!parse_json_text(text, out, problem)) return "not JSON: " + problem;
  return {};
}

int setup_sweep(const CliOptions& o, SweepSetup& out, std::ostream& err) {
  if (o.files.size() != 1) {
    err << "drsim sweep: give one SCENARIO.json or SWEEP.json (or --merge DIR... --out DIR)\n";
    return 2;
  }
  const std::string& path = o.files[0];
  json doc;
  if (std::string problem = read_json_file(path, doc); !problem.empty()) {
    err << path << ": " << problem << "\n";
    return 2;
  }
  if (is_sweep_file(doc)) {
    if (int rc = from_sweep_file(o, path, doc, out, err)) return rc;
  } else {
    if (int rc = load_base(path, o.sets, out, err)) return rc;
    out.spec.seed = o.seed;
    out.spec.replications = o.replications;
  }
  for (const auto& arg : o.vary) {
    std::string error;
    auto axis = parse_vary(arg, error);
    if (!axis) {
      err << "drsim sweep: " << error << "\n";
      return 2;
    }
    out.spec.axes.push_back(*axis);
  }
  for (const auto& arg : o.options) {
    SweepOption opt;
    if (int rc = parse_option_arg(arg, opt, err)) return rc;
    for (const auto& known : out.spec.options)
      if (known.name == opt.name) {
        err << "drsim sweep: option " << opt.name << " is given twice\n";
        return 2;
      }
    out.spec.options.push_back(opt);
  }
  return 0;
}

}  // namespace drsim
