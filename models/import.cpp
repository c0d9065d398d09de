// drsim import: parse every input, then build the scenario when no input has an error.

#include "models/import.hpp"

#include "models/import_build.hpp"

namespace drsim::import {

ImportResult import_scenario(const ImportInputs& in) {
  ImportResult r;
  Parsed p;
  p.dir = parse_directory(in.directory, r.messages);
  p.config = parse_system_config(in.system_config, r.messages);
  p.iocp = parse_iocp(in.iocp, r.messages);
  if (in.autolog) {
    p.autolog = parse_autolog(*in.autolog, r.messages);
    p.autolog_path = in.autolog->path;
    for (const auto& [pos, text] : p.autolog->other) r.messages.not_used(pos, text);
  }
  if (in.dr_iocp) p.dr_iocp = parse_iocp(*in.dr_iocp, r.messages);
  if (in.dr_system_config) p.dr_config = parse_system_config(*in.dr_system_config, r.messages);
  if (in.tiers) p.tiers = parse_tiers(*in.tiers, r.messages);
  if (r.messages.has_errors()) return r;
  Site s = build_production(p, r.messages);
  if (r.messages.has_errors()) return r;
  r.json = scenario_json(p, s, in, r.messages);
  return r;
}

}  // namespace drsim::import
