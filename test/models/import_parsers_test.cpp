// Unit tests of the import's readers: the user directory, SYSTEM CONFIG, the AUTOLOG1 exec,
// IOCP input and the tiers CSV, each on small texts in the IBM syntax.

#include <catch2/catch.hpp>

#include "models/import_autolog.hpp"
#include "models/import_directory.hpp"
#include "models/import_iocp.hpp"
#include "models/import_sysconfig.hpp"
#include "models/import_tiers.hpp"

using namespace drsim::import;

TEST_CASE("z/VM storage sizes are binary and keep their unit", "[import]") {
  CHECK(parse_storage("768M")->scenario == "768MiB");
  CHECK(parse_storage("1G")->bytes == 1073741824.0);
  CHECK(parse_storage("512k")->scenario == "512KiB");
  CHECK_FALSE(parse_storage("1X"));
  CHECK_FALSE(parse_storage("G"));
  CHECK_FALSE(parse_storage("-1G"));
}

TEST_CASE("directory: entries, profiles, NICs, dedicates, comments and columns", "[import]") {
  Messages m;
  std::string seq(8, ' ');
  Directory d = parse_directory(
      {"u.direct",
       "* comment line\n"
       "PROFILE LINDFLT\n IPL 0200\n MACHINE ESA 2\n"
       "USER LNX1 PW 1G 2G G\n INCLUDE LINDFLT\n"
       " NICDEF 0600 TYPE QDIO LAN SYSTEM VSW1                                   00010000\n"
       " DEDICATE 7000 7000\n OPTION QUICKDSP,\n   APPLMON\n"
       "USER DTC1 PW 32M 64M G\n IPL CMS\n IUCV *VSWITCH MSGLIMIT 65535\n"},
      m);
  REQUIRE_FALSE(m.has_errors());
  REQUIRE(d.entries.size() == 3);
  const DirEntry* lnx = d.find("LNX1", false);
  REQUIRE(lnx != nullptr);
  CHECK(lnx->storage.scenario == "1GiB");
  CHECK(*effective_ipl(d, *lnx) == "0200");
  REQUIRE(lnx->nics.size() == 1);
  CHECK(lnx->nics[0].vdev == 0x600);
  CHECK(lnx->nics[0].type == "QDIO");
  CHECK(lnx->nics[0].lan_name == "VSW1");  // the sequence number in 73-80 is not an operand
  REQUIRE(lnx->dedicates.size() == 1);
  CHECK(lnx->dedicates[0].rdev == 0x7000);
  REQUIRE(lnx->other.size() == 1);
  CHECK(lnx->other[0].text == "OPTION QUICKDSP APPLMON");  // the comma continuation joined
  CHECK(lnx->other[0].pos.line == 9);
  CHECK(d.find("DTC1", false)->vswitch_iucv);
  CHECK(ipl_is_cms(*d.find("DTC1", false)->ipl));
}

TEST_CASE("directory: malformed statements are errors with their line", "[import]") {
  Messages m;
  parse_directory(
      {"u.direct", "USER A PW 1G 2G G\n NICDEF XYZ TYPE QDIO\n BOGUS 1\n INCLUDE NOPE\n"}, m);
  auto all = m.sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].to_string().rfind("u.direct:2: NICDEF: 'XYZ' is not a virtual device number", 0) ==
        0);
  CHECK(all[1].to_string().rfind("u.direct:3: unknown directory statement 'BOGUS'", 0) == 0);
  CHECK(all[2].to_string().rfind("u.direct:4: INCLUDE NOPE: no PROFILE NOPE", 0) == 0);
}

TEST_CASE("SYSTEM CONFIG: comments, continuations, VSWITCH, LAN and identity", "[import]") {
  Messages m;
  SystemConfig c = parse_system_config(
      {"s.config",
       "/* header */\nSystem_Identifier LPAR VMPROD VMPROD\n"
       "VMPROD: Define VSwitch VSW1 Rdev 2100.P1 2200 CONTRoller DTCVSW1, /* the uplink */\n"
       "   Ethernet\n"
       "DEFINE LAN HSLAN OWNERID SYSTEM TYPE QDIO\nVMLAN MACPREFIX 02AAAA\n"},
      m);
  REQUIRE_FALSE(m.has_errors());
  REQUIRE(c.lpar_ids.size() == 1);
  CHECK(c.lpar_ids[0].first == "VMPROD");
  const ConfigVswitch* v = c.vswitch("VSW1");
  REQUIRE(v != nullptr);
  CHECK(v->pos.line == 3);
  CHECK(v->rdevs == std::vector<unsigned>{0x2100, 0x2200});
  CHECK(v->controller == "DTCVSW1");
  REQUIRE(c.lan("HSLAN") != nullptr);
  CHECK(c.lan("HSLAN")->type == "QDIO");
  REQUIRE(c.other.size() == 1);
  CHECK(c.other[0].pos.line == 6);

  Messages bad;
  parse_system_config({"s.config", "Define VSwitch VSW1 Rdev 21G0\nFeatures,\n"}, bad);
  auto all = bad.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].to_string().rfind("s.config:2: bad continuation", 0) == 0);
  CHECK(all[1].to_string().rfind("s.config:1: DEFINE VSWITCH VSW1: RDEV '21G0' is not", 0) == 0);
}

TEST_CASE("AUTOLOG1 exec: XAUTOLOG order and CP SLEEP delays", "[import]") {
  Messages m;
  AutologPlan p = parse_autolog({"a.exec",
                                 "/* outer /* nested */ still a comment */\n"
                                 "'CP XAUTOLOG TCPIP'; 'CP SLEEP 30 SEC'\n"
                                 "\"CP XAUTOLOG LNX1 SYNC\"\n'CP SLEEP 1 MIN'\n'CP SLEEP 15 SEC'\n"
                                 "CP XAUTOLOG LNX2\n"
                                 "if x then 'CP XAUTOLOG LNX3'\n"
                                 "do i = 1 to 2\n'CP XAUTOLOG LNX4'\nend\nsay 'done'\n"},
                                m);
  REQUIRE_FALSE(m.has_errors());
  REQUIRE(p.entries.size() == 3);
  CHECK(p.entries[0].userid == "TCPIP");
  CHECK(p.entries[1].userid == "LNX1");
  CHECK(p.entries[1].delay_before_s == 30);
  CHECK(p.entries[2].userid == "LNX2");
  CHECK(p.entries[2].delay_before_s == 75);
  CHECK(p.entries[2].pos.line == 6);
  REQUIRE(p.other.size() == 5);  // the IF, DO, the XAUTOLOG inside DO, END, SAY
  CHECK(p.other[2].second.find("inside DO") != std::string::npos);

  Messages bad;
  parse_autolog({"a.exec", "'CP XAUTOLOG'\n'CP SLEEP 5'\n"}, bad);
  CHECK(bad.sorted().size() == 2);
}

TEST_CASE("IOCP: partitions, CHPID access lists, continuations and reachability", "[import]") {
  auto cont = [](std::string s) { return s + std::string(71 - s.size(), ' ') + "*\n"; };
  Messages m;
  Iocp io = parse_iocp({"p.iocp",
                        "* comment\n"
                        "         ID    SYSTEM=(2094,1)\n"
                        "         RESOURCE PARTITION=((CSS(0),(LPA,1),(LPB,2),(VM1,3)))\n" +
                            cont("         CHPID PATH=(CSS(0),F0),SHARED,TYPE=IQD,") +
                            "               PARTITION=((LPA,VM1),(=))\n"
                            "         CHPID PATH=(CSS(0),10),TYPE=OSD,SHARED,NOTPART=((LPB))\n"
                            "         CHPID PATH=11,TYPE=OSD,PART=(LPB)\n"
                            "         CNTLUNIT CUNUMBR=F000,PATH=((CSS(0),F0)),UNIT=IQD\n"
                            "         IODEVICE ADDRESS=(7000,32),CUNUMBR=(F000),UNIT=IQD\n" +
                            cont("         CNTLUNIT CUNUMBR=2100,PATH=((CSS(0),10,11)),") +
                            "               UNIT=OSA\n"
                            "         IODEVICE ADDRESS=2100,CUNUMBR=2100,UNIT=OSA,PART=(LPA)\n"},
                       m);
  std::string errors;
  for (const auto& x : m.items()) errors += x.to_string() + "\n";
  INFO(errors);
  REQUIRE_FALSE(m.has_errors());
  CHECK(machine_model(io.machine_type) == "z9 EC");
  REQUIRE(io.partitions.size() == 3);
  CHECK(io.partitions[2].name == "VM1");
  CHECK(io.chpid(0xF0)->partitions == std::vector<std::string>{"LPA", "VM1"});
  CHECK(io.chpid(0x10)->partitions == std::vector<std::string>{"LPA", "VM1"});
  CHECK(io.chpid(0x11)->partitions == std::vector<std::string>{"LPB"});
  CHECK(io.reaching(0x7005, "VM1").size() == 1);
  CHECK(io.reaching(0x7005, "LPB").empty());
  CHECK(io.reaching(0x2100, "LPA").size() == 1);  // through CHPID 10 only
  CHECK(io.reaching(0x2100, "VM1").empty());      // the device's PART= excludes VM1
  CHECK(io.control_units[1].pos.line == 10);
  CHECK(*io.first_device_of(0xF0) == 0x7000);
}

TEST_CASE("tiers CSV: columns and values are checked", "[import]") {
  Messages m;
  Tiers t = parse_tiers({"t.csv",
                         "# comment\nname,tier,critical,memory,app_start\n"
                         "lnx1,qa,true,,240s\nMACHINE,,,,\n"},
                        m);
  REQUIRE_FALSE(m.has_errors());
  REQUIRE(t.find("LNX1") != nullptr);
  CHECK(*t.find("LNX1")->get("tier") == "qa");
  CHECK(t.find("LNX1")->get("memory") == nullptr);
  Messages bad;
  parse_tiers({"t.csv", "name,colour\nA,red\n"}, bad);
  parse_tiers({"t.csv", "name,memory,boot\nA,12XB,soon\n"}, bad);
  auto all = bad.sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].to_string().rfind("t.csv:1: unknown column 'colour'", 0) == 0);
  CHECK(all[1].to_string().rfind("t.csv:2: column memory: '12XB' is not valid", 0) == 0);
  CHECK(all[2].to_string().rfind("t.csv:2: column boot: 'soon' is not valid", 0) == 0);
}
