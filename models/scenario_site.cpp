#include "models/scenario_parse.hpp"

namespace drsim {
namespace {

using nlohmann::json;

DrLparSpec parse_lpar(const json& v, const std::string& ptr, Diagnostics& d) {
  static const ChoiceTable<bool> owners{{"vendor", true}, {"customer", false}};
  DrLparSpec l;
  l.pointer = ptr;
  ObjectReader r(v, ptr, d,
                 {"name", "owner", "os", "cps", "dedicated", "weight", "capped", "memory", "xstor",
                  "busy_cps", "paging_volumes"});
  r.string("name", l.name, Need::Required);
  r.choice("owner", l.vendor, owners);
  if (r.has("os")) {
    SystemKind os = SystemKind::Zvm;
    size_t before = d.errors().size();
    r.choice("os", os, system_kind_table());
    if (d.errors().size() == before) l.os = os;
  }
  r.integer("cps", l.cps, Bounds{1, 1000}, Need::Required);
  r.boolean("dedicated", l.dedicated);
  r.number("weight", l.weight, Bounds{1, 999});
  r.boolean("capped", l.capped);
  r.unit("memory", units::parse_size, l.memory_bytes, kNonNegative);
  r.unit("xstor", units::parse_size, l.xstor_bytes, kNonNegative);
  r.number("busy_cps", l.busy_cps, Bounds{0, 1000});
  r.integer("paging_volumes", l.paging_volumes, Bounds{0, 100000});
  return l;
}

PlacementSpec parse_placement(const json& v, const std::string& ptr, Diagnostics& d) {
  PlacementSpec p;
  p.pointer = ptr;
  ObjectReader r(
      v, ptr, d,
      {"system", "mode", "lpar", "memory", "xstor", "virtual_cpus", "paging_volumes", "guests"});
  r.string("system", p.system, Need::Required);
  r.choice("mode", p.mode, placement_mode_table(), Need::Required);
  r.string("lpar", p.lpar, Need::Required);
  r.unit("memory", units::parse_size, p.memory_bytes, kPositive);
  r.unit("xstor", units::parse_size, p.xstor_bytes, kNonNegative);
  r.integer("virtual_cpus", p.virtual_cpus, Bounds{1, 1000});
  r.integer("paging_volumes", p.paging_volumes, Bounds{0, 100000});
  r.strings("guests", p.guests);
  bool guest_mode = p.mode == PlacementMode::Guest;
  for (const char* key : {"memory", "xstor", "virtual_cpus", "paging_volumes"}) {
    if (r.has(key) && !guest_mode)
      d.add(r.ptr(key), std::string("does not apply to mode \"") + to_string(p.mode) + "\"",
            "it only with mode \"guest\" (in mode \"lpar\" the LPAR's own values count)");
  }
  if (r.has("guests") && p.mode != PlacementMode::GuestsDirect)
    d.add(r.ptr("guests"), "only applies to mode \"guests-direct\"", "no \"guests\" here");
  return p;
}

void parse_tape(const json& v, const std::string& ptr, Diagnostics& d, TapeSpec& t) {
  static const ChoiceTable<std::string> types{
      {"3590B", "3590B"},   {"3590E", "3590E"},   {"3590H", "3590H"}, {"3592J1A", "3592J1A"},
      {"TS1120", "TS1120"}, {"TS1130", "TS1130"}, {"LTO3", "LTO3"},   {"LTO4", "LTO4"}};
  static const ChoiceTable<MountKind> mounts{{"robot", MountKind::Robot},
                                             {"manual", MountKind::Manual}};
  t.pointer = ptr;
  ObjectReader r(v, ptr, d, {"drives", "drive_type", "rate", "mount", "vts"});
  r.integer("drives", t.drives, Bounds{1, 1000});
  r.choice("drive_type", t.drive_type, types);
  r.unit("rate", units::parse_rate, t.rate_Bps, kPositive);
  r.choice("mount", t.mount, mounts);
  r.boolean("vts", t.vts);
}

VolumeGroupSpec parse_volume(const json& v, const std::string& ptr, Diagnostics& d) {
  static const ChoiceTable<double> models{
      {"3390-3", 2.838e9}, {"3390-9", 8.514e9}, {"3390-27", 27.844e9}, {"3390-54", 55.689e9}};
  VolumeGroupSpec g;
  g.pointer = ptr;
  ObjectReader r(
      v, ptr, d,
      {"name", "system", "count", "model", "size", "ddr", "volumes_per_cartridge", "cartridges"});
  r.string("name", g.name, Need::Required);
  r.string("system", g.system, Need::Required);
  r.integer("count", g.count, Bounds{1, 100000});
  r.choice("model", g.bytes, models);
  r.unit("size", units::parse_size, g.bytes, kPositive);
  r.boolean("ddr", g.ddr);
  r.integer("volumes_per_cartridge", g.per_cartridge, Bounds{1, 1000});
  int cartridges = 0;
  r.integer("cartridges", cartridges, Bounds{1, 100000});
  if (r.has("cartridges") && r.has("volumes_per_cartridge"))
    d.add(r.ptr("cartridges"), "is given with \"volumes_per_cartridge\"",
          "one of \"cartridges\" or \"volumes_per_cartridge\"");
  else if (cartridges > 0)
    g.per_cartridge = (g.count + cartridges - 1) / cartridges;
  if (r.ok() && r.has("model") == r.has("size"))
    d.add(ptr,
          r.has("model") ? "has both \"model\" and \"size\"" : "has neither \"model\" nor \"size\"",
          "exactly one of them: a 3390 model (\"3390-9\") or a size (\"8GB\")");
  return g;
}

TsmRestoreSpec parse_tsm(const json& v, const std::string& ptr, Diagnostics& d) {
  TsmRestoreSpec t;
  t.pointer = ptr;
  ObjectReader r(v, ptr, d, {"guest", "size", "rate"});
  r.string("guest", t.guest, Need::Required);
  r.unit("size", units::parse_size, t.bytes, kPositive, Need::Required);
  r.unit("rate", units::parse_rate, t.rate_Bps, kPositive);
  return t;
}

}  // namespace

void parse_dr_site(const json& v, const std::string& ptr, Diagnostics& d, DrSiteSpec& out) {
  ObjectReader r(v, ptr, d, {"machine", "lpars", "placements", "tape", "networks", "contract"});
  if (!r.ok()) return;
  if (const json* m = r.child("machine"))
    parse_machine(*m, r.ptr("machine"), d, out.machine);
  else
    d.add(r.ptr("machine"), "is missing", "the DR machine (model, cps, ifls)");
  for_each_element(r, "lpars", [&](const json& e, const std::string& p) {
    out.lpars.push_back(parse_lpar(e, p, d));
  });
  for_each_element(r, "placements", [&](const json& e, const std::string& p) {
    out.placements.push_back(parse_placement(e, p, d));
  });
  out.tape.pointer = r.ptr("tape");
  if (const json* t = r.child("tape")) parse_tape(*t, r.ptr("tape"), d, out.tape);
  if (const json* n = r.child("networks"))
    parse_networks(*n, r.ptr("networks"), d, false, out.networks);
  if (const json* c = r.child("contract")) {
    out.contract.emplace();
    parse_contract(*c, r.ptr("contract"), d, *out.contract);
  }
}

void parse_backups(const json& v, const std::string& ptr, Diagnostics& d, BackupSpec& out) {
  ObjectReader r(v, ptr, d, {"volumes", "tsm"});
  for_each_element(r, "volumes", [&](const json& e, const std::string& p) {
    out.volumes.push_back(parse_volume(e, p, d));
  });
  for_each_element(r, "tsm", [&](const json& e, const std::string& p) {
    out.tsm.push_back(parse_tsm(e, p, d));
  });
}

}  // namespace drsim
