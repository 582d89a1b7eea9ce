// handout_test.cpp — tests `hiplab handout` (src/app/cmd_handout.h, handout.h, media/handout_pdf.h)
// in-process with the shipped drills and small pictures: poppler's pdfinfo counts a cover plus one
// page per drill on A4 and on US Letter, pdffonts finds every font embedded, pdftotext finds every
// cue, the dosage (the file's, and one set per patient by --dosage), how often, what it should feel
// like, when to stop, the myth note and the patient's name; an unknown drill and a bad dosage exit 2
// with one message naming them and write nothing; the key moments come from the file's "handout"
// block, or are computed for a drill without one. Skipped without poppler-utils or a GL driver.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/cli.h"
#include "render/image.h"
#include "app/cmd_drill_moment.h"
#include "app/handout.h"
#include "app/headless.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;
using test::capture_stderr;
using test::have_program;
using test::run_program;

namespace {

std::string handout_cannot_run() {
  if (!have_program("pdfinfo") || !have_program("pdffonts") || !have_program("pdftotext"))
    return "pdfinfo/pdffonts/pdftotext not installed (Debian package poppler-utils)";
  auto probe = app::HeadlessSession::create();
  if (!probe.ok() && test::gl_unavailable(probe.error().message)) return probe.error().message;
  return "";
}

test::Captured run_handout(const std::vector<std::string>& args) {
  std::vector<std::string> all{"hiplab"};
  all.insert(all.end(), args.begin(), args.end());
  return capture_stderr([&] { return app::run_cli(all); });
}

// Whitespace runs (line breaks of the layout) as one space, so a wrapped cue still matches; without
// '-', which pdftotext drops at the end of a line (it takes it for a hyphenated word).
std::string squeezed(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '-') continue;
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

const std::vector<std::string> kDrills{"clamshell", "figure4_self_test", "ir_pails_rails_supine"};

}  // namespace

TEST_CASE("handout: a cover and one page per drill, fonts embedded, every cue and dosage in the text") {
  if (const std::string why = handout_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("handout");
  const std::string out = (dir / "plan.pdf").string();
  const auto r = run_handout({"handout", "--drills", "clamshell,figure4_self_test,ir_pails_rails_supine", "--patient", "Jane Doe",
                      "--therapist", "Sam Lee", "--clinic", "Hip Clinic, 1 Main Street", "--notes", "Start gently.",
                      "--dosage", "clamshell=2x12", "--date", "1 January 2027", "--picture-size", "160x120", "--out", out});
  INFO(r.out);
  REQUIRE(r.status == 0);
  REQUIRE(fs::exists(out));
  for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename() == "plan.pdf");  // no temporary left

  const std::string info = run_program("pdfinfo '" + out + "'");
  CHECK(info.find("Pages:           4\n") != std::string::npos);
  CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);

  // pdffonts: a header of two lines, then one line a font; the "emb" column says yes for each.
  const std::string fonts = run_program("pdffonts '" + out + "'");
  std::istringstream fl(fonts);
  std::string line;
  int n = 0, embedded = 0;
  for (int i = 0; std::getline(fl, line); ++i) {
    if (i < 2 || line.empty()) continue;
    ++n;
    if (line.find(" yes yes ") != std::string::npos) ++embedded;
  }
  INFO(fonts);
  CHECK(n >= 1);
  CHECK(embedded == n);

  const std::string text = squeezed(run_program("pdftotext -enc UTF-8 '" + out + "' -"));
  CHECK(text.find("Jane Doe") != std::string::npos);
  CHECK(text.find("Sam Lee") != std::string::npos);
  CHECK(text.find("Start gently.") != std::string::npos);
  CHECK(text.find("1 January 2027") != std::string::npos);
  CHECK(text.find("2 sets of 12 per side") != std::string::npos);  // the patient's dosage
  for (const std::string& id : kDrills) {
    auto d = app::find_drill(id);
    REQUIRE(d.ok());
    CAPTURE(id);
    CHECK(text.find(squeezed(d->name)) != std::string::npos);
    for (const motion::Phase& p : d->phases)
      for (const std::string& cue : p.cues) {
        CAPTURE(cue);
        CHECK(text.find(squeezed(cue)) != std::string::npos);
      }
    if (id != "clamshell") CHECK(text.find(squeezed(d->dosage.text)) != std::string::npos);
    CHECK(text.find(squeezed(d->handout.how_often)) != std::string::npos);
    CHECK(text.find(squeezed(d->handout.feel)) != std::string::npos);
    for (const std::string& s : d->handout.stop_if) CHECK(text.find(squeezed(s)) != std::string::npos);
    for (const std::string& s : d->safety) CHECK(text.find(squeezed(s)) != std::string::npos);
    for (const motion::HandoutMoment& m : d->handout.key_moments) CHECK(text.find(squeezed(m.caption)) != std::string::npos);
    for (const motion::MythNote& m : d->myths) CHECK(text.find(squeezed(m.correction)) != std::string::npos);
  }
  // The clamshell's file dosage is replaced by the patient's, not printed beside it.
  CHECK(text.find("3 sets of 20 per side") == std::string::npos);
  // The muscles are named in words, not only shaded (a greyscale print).
  CHECK(text.find("Working most (shaded in the pictures): ") != std::string::npos);
  CHECK(text.find("Stretched most (shaded in the pictures): ") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("handout: US Letter, one drill: two pages of 612 x 792 points") {
  if (const std::string why = handout_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("handout_letter");
  const std::string out = (dir / "plan.pdf").string();
  const auto r = run_handout({"handout", "--drills", "Reverse clamshell", "--side", "left", "--paper", "letter", "--picture-size", "96x72",
                      "--out", out});
  INFO(r.out);
  REQUIRE(r.status == 0);
  const std::string info = run_program("pdfinfo '" + out + "'");
  CHECK(info.find("Pages:           2\n") != std::string::npos);
  CHECK(info.find("Page size:       612 x 792 pts (letter)") != std::string::npos);
  CHECK(squeezed(run_program("pdftotext '" + out + "' -")).find("Left leg") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("handout: an unknown drill or a bad dosage is one message, exit 2, and no file") {
  const auto dir = test::scratch_dir("handout_bad");
  const std::string out = (dir / "plan.pdf").string();
  auto r = run_handout({"handout", "--drills", "clamshell,clamshel", "--out", out});
  CHECK(r.status == 2);
  CHECK(r.out.find("--drills item 2 'clamshel': no such drill") != std::string::npos);
  CHECK(r.out.find("reverse_clamshell") != std::string::npos);  // the known drills are listed
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);

  struct Bad {
    const char* dosage;
    const char* says;
  };
  for (const Bad& b : {Bad{"clamshell=3", "--dosage item 1 'clamshell=3': expected DRILL=SETSxREPS"},
                       Bad{"clamshell=3x10,figure4_self_test=0x1", "--dosage item 2 'figure4_self_test=0x1': expected 1 to 20 sets"},
                       Bad{"reverse_clamshell=3x10", "'reverse_clamshell' is not one of the handout's drills (clamshell, figure4_self_test)"},
                       Bad{"clamshell=3x10x-5s", "--dosage item 1 'clamshell=3x10x-5s': expected a hold"},
                       Bad{"clamshell=3x10,clamshell=2x5", "--dosage item 2 'clamshell=2x5': 'clamshell' has a dosage already"}}) {
    r = run_handout({"handout", "--drills", "clamshell,figure4_self_test", "--dosage", b.dosage, "--out", out});
    CAPTURE(b.dosage);
    CHECK(r.status == 2);
    CHECK(r.out.find(b.says) != std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  }
  r = run_handout({"handout", "--drills", "clamshell", "--paper", "a5", "--out", out});
  CHECK(r.status == 2);
  CHECK(r.out.find("--paper 'a5': expected a4 or letter") != std::string::npos);
  r = run_handout({"handout", "--drills", "clamshell", "--logo", (dir / "none.png").string(), "--out", out});
  CHECK(r.status == 2);
  CHECK(r.out.find("none.png: cannot read the logo") != std::string::npos);
  r = run_handout({"handout", "--drills", "clamshell", "--out", (dir / "plan.txt").string()});
  CHECK(r.status == 2);
  CHECK(r.out.find("expected a file name ending in .pdf") != std::string::npos);
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST_CASE("handout: --dosage sets the patient's sets, reps and hold") {
  auto o = app::parse_dosage_overrides("clamshell=2x12, figure4_self_test = 1x1x30s", {"clamshell", "figure4_self_test"});
  REQUIRE(o.ok());
  REQUIRE(o->size() == 2);
  CHECK(o.value()[0].sets == 2);
  CHECK(o.value()[0].reps == 12);
  CHECK_FALSE(o.value()[0].hold_s);
  REQUIRE(o.value()[1].hold_s);
  CHECK(*o.value()[1].hold_s == 30.0);
  auto clam = app::find_drill("clamshell");
  REQUIRE(clam.ok());
  const motion::Dosage d = app::apply_dosage(clam->dosage, o.value()[0]);
  CHECK(d.text == "2 sets of 12 per side");
  CHECK(d.rest_s == clam->dosage.rest_s);  // what the patient's dosage does not say stays the file's
  auto fig = app::find_drill("figure4_self_test");
  REQUIRE(fig.ok());
  CHECK(app::apply_dosage(fig->dosage, o.value()[1]).text == "1 set of 1 per side, hold 30 s each");
  CHECK(app::dosage_lines(d) == std::vector<std::string>{"2 sets of 12 per side", "Rest 1 min between sets"});
}

TEST_CASE("handout: key moments come from the drill file, or are computed without them") {
  auto clam = app::find_drill("clamshell");
  REQUIRE(clam.ok());
  auto tl = app::handout_timeline(clam.value(), anatomy::Side::kRight);
  REQUIRE(tl.ok());
  // From the file: Rest at its end (2 s), Open at its end (4 s), the middle of Close (5 s).
  const auto file = app::handout_key_moments(tl.value());
  REQUIRE(file.size() == 3);
  CHECK(file[0].time_s == doctest::Approx(2.0));
  CHECK(file[1].time_s == doctest::Approx(4.0));
  CHECK(file[2].time_s == doctest::Approx(5.0));
  CHECK(file[1].caption == clam->handout.key_moments[1].caption);

  // Computed for the same drill without its block: the rep's start (2 s), the key moment (the knee
  // open, about 4 s) which stands for the end of "Open" beside it; the rep comes back to its start,
  // so its end is not shown twice.
  motion::Drill bare = clam.value();
  bare.handout = {};
  auto tl2 = app::handout_timeline(bare, anatomy::Side::kRight);
  REQUIRE(tl2.ok());
  const auto computed = app::handout_key_moments(tl2.value());
  REQUIRE(computed.size() >= 2);
  CHECK(computed.size() <= 4);
  CHECK(computed[0].time_s == doctest::Approx(2.0));
  CHECK(computed[0].caption == "Start position");
  const double key = app::key_moment_time(tl2.value());
  CHECK(std::any_of(computed.begin(), computed.end(), [&](const app::KeyMoment& m) { return m.time_s == key; }));
  for (std::size_t i = 1; i < computed.size(); ++i) CHECK(computed[i].time_s > computed[i - 1].time_s);
  CHECK(computed.back().time_s < tl2->duration() - 0.1);
}

TEST_CASE("handout: --page N --out FILE.png draws that page as it prints (the window's preview), and a page beyond the drills is exit 2") {
  if (const std::string why = handout_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("handout_page");
  const std::string png = (dir / "page.png").string();
  auto r = run_handout({"handout", "--drills", "clamshell", "--patient", "Jane Doe", "--picture-size", "96x72", "--page", "2", "--out", png});
  INFO(r.out);
  REQUIRE(r.status == 0);
  auto image = read_png(png);
  REQUIRE_MESSAGE(image.ok(), image.error().message);
  CHECK(image->width == 827);  // A4 at 100 dpi: 210 mm x 297 mm
  CHECK(image->height == 1169);
  // White paper with dark type: the top-left corner is paper, and the title row has ink.
  CHECK(image->pixel(2, 2)[0] == 255);
  int ink = 0;
  for (int y = 55; y < 95; ++y)
    for (int x = 58; x < 220; ++x) ink += image->pixel(x, y)[0] < 80;
  CHECK(ink > 300);  // "Clamshell" in bold

  r = run_handout({"handout", "--drills", "clamshell", "--picture-size", "96x72", "--page", "3", "--out", (dir / "p3.png").string()});
  CHECK(r.status == 2);
  CHECK(r.out == "error: --page 3: expected 1 (the cover) to 2\n");
  CHECK_FALSE(fs::exists(dir / "p3.png"));
  r = run_handout({"handout", "--drills", "clamshell", "--page", "2", "--out", (dir / "p.pdf").string()});
  CHECK(r.status == 2);
  CHECK(r.out.find("--page 2: only with --out FILE.png") != std::string::npos);
  fs::remove_all(dir);
}
