#include <CLI/CLI.hpp>
#include <fstream>
#include <ostream>
#include <sstream>

#include "app/cli.hpp"
#include "app/output_files.hpp"
#include "models/import.hpp"
#include "models/scenario_io.hpp"
#include "reports/result_io.hpp"

namespace drsim {
namespace {

std::optional<import::SourceText> read_source(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream ss;
  ss << f.rdbuf();
  if (f.bad()) return std::nullopt;
  return import::SourceText{path, ss.str()};
}

struct Counts {
  int errors = 0, warnings = 0, not_used = 0;
};

Counts print_messages(const import::Messages& msgs, std::ostream& err) {
  Counts c;
  for (const auto& m : msgs.sorted()) {
    err << m.to_string() << "\n";
    if (m.kind == import::MessageKind::Error) ++c.errors;
    if (m.kind == import::MessageKind::Warning) ++c.warnings;
    if (m.kind == import::MessageKind::NotUsed) ++c.not_used;
  }
  return c;
}

}  // namespace

void add_import_command(CLI::App& app, CliOptions& o) {
  auto* imp = app.add_subcommand(
      "import", "write a scenario from USER DIRECT, SYSTEM CONFIG, AUTOLOG1 and IOCP files");
  imp->add_option("--directory", o.import.directory, "z/VM user directory source (USER DIRECT)")
      ->required();
  imp->add_option("--system-config", o.import.system_config, "z/VM SYSTEM CONFIG")->required();
  imp->add_option("--autolog", o.import.autolog, "AUTOLOG1 PROFILE EXEC (XAUTOLOG order)");
  imp->add_option("--iocp", o.import.iocp, "production IOCP input")->required();
  imp->add_option("--dr-iocp", o.import.dr_iocp, "the DR machine's IOCP input");
  imp->add_option("--dr-system-config", o.import.dr_system_config, "SYSTEM CONFIG used at DR");
  imp->add_option("--tiers", o.import.tiers, "CSV of what the files cannot know (docs/import.md)");
  imp->add_option("--out", o.import.out, "scenario JSON to write")->required();
  imp->add_flag("--quiet", o.quiet, "no summary on stdout");
}

/// Reads the files, prints every message (errors, warnings, statements not used) to stderr,
/// validates the scenario and writes it atomically. Exit: 0 written, 1 an input is malformed
/// (nothing written), 2 a file cannot be read or written.
int cmd_import(const CliOptions& o, std::ostream& out, std::ostream& err) {
  const ImportOptions& io = o.import;
  import::ImportInputs in;
  auto need = [&](const std::string& path, import::SourceText& into) {
    auto s = read_source(path);
    if (!s) err << "drsim import: " << path << ": cannot read the file\n";
    if (s) into = *s;
    return s.has_value();
  };
  auto maybe = [&](const std::optional<std::string>& path,
                   std::optional<import::SourceText>& into) {
    if (!path) return true;
    into.emplace();
    return need(*path, *into);
  };
  bool ok = need(io.directory, in.directory) & need(io.system_config, in.system_config) &
            need(io.iocp, in.iocp) & maybe(io.autolog, in.autolog) & maybe(io.dr_iocp, in.dr_iocp) &
            maybe(io.dr_system_config, in.dr_system_config) & maybe(io.tiers, in.tiers);
  if (!ok) return 2;
  import::ImportResult r = import::import_scenario(in);
  Counts c = print_messages(r.messages, err);
  if (c.errors > 0 || r.json.empty()) {
    err << "drsim import: " << c.errors << (c.errors == 1 ? " error" : " errors")
        << "; nothing written\n";
    return 1;
  }
  LoadResult check = load_scenario_text(r.json, io.out);
  if (check.status != LoadStatus::Ok) {
    for (const auto& e : check.errors) err << e.to_string() << "\n";
    err << "drsim import: the imported scenario does not validate; nothing written\n";
    return 1;
  }
  try {
    drsim::write_file_atomic(io.out, r.json);
  } catch (const std::exception& e) {
    err << "drsim import: " << e.what() << "\n";
    return 2;
  }
  if (!o.quiet)
    out << io.out << ": " << check.scenario.production.systems.size() << " systems, "
        << check.scenario.production.guests.size() << " guests; " << c.warnings
        << (c.warnings == 1 ? " warning, " : " warnings, ") << c.not_used
        << " statements not used; the description lists what to review\n";
  return 0;
}

}  // namespace drsim
