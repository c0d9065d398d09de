// Production from the parsed files: the IOCP's partitions become the systems (the SYSTEM
// CONFIG's LPAR is the z/VM), the directory's users that AUTOLOG1 starts become its guests,
// NICDEFs to a VSWITCH and DEDICATEd Hipersocket devices become their needs, DEFINE VSWITCH
// becomes the VSWITCH with its OSA uplink and controllers, IQD CHPIDs become Hipersockets.

#include <algorithm>

#include "models/import_build.hpp"

namespace drsim::import {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string find_zvm(const Parsed& p, Messages& msgs) {
  for (const auto& [lpar, pos] : p.config.lpar_ids)
    if (p.iocp.has_partition(lpar)) return lpar;
  for (const auto& [name, pos] : p.config.sysnames)
    if (p.iocp.has_partition(name)) return name;
  for (const auto& r : p.tiers.rows)
    if (r.get("kind") && *r.get("kind") == "zvm" && p.iocp.has_partition(r.name)) return r.name;
  std::string parts;
  for (const auto& x : p.iocp.partitions) parts += (parts.empty() ? "" : ", ") + x.name;
  msgs.error({p.config.path, 0},
             "SYSTEM CONFIG names no partition of " + p.iocp.path + " (" + parts + ")",
             "SYSTEM_IDENTIFIER LPAR lparname sysname with an LPAR of the IOCP's RESOURCE");
  return "";
}

void add_systems(const Parsed& p, Site& s) {
  for (const auto& part : p.iocp.partitions) {
    SiteSystem sys{part.name, part.name == s.zvm ? "zvm" : "zos", p.tiers.find(part.name)};
    if (sys.row) sys.row->used = true;
    if (sys.row && sys.row->get("kind")) sys.kind = *sys.row->get("kind");
    if (!sys.row || !sys.row->get("memory"))
      s.review.push_back(sys.name +
                         "'s memory, CPs and criticality (the LPAR's activation "
                         "profile, not in the files)");
    if (!sys.row && sys.name != s.zvm) s.review.push_back(sys.name + " is z/OS (assumed)");
    s.systems.push_back(sys);
  }
}

std::vector<const DirEntry*> chosen_users(const Parsed& p, Messages& msgs) {
  std::vector<const DirEntry*> out;
  for (const auto& e : p.dir.entries) {
    if (e.profile) continue;
    bool started = false;
    if (p.autolog) {
      for (const auto& a : p.autolog->entries) started = started || a.userid == e.name;
    } else {
      started = effective_ipl(p.dir, e).has_value();
    }
    if (started) {
      out.push_back(&e);
    } else {
      msgs.not_used(e.pos, "USER " + e.name + " and its statements (" +
                               (p.autolog ? "not started by " + p.autolog_path
                                          : std::string("no IPL statement")) +
                               ")");
    }
  }
  if (p.autolog)
    for (const auto& a : p.autolog->entries)
      if (p.dir.find(a.userid, false) == nullptr)
        msgs.warning(a.pos, "XAUTOLOG " + a.userid + ": no USER " + a.userid + " in the directory",
                     Pos{p.dir.entries.empty() ? "" : p.dir.entries.front().pos.file, 0});
  return out;
}

void read_nics(const Parsed& p, const std::vector<DirNic>& nics, SiteGuest& g, Messages& msgs) {
  for (const auto& n : nics) {
    std::string tag = "NICDEF " + hex4(n.vdev);
    if (n.lan_name.empty()) {
      msgs.not_used(n.pos, tag + " is not coupled to a LAN or VSWITCH");
    } else if (n.lan_owner != "SYSTEM") {
      msgs.not_used(n.pos, tag + " LAN " + n.lan_owner + " " + n.lan_name +
                               ": a user-owned guest LAN is not modelled");
    } else if (const ConfigVswitch* v = p.config.vswitch(n.lan_name)) {
      if (g.vswitch && *g.vswitch != v->name)
        msgs.not_used(n.pos, tag + ": a second VSWITCH " + v->name + " (a guest has one uplink)");
      else
        g.vswitch = v->name;
    } else if (p.config.lan(n.lan_name) != nullptr) {
      msgs.not_used(n.pos, tag + " LAN SYSTEM " + n.lan_name + ": guest LANs are not modelled");
    } else {
      Pos other{p.config.path,
                p.config.vswitches.empty() ? 0 : p.config.vswitches.front().pos.line};
      std::string have;
      for (const auto& v : p.config.vswitches) have += (have.empty() ? "" : ", ") + v.name;
      msgs.warning(n.pos,
                   tag + " LAN SYSTEM " + n.lan_name +
                       ": SYSTEM CONFIG defines no VSWITCH or LAN " + n.lan_name +
                       (have.empty() ? "" : " (it defines " + have + ")"),
                   other);
    }
  }
}

void read_dedicates(const Parsed& p, const Site& s, const std::vector<DirDedicate>& ds,
                    SiteGuest& g, Messages& msgs) {
  for (const auto& d : ds) {
    std::string tag = "DEDICATE " + hex4(d.vdev) + " " + hex4(d.rdev);
    auto chs = p.iocp.reaching(d.rdev, s.zvm);
    if (chs.empty()) {
      const IocpDevice* dev = p.iocp.device(d.rdev);
      msgs.warning(d.pos,
                   tag + ": no CHPID of " + p.iocp.path + " reaches device " + hex4(d.rdev) +
                       " from partition " + s.zvm,
                   dev ? dev->pos : Pos{p.iocp.path, 0});
      continue;
    }
    const IocpChpid* ch = chs.front();
    ch->used = true;
    if (const IocpDevice* dev = p.iocp.device(d.rdev)) dev->used = true;
    for (const auto& cu : p.iocp.control_units)
      for (const auto& pth : cu.paths)
        if (pth.second == ch->id) cu.used = true;
    if (ch->type == "IQD") {
      g.hipersocket = "HS" + hex2(ch->id);
    } else {
      msgs.not_used(d.pos, tag + ": a dedicated " + ch->type +
                               " device (only Hipersocket devices of guests are modelled)");
    }
  }
}

SiteGuest make_guest(const Parsed& p, const Site& s, const DirEntry& e, Messages& msgs) {
  SiteGuest g;
  g.name = e.name;
  g.entry = &e;
  auto ipl = effective_ipl(p.dir, e);
  g.kind = ipl && !ipl_is_cms(*ipl) ? "linux" : "cms";
  const DirEntry* prof = e.include.empty() ? nullptr : p.dir.find(e.include, true);
  if (prof) read_nics(p, prof->nics, g, msgs);
  read_nics(p, e.nics, g, msgs);
  if (prof) read_dedicates(p, s, prof->dedicates, g, msgs);
  read_dedicates(p, s, e.dedicates, g, msgs);
  for (const auto& o : e.other) msgs.not_used(o.pos, o.text + " (in USER " + e.name + ")");
  g.row = p.tiers.find(g.name);
  if (g.row) {
    g.row->used = true;
    if (const auto* k = g.row->get("kind")) g.kind = *k;
  }
  return g;
}

void add_vswitches(const Parsed& p, Site& s, Messages& msgs) {
  for (const auto& v : p.config.vswitches) {
    if (v.rdevs.empty()) {
      msgs.warning(v.pos, "VSWITCH " + v.name +
                              " has no RDEV: drsim models a VSWITCH with an OSA "
                              "uplink, so its guests' NICs are not a need");
      for (auto& g : s.guests)
        if (g.vswitch == v.name) g.vswitch.reset();
      continue;
    }
    SiteVswitch out{v.name, "OSA" + hex4(v.rdevs.front()), {}};
    if (v.controller == "*") {
      for (const auto& g : s.guests)
        if (g.entry->vswitch_iucv) out.controllers.push_back(g.name);
    } else {
      out.controllers.push_back(v.controller);
    }
    if (out.controllers.empty())
      msgs.warning(v.pos,
                   "VSWITCH " + v.name + ": no started guest has IUCV *VSWITCH to control it",
                   Pos{p.dir.entries.empty() ? "" : p.dir.entries.front().pos.file, 0});
    auto chs = p.iocp.reaching(v.rdevs.front(), s.zvm);
    auto osd =
        std::find_if(chs.begin(), chs.end(), [](const IocpChpid* c) { return c->type == "OSD"; });
    if (osd == chs.end()) {
      const IocpDevice* dev = p.iocp.device(v.rdevs.front());
      msgs.warning(v.pos,
                   "VSWITCH " + v.name + " RDEV " + hex4(v.rdevs.front()) + ": no OSD CHPID of " +
                       p.iocp.path + " reaches it from partition " + s.zvm,
                   dev ? dev->pos : Pos{p.iocp.path, 0});
    } else {
      (*osd)->used = true;
      for (unsigned k = 0; k < 3; ++k)
        if (const IocpDevice* dev = p.iocp.device(v.rdevs.front() + k)) dev->used = true;
      for (const auto& cu : p.iocp.control_units)
        for (const auto& pth : cu.paths)
          if (pth.second == (*osd)->id) cu.used = true;
    }
    for (size_t k = 1; k < v.rdevs.size(); ++k)
      msgs.not_used(v.pos, "VSWITCH " + v.name + " RDEV " + hex4(v.rdevs[k]) +
                               ": a backup uplink is not modelled");
    s.osas.push_back({out.osa, hex4(v.rdevs.front()), s.zvm});
    s.vswitches.push_back(out);
  }
}

void add_hipersockets(const Parsed& p, Site& s, Messages& msgs) {
  for (const auto& ch : p.iocp.chpids) {
    if (ch.type != "IQD") continue;
    auto first = p.iocp.first_device_of(ch.id);
    if (!first) {
      msgs.not_used(ch.pos, "CHPID " + hex2(ch.id) + " TYPE=IQD has no devices");
      continue;
    }
    ch.used = true;
    for (const auto& cu : p.iocp.control_units)
      for (const auto& pth : cu.paths)
        if (pth.second == ch.id) cu.used = true;
    for (const auto& d : p.iocp.devices)
      for (unsigned cun : d.control_units)
        for (const auto& cu : p.iocp.control_units)
          if (cu.number == cun && cu.used &&
              std::any_of(cu.paths.begin(), cu.paths.end(),
                          [&](const auto& x) { return x.second == ch.id; }))
            d.used = true;
    s.hipersockets.push_back({"HS" + hex2(ch.id), hex2(ch.id), hex4(*first), ch.partitions});
  }
}

void set_roles(Site& s) {
  for (auto& g : s.guests) {
    bool controller =
        std::any_of(s.vswitches.begin(), s.vswitches.end(),
                    [&](const SiteVswitch& v) { return contains(v.controllers, g.name); });
    if (controller)
      g.role = "vswitch-controller";
    else if (g.kind == "linux" && g.hipersocket && g.vswitch)
      g.role = "hipersocket-router";
    if (g.row && g.row->get("role"))
      g.role = *g.row->get("role") == "none" ? "" : *g.row->get("role");
  }
}

void set_routes(Site& s, Messages& msgs) {
  for (auto& g : s.guests) {
    if (g.row && g.row->get("needs_zos"))
      for (const auto& z : words(*g.row->get("needs_zos"))) g.zos.push_back(upper(z));
    if (g.row && g.row->get("router")) {
      g.router = upper(*g.row->get("router"));
    } else if (!g.hipersocket && !g.zos.empty() && g.vswitch) {
      std::vector<const SiteGuest*> routers;
      for (const auto& r : s.guests)
        if (r.role == "hipersocket-router" && r.vswitch == g.vswitch) routers.push_back(&r);
      if (routers.size() == 1) g.router = routers.front()->name;
    }
    if (g.router) {
      auto r = std::find_if(s.guests.begin(), s.guests.end(),
                            [&](const SiteGuest& x) { return x.name == *g.router; });
      if (r == s.guests.end()) {
        msgs.error(g.row->pos, "router " + *g.router + " of " + g.name + " is not a started guest",
                   "the userid of a hipersocket-router guest");
        g.router.reset();
      } else if (!g.hipersocket) {
        g.hipersocket = r->hipersocket;
      }
    }
  }
}

}  // namespace

void report_unused_iocp(const Iocp& io, Messages& msgs) {
  for (const auto& ch : io.chpids)
    if (!ch.used)
      msgs.not_used(ch.pos,
                    "CHPID " + hex2(ch.id) + " TYPE=" + ch.type +
                        (ch.type == "OSD" ? ": an OSA no VSWITCH uses (z/OS OSAs are not modelled)"
                                          : ": DASD, tape and other channels are not modelled"));
  for (const auto& cu : io.control_units)
    if (!cu.used)
      msgs.not_used(cu.pos, "CNTLUNIT " + hex4(cu.number) + " (on a channel not modelled)");
  for (const auto& d : io.devices)
    if (!d.used)
      msgs.not_used(d.pos, "IODEVICE " + hex4(d.first) + "," + std::to_string(d.count) +
                               " UNIT=" + d.unit + " (not a modelled network device)");
  for (const auto& [pos, text] : io.other) msgs.not_used(pos, text);
}

Site build_production(const Parsed& p, Messages& msgs) {
  Site s;
  s.model = machine_model(p.iocp.machine_type);
  if (s.model.empty())
    s.review.push_back("the production machine model (IOCP ID SYSTEM= not known)");
  s.zvm = find_zvm(p, msgs);
  if (s.zvm.empty()) return s;
  add_systems(p, s);
  for (const DirEntry* e : chosen_users(p, msgs)) s.guests.push_back(make_guest(p, s, *e, msgs));
  for (const auto& e : p.dir.entries)
    if (e.profile)
      for (const auto& o : e.other) msgs.not_used(o.pos, o.text + " (in PROFILE " + e.name + ")");
  for (const auto& g : p.dir.global) msgs.not_used(g.pos, g.text);
  add_vswitches(p, s, msgs);
  add_hipersockets(p, s, msgs);
  set_roles(s);
  set_routes(s, msgs);
  for (const auto& l : p.config.lans)
    msgs.not_used(l.pos, "DEFINE LAN " + l.name + ": guest LANs are not modelled");
  for (const auto& o : p.config.other) msgs.not_used(o.pos, o.text);
  report_unused_iocp(p.iocp, msgs);
  std::vector<std::string> no_row;
  for (const auto& g : s.guests)
    if (!g.row) no_row.push_back(g.name);
  if (!no_row.empty()) {
    std::string names;
    for (const auto& n : no_row) names += (names.empty() ? "" : ", ") + n;
    s.review.push_back("tier, criticality, working set, boot and application times of " + names +
                       " (defaults: production, not critical, model values)");
  }
  return s;
}

}  // namespace drsim::import
