// Tests src/ui/handout_list.h (the Handout dialog's logic) with the shipped drills: the current
// drill comes ticked and first, entries move up and down, a dosage left as the file has it is not
// passed while an edited one is, the arguments are ones `hiplab handout` accepts (parsed by the
// same plan_handout), and Save without a drill or a .pdf name says why.
#include "ui/handout_list.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "app/handout.h"

using namespace hiplab;

namespace {
session::Session shipped() {
  session::Session s;
  s.load_drills(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills", "/nonexistent");
  return s;
}
}  // namespace

TEST_CASE("handout dialog: the current drill ticked first, the others offered, edits kept on reopening") {
  session::Session s = shipped();
  REQUIRE(s.select_drill(s.find_drill("reverse_clamshell")).ok());
  s.set_side(anatomy::Side::kLeft);
  ui::HandoutDialog d;
  ui::open_handout_dialog(d, s);
  CHECK(d.open);
  CHECK(d.left);
  REQUIRE(d.entries.size() == s.drills().size());
  CHECK(d.entries[0].id == "reverse_clamshell");
  CHECK(d.entries[0].include);
  CHECK(std::count_if(d.entries.begin(), d.entries.end(), [](const ui::HandoutEntry& e) { return e.include; }) == 1);
  CHECK(d.entries[0].sets == 2);  // the file's dosage: 2 sets of 15
  CHECK(d.entries[0].reps == 15);

  d.entries[0].reps = 10;
  d.open = false;
  ui::open_handout_dialog(d, s);
  CHECK(d.entries[0].reps == 10);
}

TEST_CASE("handout dialog: drills move up and down, clamped at the ends") {
  session::Session s = shipped();
  ui::HandoutDialog d;
  ui::open_handout_dialog(d, s);
  REQUIRE(d.entries.size() >= 3);
  const std::string a = d.entries[0].id, b = d.entries[1].id, c = d.entries[2].id;
  CHECK(ui::move_handout_entry(d, 2, -1) == 1);
  CHECK(d.entries[0].id == a);
  CHECK(d.entries[1].id == c);
  CHECK(d.entries[2].id == b);
  CHECK(ui::move_handout_entry(d, 0, -1) == 0);  // the first stays first
  CHECK(d.entries[0].id == a);
  const int last = static_cast<int>(d.entries.size()) - 1;
  CHECK(ui::move_handout_entry(d, 0, 5 + last) == last);
  CHECK(d.entries[static_cast<std::size_t>(last)].id == a);
}

TEST_CASE("handout dialog: Save's arguments are what hiplab handout accepts, with the edited dosage only") {
  session::Session s = shipped();
  ui::HandoutDialog d;
  CHECK_FALSE(ui::handout_arguments(d).ok());  // nothing listed
  ui::open_handout_dialog(d, s);
  auto none = ui::handout_arguments(d);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message == "Tick at least one drill for the handout");
  auto find = [&](const std::string& id) {
    return std::find_if(d.entries.begin(), d.entries.end(), [&](const ui::HandoutEntry& e) { return e.id == id; });
  };
  find("figure4_self_test")->include = true;
  find("clamshell")->include = true;
  find("clamshell")->sets = 2;
  find("clamshell")->reps = 12;
  ui::move_handout_entry(d, static_cast<int>(find("clamshell") - d.entries.begin()), -100);  // clamshell first
  d.patient = "Jane Doe";
  d.letter = true;
  d.path = "jane.pdf";
  auto args = ui::handout_arguments(d);
  REQUIRE(args.ok());
  const std::vector<std::string> want{"handout", "--drills", "clamshell,figure4_self_test", "--side", "right", "--paper",
                                      "letter", "--dosage", "clamshell=2x12", "--patient", "Jane Doe", "--out", "jane.pdf"};
  CHECK(args.value() == want);

  // The same arguments through the command's own checks: two drills in that order, the clamshell's
  // dosage the patient's, the figure-4's the file's.
  app::HandoutOptions o;
  o.drills = args.value()[2];
  o.dosage = args.value()[8];
  o.paper = args.value()[6];
  o.out = "jane.pdf";
  auto plan = app::plan_handout(o);
  REQUIRE_MESSAGE(plan.ok(), plan.error().message);
  REQUIRE(plan->drills.size() == 2);
  CHECK(plan->drills[0].dosage.text == "2 sets of 12 per side");
  CHECK_FALSE(plan->drills[1].dosage_overridden);

  d.path = "jane.png";
  auto bad = ui::handout_arguments(d);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "The handout's file name must end in .pdf");
}

TEST_CASE("handout dialog: Preview's arguments draw the chosen page to a picture, and a page beyond the ticked drills is refused") {
  session::Session s = shipped();
  ui::HandoutDialog d;
  ui::open_handout_dialog(d, s);
  auto find = [&](const std::string& id) {
    return std::find_if(d.entries.begin(), d.entries.end(), [&](const ui::HandoutEntry& e) { return e.id == id; });
  };
  for (ui::HandoutEntry& e : d.entries) e.include = false;
  find("clamshell")->include = true;
  d.path = "";  // the PDF's name is not needed for a preview
  d.preview_page = 2;
  auto args = ui::handout_preview_arguments(d, "/tmp/x/page.png");
  REQUIRE_MESSAGE(args.ok(), args.error().message);
  const std::vector<std::string> want{"handout", "--drills", "clamshell", "--side", d.left ? "left" : "right", "--paper", "a4",
                                      "--page", "2", "--out", "/tmp/x/page.png"};
  CHECK(args.value() == want);
  d.preview_page = 3;
  auto bad = ui::handout_preview_arguments(d, "/tmp/x/page.png");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "Page 3: the handout has 2 pages (the cover and one per ticked drill)");
}

TEST_CASE("handout dialog from a visit's programme: its drills ticked first in its order, its dosage, the patient and side") {
  session::Session s = shipped();
  ui::HandoutDialog d;
  std::vector<records::ProgrammeItem> programme(4);
  programme[0].drill = "reverse_clamshell";
  programme[0].dosage = "2x12";
  programme[0].side = records::Side::kLeft;
  programme[1].drill = "figure4_self_test";
  programme[1].dosage = "1 x 1 x 30s";
  programme[2].drill = "clamshell";
  programme[2].dosage = "as tolerated";  // free text: the file's dosage stays
  programme[3].drill = "no_such_drill";
  const std::vector<std::string> unknown = ui::open_handout_for_programme(d, s, "Jane Doe", programme);
  CHECK(unknown == std::vector<std::string>{"no_such_drill"});
  CHECK(d.open);
  CHECK(d.patient == "Jane Doe");
  CHECK(d.left);
  REQUIRE(d.entries.size() >= 3);
  CHECK(d.entries[0].id == "reverse_clamshell");
  CHECK(d.entries[1].id == "figure4_self_test");
  CHECK(d.entries[2].id == "clamshell");
  CHECK(std::count_if(d.entries.begin(), d.entries.end(), [](const ui::HandoutEntry& e) { return e.include; }) == 3);
  CHECK(d.entries[0].sets == 2);
  CHECK(d.entries[0].reps == 12);
  CHECK(d.entries[1].hold_s == 30.0);
  CHECK(d.entries[2].sets == d.entries[2].file_sets);
  CHECK(d.entries[2].reps == d.entries[2].file_reps);
  auto args = ui::handout_arguments(d);
  REQUIRE(args.ok());
  CHECK(args.value()[2] == "reverse_clamshell,figure4_self_test,clamshell");
}
