// The DR site of an import. LPARs and placements: one customer LPAR per production system,
// sized like production (the vendor's promise is not in any file). Networks: the DR IOCP's IQD
// CHPIDs with production's CHPID numbers, the DR SYSTEM CONFIG's VSWITCH RDEVs and
// controllers; without DR files, production's definitions.

#include "models/import_build_dr.hpp"

#include <algorithm>

namespace drsim::import {
namespace {

using J = nlohmann::ordered_json;

std::string dr_lpar_name(const SiteSystem& x) {
  if (x.row && x.row->get("dr_lpar")) return upper(*x.row->get("dr_lpar"));
  return x.name;
}

J lpars(const Parsed& p, const Site& s, Messages& msgs) {
  J out = J::array();
  std::vector<std::string> placed;
  for (const auto& x : s.systems) {
    J l{{"name", dr_lpar_name(x)}, {"owner", "customer"}, {"cps", 1}};
    copy_cell(l, x.row, "cpus", "cps");
    copy_cell(l, x.row, "dedicated", "dedicated");
    l["memory"] = x.row && x.row->get("memory") ? *x.row->get("memory") : "8GB";
    copy_cell(l, x.row, "xstor", "xstor");
    if (x.kind == "zvm") copy_cell(l, x.row, "paging_volumes", "paging_volumes");
    placed.push_back(l["name"].get<std::string>());
    out.push_back(l);
  }
  if (p.dr_iocp)
    for (const auto& part : p.dr_iocp->partitions)
      if (std::find(placed.begin(), placed.end(), part.name) == placed.end())
        msgs.not_used(part.pos, "partition " + part.name +
                                    " (no production system is placed there; a vendor LPAR goes "
                                    "in dr_site.lpars by hand)");
  return out;
}

std::vector<std::string> controllers(const Site& s, const ConfigVswitch& v) {
  if (v.controller != "*") return {v.controller};
  std::vector<std::string> out;
  for (const auto& g : s.guests)
    if (g.entry->vswitch_iucv) out.push_back(g.name);
  return out;
}

void mark_chpid(const Iocp& io, unsigned id) {
  for (const auto& ch : io.chpids)
    if (ch.id == id) ch.used = true;
  for (const auto& cu : io.control_units)
    for (const auto& pth : cu.paths)
      if (pth.second == id) {
        cu.used = true;
        for (const auto& d : io.devices)
          if (std::find(d.control_units.begin(), d.control_units.end(), cu.number) !=
              d.control_units.end())
            d.used = true;
      }
}

J hipersockets(const Parsed& p, const Site& s, Messages& msgs, bool& change) {
  J out = J::array();
  for (const auto& h : s.hipersockets) {
    if (!p.dr_iocp) {
      out.push_back({{"name", h.name}, {"chpid", h.chpid}, {"devices", h.devices}});
      continue;
    }
    unsigned id = *parse_hex(h.chpid, 2);
    const IocpChpid* ch = p.dr_iocp->chpid(id);
    auto first = ch && ch->type == "IQD" ? p.dr_iocp->first_device_of(id) : std::nullopt;
    if (!first) {
      msgs.warning({p.dr_iocp->path, 0},
                   "no IQD CHPID " + h.chpid + " with devices for production's Hipersocket " +
                       h.name + ": drsim check reports missing-hipersockets",
                   p.iocp.chpid(id) ? p.iocp.chpid(id)->pos : Pos{p.iocp.path, 0});
      continue;
    }
    mark_chpid(*p.dr_iocp, id);
    change = change || hex4(*first) != h.devices;
    out.push_back({{"name", h.name}, {"chpid", h.chpid}, {"devices", hex4(*first)}});
  }
  return out;
}

/// The DR uplink device of production VSWITCH `v`, or nothing (with a warning).
std::optional<unsigned> dr_uplink(const Parsed& p, const SiteVswitch& v,
                                  const std::string& prod_dev, Messages& msgs) {
  unsigned prod = *parse_hex(prod_dev);
  std::optional<unsigned> dev = prod;
  Pos at{p.dr_iocp ? p.dr_iocp->path : "", 0};
  if (p.dr_config) {
    const ConfigVswitch* dv = p.dr_config->vswitch(v.name);
    if (!dv || dv->rdevs.empty()) {
      msgs.warning({p.dr_config->path, 0}, "no DEFINE VSWITCH " + v.name + " with an RDEV at DR",
                   p.config.vswitch(v.name)->pos);
      return std::nullopt;
    }
    dev = dv->rdevs.front();
    at = dv->pos;
  }
  if (p.dr_iocp) {
    auto chs = p.dr_iocp->reaching(*dev, "");
    auto osd =
        std::find_if(chs.begin(), chs.end(), [](const IocpChpid* c) { return c->type == "OSD"; });
    if (osd == chs.end()) {
      msgs.warning(at,
                   "VSWITCH " + v.name + " uplink " + hex4(*dev) + ": no OSD CHPID of " +
                       p.dr_iocp->path + " reaches it" +
                       (p.dr_config ? "" : " (give --dr-system-config with the DR RDEV)"),
                   Pos{p.dr_iocp->path, 0});
      return std::nullopt;
    }
    mark_chpid(*p.dr_iocp, (*osd)->id);
  }
  return dev;
}

J networks(const Parsed& p, const Site& s, Messages& msgs, bool& change) {
  J net;
  net["hipersockets"] = hipersockets(p, s, msgs, change);
  net["osas"] = J::array();
  net["vswitches"] = J::array();
  for (const auto& v : s.vswitches) {
    auto osa = std::find_if(s.osas.begin(), s.osas.end(),
                            [&](const SiteOsa& o) { return o.name == v.osa; });
    auto dev = dr_uplink(p, v, osa->devices, msgs);
    if (dev) {
      change = change || hex4(*dev) != osa->devices;
      net["osas"].push_back({{"name", osa->name}, {"devices", hex4(*dev)}});
    }
    const ConfigVswitch* dv = p.dr_config ? p.dr_config->vswitch(v.name) : nullptr;
    if (p.dr_config && !dv) continue;
    net["vswitches"].push_back(
        {{"name", v.name}, {"controllers", dv ? controllers(s, *dv) : v.controllers}});
  }
  return net;
}

}  // namespace

void copy_cell(nlohmann::ordered_json& out, const TiersRow* row, const std::string& col,
               const std::string& key) {
  if (row == nullptr) return;
  const std::string* v = row->get(col);
  if (v == nullptr) return;
  if (col == "critical" || col == "dedicated")
    out[key] = *v == "true";
  else if (col == "cpus" || col == "paging_volumes" || col == "cps" || col == "ifls" ||
           col == "volumes")
    out[key] = std::stoi(*v);
  else if (col == "steady_cpu" || col == "engine_mips")
    out[key] = std::stod(*v);
  else
    out[key] = *v;
}

DrResult build_dr(const Parsed& p, const Site& s, Messages& msgs,
                  std::vector<std::string>& review) {
  DrResult r;
  std::string model = p.dr_iocp ? machine_model(p.dr_iocp->machine_type) : s.model;
  const TiersRow* row = p.tiers.find("DR-MACHINE");
  if (!row) row = p.tiers.find("MACHINE");
  if (const TiersRow* d = p.tiers.find("DR-MACHINE")) d->used = true;
  if (const TiersRow* m = p.tiers.find("MACHINE")) m->used = true;
  J m{{"model", model.empty() ? "unknown" : model}, {"cps", 1}, {"ifls", 0}};
  copy_cell(m, row, "cps", "cps");
  copy_cell(m, row, "ifls", "ifls");
  copy_cell(m, row, "engine_mips", "engine_mips");
  r.json["machine"] = m;
  r.json["lpars"] = lpars(p, s, msgs);
  r.json["placements"] = J::array();
  for (const auto& x : s.systems)
    r.json["placements"].push_back(
        {{"system", x.name}, {"mode", "lpar"}, {"lpar", dr_lpar_name(x)}});
  r.json["tape"] = {{"drives", 4}, {"drive_type", "TS1120"}, {"mount", "robot"}};
  r.json["networks"] = networks(p, s, msgs, r.devices_change);
  review.push_back(
      "the DR machine, LPARs, placements and tape drives (copied from production; "
      "replace with what the vendor promised)");
  if (p.dr_iocp) report_unused_iocp(*p.dr_iocp, msgs);
  if (p.dr_config) {
    for (const auto& o : p.dr_config->other) msgs.not_used(o.pos, o.text);
    for (const auto& l : p.dr_config->lans)
      msgs.not_used(l.pos, "DEFINE LAN " + l.name + ": guest LANs are not modelled");
  }
  if (!p.dr_iocp && !p.dr_config)
    r.comment =
        "No DR files were given: the DR side is a copy of production (same LPARs, "
        "devices and controllers); fill in what the vendor promised and run drsim check.";
  else
    r.comment =
        std::string("DR networks come from ") + (p.dr_iocp ? "the DR IOCP" : "production's IOCP") +
        (p.dr_config ? " and the DR SYSTEM CONFIG." : " (VSWITCH controllers as in production).");
  return r;
}

}  // namespace drsim::import
