// Tests src/app/cmd_man.h and src/app/cmd_complete.h: the manual page is written from the same
// command-line definition as --help (every visible command and option is in it, the hidden ones
// are not), and the shell completion offers commands, options and values that the program accepts.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "anatomy/muscle_names.h"
#include "anatomy/rom_norms.h"
#include "app/cli.h"
#include "app/cmd_drill_moment.h"
#include "app/version.h"
#include "test_support.h"

using namespace hiplab;

namespace {
std::string run_man(std::vector<std::string> args) {
  args.insert(args.begin(), "hiplab");
  const auto c = test::capture_stdout([&] { return app::run_cli(args); });
  REQUIRE(c.status == 0);
  return c.out;
}
std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}
std::vector<std::string> complete(std::vector<std::string> words) {
  words.insert(words.begin(), "complete");
  return lines(run_man(words));
}
bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

TEST_CASE("--version names the version and the source commit") {
  const std::string out = run_man({"--version"});
  CHECK(out.find("hiplab " + std::string(app::version()) + " (commit ") == 0);
  CHECK_FALSE(app::source_commit().empty());
}

TEST_CASE("the manual page has every visible command and option, written as --help describes them") {
  const std::string man = run_man({"man"});
  CHECK(man.find(".TH HIPLAB 1") != std::string::npos);
  for (const char* section : {".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS", ".SH ENVIRONMENT", ".SH EXIT STATUS"})
    CHECK_MESSAGE(man.find(section) != std::string::npos, section);
  for (const char* sub : {"render", "info", "bench", "moment-arms", "activations", "drills", "check-drill"})
    CHECK_MESSAGE(man.find(std::string(".SS \"hiplab ") + sub + "\"") != std::string::npos, sub);
  // A command's own commands, with their options (hiplab patients ...).
  for (const char* sub : {"list", "add", "show", "measure", "export", "import", "delete", "backup", "restore", "bench"})
    CHECK_MESSAGE(man.find(std::string(".SS \"hiplab patients ") + sub + "\"") != std::string::npos, sub);
  CHECK(man.find("\\fB\\-\\-records\\fR") != std::string::npos);
  CHECK(man.find("$XDG_DATA_HOME/hiplab/records.sqlite") != std::string::npos);
  CHECK(man.find("VACUUM") != std::string::npos);  // what a delete on PostgreSQL cannot promise
  // The hidden helpers stay out of it, as they stay out of --help.
  CHECK(man.find(".SS \"hiplab man\"") == std::string::npos);
  CHECK(man.find(".SS \"hiplab complete\"") == std::string::npos);
  // Options as typed, with their --help description beside them.
  CHECK(man.find("\\fB\\-\\-age\\-group\\fR \\fITEXT\\fR\nNormal range shown by the overlay") != std::string::npos);
  CHECK(man.find("\\fB\\-\\-out\\fR \\fITEXT\\fR (required)\nOutput PNG file") != std::string::npos);
  CHECK(man.find("\\fIFILE\\fR (required)\nDrill file to check") != std::string::npos);
  // Every option --help lists for render is in the manual.
  const auto help = test::capture_stdout([] { return app::run_cli({"hiplab", "render", "--help"}); });
  for (const std::string& l : lines(help.out)) {
    const auto dash = l.find("--");
    if (dash == std::string::npos || dash > 4) continue;
    std::string name = l.substr(dash, l.find(' ', dash) - dash);
    std::string escaped;
    for (char ch : name) escaped += ch == '-' ? std::string("\\-") : std::string(1, ch);
    CHECK_MESSAGE(man.find("\\fB" + escaped + "\\fR") != std::string::npos, name);
  }
  // The builder's own folders do not end up in the page.
  CHECK(man.find(app::user_drill_dir()) == std::string::npos);
  CHECK(man.find("$XDG_DATA_HOME/hiplab/drills") != std::string::npos);
  // Intended use.
  CHECK(man.find("not for diagnosis") != std::string::npos);
}

TEST_CASE("completion offers the commands, then each command's own options") {
  const auto subs = complete({""});
  for (const char* s : {"render", "info", "bench", "moment-arms", "activations", "drills", "check-drill", "handout"}) CHECK(has(subs, s));
  CHECK_FALSE(has(subs, "man"));
  CHECK_FALSE(has(subs, "complete"));
  CHECK(complete({"dr"}) == std::vector<std::string>{"drills"});
  const auto render = complete({"render", "--"});
  CHECK(has(render, "--drill"));
  CHECK(has(render, "--age-group"));
  CHECK_FALSE(has(render, "--muscle"));  // moment-arms' option, not render's
  CHECK(complete({"render", "--ou"}) == std::vector<std::string>{"--out"});
  CHECK(has(complete({"--"}), "--version"));
  CHECK(has(complete({"--he"}), "--help"));
  CHECK(has(complete({"render", "--"}), "--help"));
  CHECK(complete({"render", "--out", ""}) == std::vector<std::string>{"__files__"});
  CHECK(complete({"check-drill", ""}) == std::vector<std::string>{"__files__"});
  // A command with commands of its own: those first, then the chosen one's options and values.
  CHECK(complete({"patients", ""}) == std::vector<std::string>{"list", "add", "show", "measure", "export", "import", "delete", "backup", "restore", "bench"});
  CHECK(complete({"patients", "me"}) == std::vector<std::string>{"measure"});
  CHECK(has(complete({"patients", "measure", "--"}), "--position"));
  CHECK_FALSE(has(complete({"patients", "measure", "--"}), "--yes"));  // delete's, not measure's
  CHECK(complete({"patients", "measure", "--position", ""}) == std::vector<std::string>{"supine", "prone", "seated"});
  CHECK(complete({"patients", "--records", ""}) == std::vector<std::string>{"off", "default"});
}

TEST_CASE("completed values are values the commands accept") {
  const auto drills = complete({"render", "--drill", ""});
  CHECK(has(drills, "clamshell"));
  for (const app::KnownDrill& k : app::load_known_drills().drills) CHECK(has(drills, k.drill.id));
  const auto muscles = complete({"moment-arms", "--muscle", ""});
  CHECK(has(muscles, "peri_r"));
  CHECK(has(muscles, "piriformis"));
  CHECK(has(muscles, "gluteus_medius"));
  CHECK(has(muscles, "all"));
  for (const std::string& m : muscles)
    if (m != "all") CHECK_MESSAGE(anatomy::find_muscles(m).has_value(), m);
  CHECK(complete({"moment-arms", "--muscle", "glut_med1"}) == std::vector<std::string>{"glut_med1_r", "glut_med1_l"});
  for (const std::string& n : complete({"render", "--age-group", ""})) CHECK_MESSAGE(anatomy::find_rom_norm(n).has_value(), n);
  CHECK(complete({"activations", "--side", ""}) == std::vector<std::string>{"left", "right", "both"});
  CHECK(complete({"render", "--side", ""}) == std::vector<std::string>{"left", "right"});
  CHECK(has(complete({"render", "--select", "fem"}), "femur_r"));
  CHECK(complete({"export-video", "--captions", ""}) == std::vector<std::string>{"on", "off"});
  CHECK(complete({"export-video", "--side", ""}) == std::vector<std::string>{"left", "right"});
  CHECK(has(complete({"export-video", "--drill", ""}), "clamshell"));
  CHECK(complete({"render", "--framing", ""}) == std::vector<std::string>{"pose", "drill"});
  CHECK(complete({"handout", "--paper", ""}) == std::vector<std::string>{"a4", "letter"});
  CHECK(complete({"handout", "--logo", ""}) == std::vector<std::string>{"__files__"});
  CHECK(has(complete({"handout", "--drills", ""}), "clamshell"));
  // The list's next item after a comma.
  CHECK(complete({"handout", "--drills", "clamshell,rev"}) == std::vector<std::string>{"clamshell,reverse_clamshell"});
}
