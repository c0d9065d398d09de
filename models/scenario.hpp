#pragma once
/// \file scenario.hpp
/// The scenario as plain data: what production runs and needs, what the DR site provides,
/// the backups, the recovery plan and the operator's reactions. Parsed from one JSON file
/// (see scenarios/README.md and scenarios/drsim-scenario.schema.json); every entity keeps the
/// JSON Pointer it was read from, so later checks can point at it.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "models/contract.hpp"
#include "models/params.hpp"

namespace drsim {

enum class SystemKind { Zos, Zvm };
enum class GuestKind { Linux, Cms };
enum class Tier { Production, Qa, Dev, Test };
/// What a guest does besides running its own application.
enum class GuestRole { None, Tcpip, VswitchController, HipersocketRouter };
enum class MountKind { Robot, Manual };
/// Who performs a plan step or a reaction (each works in its own calendar).
enum class Performer {
  Operations,  ///< the DR vendor's operators: 24x7 by default
  Customer,    ///< the customer's own team (remote): its staff hours
  ChangeDesk,  ///< the DR vendor's change desk: business hours
};
/// How a production system is placed at the DR site.
enum class PlacementMode {
  Lpar,          ///< in a DR LPAR of its own (1st SIE level; a VM's guests at the 2nd)
  Guest,         ///< as a guest of the vendor's z/VM (2nd level; a VM's guests at the 3rd)
  GuestsDirect,  ///< z/VM only: the VM is not brought up, its guests run under the vendor's VM
};

const char* to_string(SystemKind k);
const char* to_string(GuestKind k);
const char* to_string(Tier t);
const char* to_string(GuestRole r);
const char* to_string(PlacementMode m);
const char* to_string(Performer p);

/// When one performer works: every day from `from_s` to `to_s` (times of day) on the days
/// flagged in `days` (0 = Monday); `always` = around the clock (24x7).
struct CalendarSpec {
  bool always = true;
  double from_s = 0, to_s = 86400;
  std::array<bool, 7> days{true, true, true, true, true, true, true};
};

/// Exercise calendar. Times are seconds since Monday 00:00 of the exercise week.
struct ExerciseSpec {
  double start_week_s = 8 * 3600;             ///< default "Mon 08:00"
  double end_week_s = 3 * 86400 + 18 * 3600;  ///< default "Thu 18:00"
  double rto_s = 48 * 3600;                   ///< rto_target_h: Tier 2, SG24-6547
  std::optional<double> staff_from_s;  ///< working hours of the customer's staff (time of day)
  std::optional<double> staff_to_s;
  CalendarSpec operations;               ///< the vendor's operators (default 24x7)
  std::optional<CalendarSpec> customer;  ///< default: staff_hours every day, else 24x7
  CalendarSpec change_desk{
      false, 8 * 3600, 17 * 3600, {true, true, true, true, true, false, false}};  ///< Assumption
  double duration_s() const { return end_week_s - start_week_s; }
};

struct MachineSpec {
  std::string model;         ///< "z9 EC"
  int cps = 0;               ///< general-purpose CPs
  int ifls = 0;              ///< IFLs (DR vendors: none)
  double engine_mips = 580;  ///< engine_mips_z9ec: Assumption (z10 EC: 920)
  std::string pointer;
};

/// A production z/OS or z/VM system (each ran in its own LPAR at home).
struct SystemSpec {
  std::string name;
  SystemKind kind = SystemKind::Zos;
  double memory_bytes = 0;
  double xstor_bytes = 0;
  int cpus = 1;            ///< logical CPs/IFLs at home
  bool dedicated = false;  ///< dedicated at home
  bool critical = true;
  double steady_cpu = 0.3;             ///< CPs used once up (background load)
  std::optional<double> ipl_s;         ///< override of the IPL model for this system
  std::optional<double> subsystems_s;  ///< z/OS: subsystem start
  int paging_volumes = 0;              ///< z/VM: paging volumes at home
  std::string pointer;
};

/// Connectivity a guest needs before it is useful.
struct GuestNeeds {
  std::vector<std::string> zos;            ///< z/OS systems it talks to (databases)
  std::optional<std::string> hipersocket;  ///< over this Hipersocket network
  std::optional<std::string> router;       ///< through this router guest (a Hipersocket router)
  std::optional<std::string> vswitch;      ///< an uplink on this VSWITCH
};

/// z/VM scheduler share of a guest (SET SHARE / directory SHARE, DOMAIN-ROUND2 B2-B3).
struct ShareSpec {
  bool absolute = false;  ///< ABSOLUTE p% of the VM's CPs, else RELATIVE n
  double value = 100;     ///< RELATIVE 1..10000 (default 100) or ABSOLUTE 0.1..100 (%)
};

struct GuestSpec {
  std::string name;
  std::string vm;  ///< the production z/VM system it runs under
  GuestKind kind = GuestKind::Linux;
  GuestRole role = GuestRole::None;
  Tier tier = Tier::Production;
  bool critical = false;
  double virtual_bytes = 0;
  std::optional<double> working_set_bytes;  ///< default: linux_ws_fraction x virtual
  double steady_cpu = 0.02;           ///< CPs used once up, at the 2nd level (timer ticks, daemons)
  std::optional<double> boot_s;       ///< override of the boot model
  std::optional<double> app_start_s;  ///< 0 = no application
  ShareSpec share;                    ///< default RELATIVE 100
  GuestNeeds needs;
  std::string pointer;
};

/// A non-mainframe system rebuilt by hand at the DR site (the story's "distributed systems").
struct DistributedSpec {
  std::string name;
  double work_s = 0;  ///< staff work to rebuild it
  bool critical = false;
  Tier tier = Tier::Production;
  std::string pointer;
};

struct HipersocketSpec {
  std::string name;
  std::string chpid;                 ///< "F0"
  std::string devices;               ///< first device number, "7000"
  std::vector<std::string> members;  ///< systems on it (production only)
  std::string pointer;
};

struct OsaSpec {
  std::string name;
  std::string devices;  ///< first of three device numbers, "2100"
  std::string system;   ///< production only: the system that uses it
  std::string pointer;
};

struct VswitchSpec {
  std::string name;
  std::string vm;                        ///< production only: the z/VM that defines it
  std::string osa;                       ///< its uplink OSA
  std::vector<std::string> controllers;  ///< controller userids (DTCVSW1, DTCVSW2)
  std::string pointer;
};

struct NetworkSpec {
  std::vector<HipersocketSpec> hipersockets;
  std::vector<OsaSpec> osas;
  std::vector<VswitchSpec> vswitches;
};

struct ProductionSpec {
  MachineSpec machine;
  std::vector<SystemSpec> systems;
  std::vector<GuestSpec> guests;
  NetworkSpec networks;
  std::vector<DistributedSpec> distributed;
};

/// An LPAR on the DR machine: the vendor's own, or one made for the customer.
struct DrLparSpec {
  std::string name;
  bool vendor = false;           ///< owner "vendor": runs the vendor's own work or z/VM
  std::optional<SystemKind> os;  ///< vendor LPARs: what runs in it (zvm can host guests)
  int cps = 1;                   ///< logical CPs
  bool dedicated = false;
  double weight = 100;
  bool capped = false;
  double memory_bytes = 0;
  double xstor_bytes = 0;
  double busy_cps = 0;     ///< the vendor's own workload demand, in CPs
  int paging_volumes = 0;  ///< vendor z/VM: its paging volumes
  std::string pointer;
};

struct PlacementSpec {
  std::string system;  ///< production system name
  PlacementMode mode = PlacementMode::Lpar;
  std::string lpar;  ///< DR LPAR (Lpar mode: the customer's; else the vendor's z/VM)
  std::optional<double> memory_bytes;  ///< Guest mode: storage the vendor's VM gives it
  std::optional<double> xstor_bytes;
  std::optional<int> virtual_cpus;    ///< Guest mode: virtual CPs
  std::optional<int> paging_volumes;  ///< Guest mode (z/VM): its own paging volumes
  std::vector<std::string> guests;    ///< GuestsDirect: which guests move (empty = all)
  std::string pointer;
};

struct TapeSpec {
  int drives = 4;                     ///< dr_vendor_tape_drives: Assumption
  std::string drive_type = "TS1120";  ///< tape_drive_type
  std::optional<double> rate_Bps;     ///< native rate override
  MountKind mount = MountKind::Robot;
  bool vts = false;  ///< virtual tape: add recall penalty per mount
  std::string pointer;
};

struct DrSiteSpec {
  MachineSpec machine;
  std::vector<DrLparSpec> lpars;
  std::vector<PlacementSpec> placements;
  TapeSpec tape;
  NetworkSpec networks;                  ///< what is defined at DR (with DR device numbers)
  std::optional<ContractSpec> contract;  ///< prices of the DR contract (none: no cost)
};

/// A group of identical full-pack dumps, or one volume (count 1).
struct VolumeGroupSpec {
  std::string name;    ///< name or prefix ("ZA" -> ZA001, ZA002 ...)
  std::string system;  ///< the production system the packs belong to
  int count = 1;
  double bytes = 0;       ///< per volume (from "size" or "model": 3390-3/-9/-27/-54)
  bool ddr = false;       ///< z/VM DDR dump (restored at ddr rate)
  int per_cartridge = 1;  ///< volumes stacked on one cartridge (read in order on one drive)
  std::string pointer;
};

struct TsmRestoreSpec {
  std::string guest;
  double bytes = 0;
  double rate_Bps = 20e6;  ///< TSM restore over the network: Assumption
  std::string pointer;
};

struct BackupSpec {
  std::vector<VolumeGroupSpec> volumes;
  std::vector<TsmRestoreSpec> tsm;
};

enum class StepAction {
  Restore,      ///< queue the system's volumes on the drives
  Ipl,          ///< IPL a z/OS or z/VM (again, after a reconfigure)
  Reconfigure,  ///< edit SYSTEM CONFIG for DR device numbers (needs a re-IPL)
  Xautolog,     ///< log on guests (AUTOLOG1 / XAUTOLOG), staggered
  Distributed,  ///< staff work on the distributed systems
  Wait,         ///< a pure dependency point (optionally until a time)
};
const char* to_string(StepAction a);

struct StepSpec {
  std::string id;
  StepAction action = StepAction::Ipl;
  std::vector<std::string> systems;         ///< Restore/Ipl/Reconfigure: production systems
  std::vector<std::string> guests;          ///< Xautolog: guests, in order ("*" = all of the VM)
  std::string vm;                           ///< Xautolog: the VM whose guests ("*") are meant
  std::vector<std::string> after;           ///< step ids this one waits for
  std::optional<double> stagger_s;          ///< Xautolog
  std::optional<double> duration_s;         ///< Reconfigure: override; Wait: extra delay
  std::optional<double> not_before_week_s;  ///< do not start before this time ("Tue 08:00")
  std::optional<Performer> by;              ///< who does it (default: step_performer)
  std::string pointer;
};

/// A system this test leaves out on purpose (it does not count against the RTO).
struct OutOfScopeSpec {
  std::string system;  ///< production system, guest or distributed system
  std::string reason;
  std::string pointer;
};

struct PlanSpec {
  std::vector<StepSpec> steps;
  std::vector<OutOfScopeSpec> out_of_scope;
};

/// Who performs a step by default: restores, IPLs, XAUTOLOGs and waits need no person of the
/// customer's (vendor operations); reconfigure and distributed work are the customer's team.
Performer step_performer(const StepSpec& s);

enum class ConditionKind { Paging, Cpu, Finding, Time };
enum class ActionKind {
  ForceOff,       ///< force off guests (by tier, by name, or all but "keep")
  SetMemory,      ///< vendor changes storage, then the VM is re-IPLed and guests restarted
  DefineNetwork,  ///< vendor/customer defines a missing Hipersocket or VSWITCH controllers
  DedicateCpus,   ///< vendor dedicates CPs to an LPAR or a VM userid
  Start,          ///< XAUTOLOG guests
};
const char* to_string(ConditionKind k);
const char* to_string(ActionKind k);

struct ReactionSpec {
  std::string id;
  ConditionKind when = ConditionKind::Paging;
  std::string subject;              ///< Paging: z/VM system; Cpu: DR LPAR; Finding: code
  double above = 0;                 ///< pages/s or utilisation 0..1
  double for_s = 0;                 ///< how long the condition must hold
  std::optional<double> at_week_s;  ///< Time condition
  ActionKind action = ActionKind::ForceOff;
  std::string target;                  ///< system / LPAR / network name the action acts on
  std::vector<Tier> tiers;             ///< ForceOff by tier
  std::vector<std::string> guests;     ///< ForceOff / Start by name
  std::vector<std::string> keep;       ///< ForceOff: all but these
  std::optional<double> memory_bytes;  ///< SetMemory
  std::optional<double> xstor_bytes;
  std::optional<int> cpus;      ///< DedicateCpus
  std::string after_reaction;   ///< evaluate the condition only after this reaction took effect
  double lead_time_s = 0;       ///< from the condition holding to the action taking effect
  std::optional<Performer> by;  ///< who acts (default: reaction_performer)
  std::string pointer;
};

/// A risk the scenario names: the vendor forgets one DR network definition (the story's
/// lesson 1, "what we thought was going to be the configuration, wasn't"). In a replication
/// it happens with `probability`; the plain run never applies it.
struct RiskSpec {
  std::string id;
  double probability = 0;
  std::string forget;  ///< a DR-site Hipersocket, OSA or VSWITCH definition, by name
  std::string pointer;
};

/// Who performs a reaction by default: force-off and start are the customer's team;
/// set-memory, define-network and dedicate-cpus go through the vendor's change desk.
Performer reaction_performer(const ReactionSpec& r);

/// The calendar of a performer in this exercise (the customer's defaults to staff_hours).
CalendarSpec calendar_of(const ExerciseSpec& e, Performer p);

struct Scenario {
  int schema_version = 1;
  std::string name;
  std::string description;
  std::string file;  ///< path it was read from (for messages)
  ExerciseSpec exercise;
  ProductionSpec production;
  DrSiteSpec dr_site;
  BackupSpec backups;
  PlanSpec plan;
  std::vector<ReactionSpec> reactions;
  ModelParams params;
  std::vector<RiskSpec> risks;
};

}  // namespace drsim
