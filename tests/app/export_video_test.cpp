// export_video_test.cpp — tests `hiplab export-video` (src/app/cmd_export_video.h, video_export.h,
// video_clip.h) in-process: ffprobe reports the codec, pixel format, size, frame rate and length
// (set-up once + reps x the rep) of the MP4, WebM and GIF it writes, the MP4's index comes before its
// data (+faststart); a frame decoded at time t matches `hiplab render --framing drill` at t
// (PSNR >= 30 dB over the body's bounding box); GIF holds are shortened; bad options exit 2 with
// one message and write nothing; an unwritable folder gives one message and leaves nothing.
// Ctrl+C and a full disk are tested on the real process by tests/export_video_signals.sh.
// Small pictures and few frames keep it quick. Skipped without ffprobe/ffmpeg or a GL driver.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "app/cli.h"
#include "app/cmd_drill_moment.h"
#include "app/headless.h"
#include "app/video_clip.h"
#include "render/image.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;
using test::capture_stderr;
using test::have_program;
using test::run_program;

namespace {

// Why this machine cannot run the test ("" when it can): ffprobe/ffmpeg, or a GL driver.
std::string video_cannot_run() {
  if (!have_program("ffprobe") || !have_program("ffmpeg")) return "ffprobe/ffmpeg not installed (Debian package ffmpeg)";
  auto probe = app::HeadlessSession::create();
  if (!probe.ok() && test::gl_unavailable(probe.error().message)) return probe.error().message;
  return "";
}

// ffprobe's key=value lines for the first video stream and the container.
std::map<std::string, std::string> probe(const std::string& file) {
  const std::string text = run_program(
      "ffprobe -v error -select_streams v:0 -count_frames -show_entries "
      "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames:format=duration -of default=nw=1 '" + file + "'");
  std::map<std::string, std::string> kv;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (auto eq = line.find('='); eq != std::string::npos) kv[line.substr(0, eq)] = line.substr(eq + 1);
  return kv;
}

int run_export_video(const std::vector<std::string>& args) {
  std::vector<std::string> all{"hiplab"};
  all.insert(all.end(), args.begin(), args.end());
  return capture_stderr([&] { return app::run_cli(all); }).status;
}

// The top-level MP4 boxes in file order ("ftyp", "moov", "mdat", ...).
std::vector<std::string> mp4_boxes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::string> names;
  for (;;) {
    unsigned char h[8];
    if (!in.read(reinterpret_cast<char*>(h), 8)) break;
    std::uint64_t size = (std::uint64_t{h[0]} << 24) | (std::uint64_t{h[1]} << 16) | (std::uint64_t{h[2]} << 8) | h[3];
    names.emplace_back(reinterpret_cast<char*>(h + 4), 4);
    if (size == 1) {
      unsigned char big[8];
      if (!in.read(reinterpret_cast<char*>(big), 8)) break;
      size = 0;
      for (unsigned char b : big) size = (size << 8) | b;
      in.seekg(static_cast<std::streamoff>(size - 16), std::ios::cur);
    } else if (size < 8) {
      break;
    } else {
      in.seekg(static_cast<std::streamoff>(size - 8), std::ios::cur);
    }
  }
  return names;
}

}  // namespace

TEST_CASE("DrillClip: set-up once, then reps x the rep, finish left out, GIF holds over 4 s shown in 3 s") {
  auto clamshell = app::find_drill("clamshell");
  REQUIRE(clamshell.ok());
  // Rest (set-up, 2 s), then Open 2 s + Close 2 s a rep (assets/drills/clamshell.json).
  auto c = app::DrillClip::make(clamshell.value(), anatomy::Side::kRight, 2, false);
  REQUIRE(c.ok());
  CHECK(c->duration() == doctest::Approx(2.0 + 2 * 4.0));
  CHECK(c->frame_count(30) == 300);
  CHECK(c->drill_time(5.0) == doctest::Approx(5.0));
  CHECK(app::default_clip_reps(clamshell.value()) == 3);
  auto ninety = app::find_drill("ir_pails_rails_9090");
  REQUIRE(ninety.ok());
  // A rep: passive hold 30 s, PAILs hold 15 s, RAILs 10 s, lower 4 s (59 s); the GIF shows the holds in 3 s each.
  auto mp4 = app::DrillClip::make(ninety.value(), anatomy::Side::kRight, 1, false);
  auto gif = app::DrillClip::make(ninety.value(), anatomy::Side::kRight, 1, true);
  REQUIRE(mp4.ok());
  REQUIRE(gif.ok());
  CHECK(mp4->duration() == doctest::Approx(59.0));
  CHECK(gif->duration() == doctest::Approx(3.0 + 3.0 + 10.0 + 4.0));
  REQUIRE(gif->shortened_hold(1.0).has_value());
  CHECK(*gif->shortened_hold(1.0) == doctest::Approx(30.0));
  CHECK(*gif->shortened_hold(4.5) == doctest::Approx(15.0));
  CHECK_FALSE(gif->shortened_hold(8.0).has_value());
  CHECK(gif->drill_time(1.5) == doctest::Approx(15.0));   // half way through the shortened passive hold
  CHECK(gif->drill_time(8.0) == doctest::Approx(47.0));   // 2 s into RAILs (30 + 15 + 2)
  // figure-4's finish phase (Release) is left out: set-up 3 s + 5 s hold + 4 s.
  auto fig4 = app::DrillClip::make(app::find_drill("figure4_self_test").value(), anatomy::Side::kLeft, 1, false);
  REQUIRE(fig4.ok());
  CHECK(fig4->duration() == doctest::Approx(3.0 + 5.0 + 4.0));
}

TEST_CASE("hiplab export-video: MP4 is H.264 yuv420p at the size and rate asked, set-up + reps x rep long, index first") {
  if (std::string why = video_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("video_mp4");
  const std::string out = (dir / "clamshell.mp4").string();
  REQUIRE(run_export_video({"export-video", "--drill", "clamshell", "--reps", "1", "--size", "160x90", "--fps", "10", "--out", out}) == 0);
  auto p = probe(out);
  CHECK(p["codec_name"] == "h264");
  CHECK(p["pix_fmt"] == "yuv420p");
  CHECK(p["width"] == "160");
  CHECK(p["height"] == "90");
  CHECK(p["r_frame_rate"] == "10/1");
  CHECK(p["nb_read_frames"] == "60");  // (2 s set-up + 1 x 4 s rep) x 10 fps
  CHECK(std::atof(p["duration"].c_str()) == doctest::Approx(6.0).epsilon(0.01));
  const std::vector<std::string> boxes = mp4_boxes(out);
  const auto moov = std::find(boxes.begin(), boxes.end(), "moov"), mdat = std::find(boxes.begin(), boxes.end(), "mdat");
  REQUIRE(moov != boxes.end());
  REQUIRE(mdat != boxes.end());
  CHECK(moov < mdat);  // +faststart: a phone can play it while it downloads
  CHECK(fs::directory_iterator(dir) != fs::directory_iterator());
  int files = 0;
  for (auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);  // no temporary left beside it
  fs::remove_all(dir);
}

TEST_CASE("hiplab export-video: WebM is VP9 yuv420p, two reps of the clamshell last 2 + 2 x 4 s") {
  if (std::string why = video_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("video_webm");
  const std::string out = (dir / "clamshell.webm").string();
  REQUIRE(run_export_video({"export-video", "--drill", "clamshell", "--reps", "2", "--size", "128x72", "--fps", "5", "--out", out}) == 0);
  auto p = probe(out);
  CHECK(p["codec_name"] == "vp9");
  CHECK(p["pix_fmt"] == "yuv420p");
  CHECK(p["width"] == "128");
  CHECK(p["height"] == "72");
  CHECK(p["r_frame_rate"] == "5/1");
  CHECK(p["nb_read_frames"] == "50");
  CHECK(std::atof(p["duration"].c_str()) == doctest::Approx(10.0).epsilon(0.01));
  fs::remove_all(dir);
}

TEST_CASE("hiplab export-video: GIF with its holds shortened (90/90 PAILs/RAILs: 59 s a rep shown in 20 s)") {
  if (std::string why = video_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("video_gif");
  const std::string out = (dir / "ninety.gif").string();
  REQUIRE(run_export_video({"export-video", "--drill", "ir_pails_rails_9090", "--reps", "1", "--size", "96x54", "--fps", "4", "--out", out}) == 0);
  auto p = probe(out);
  CHECK(p["codec_name"] == "gif");
  CHECK(p["width"] == "96");
  CHECK(p["height"] == "54");
  CHECK(p["nb_read_frames"] == "80");  // 20 s x 4 fps
  CHECK(std::atof(p["duration"].c_str()) == doctest::Approx(20.0).epsilon(0.02));
  fs::remove_all(dir);
}

TEST_CASE("hiplab export-video: a decoded frame at t matches hiplab render at t (PSNR >= 30 dB over the body)") {
  if (std::string why = video_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("video_psnr");
  const std::string out = (dir / "clamshell.mp4").string();
  const std::string frame = (dir / "frame.png").string(), still = (dir / "still.png").string(), body = (dir / "body.png").string();
  // t = 3 s: a second into the first Open, the top knee moving. 10 fps: frame 30.
  REQUIRE(run_export_video({"export-video", "--drill", "clamshell", "--reps", "1", "--size", "320x180", "--fps", "10", "--captions", "off", "--out", out}) == 0);
  REQUIRE(run_export_video({"render", "--drill", "clamshell", "--time", "3", "--size", "320x180", "--framing", "drill", "--out", still}) == 0);
  REQUIRE(run_export_video({"render", "--drill", "clamshell", "--time", "3", "--size", "320x180", "--framing", "drill", "--transparent", "--names", "off",
               "--props", "off", "--out", body}) == 0);
  run_program("ffmpeg -v error -y -i '" + out + "' -vf 'select=eq(n\\,30)' -vsync 0 -frames:v 1 '" + frame + "'");
  auto a = read_png(frame), b = read_png(still), m = read_png(body);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(m.ok());
  REQUIRE(a->width == b->width);
  REQUIRE(a->height == b->height);
  // The body's bounding box: where the transparent render has anything.
  int x0 = m->width, y0 = m->height, x1 = -1, y1 = -1;
  for (int y = 0; y < m->height; ++y)
    for (int x = 0; x < m->width; ++x)
      if (m->pixel(x, y)[3] > 0) x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
  REQUIRE(x1 > x0 + 20);
  REQUIRE(y1 > y0 + 20);
  double sum = 0.0;
  long n = 0;
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x)
      for (int c = 0; c < 3; ++c) {
        const double d = double(a->pixel(x, y)[c]) - double(b->pixel(x, y)[c]);
        sum += d * d;
        ++n;
      }
  const double psnr = 10.0 * std::log10(255.0 * 255.0 / std::max(sum / n, 1e-9));
  INFO("PSNR over the body box " << x0 << "," << y0 << " .. " << x1 << "," << y1 << ": " << psnr << " dB");
  CHECK(psnr >= 30.0);
  // And a frame of another moment does not (the check can fail): frame 0, the rest pose.
  run_program("ffmpeg -v error -y -i '" + out + "' -vf 'select=eq(n\\,5)' -vsync 0 -frames:v 1 '" + frame + "'");
  auto other = read_png(frame);
  REQUIRE(other.ok());
  sum = 0.0;
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x)
      for (int c = 0; c < 3; ++c) {
        const double d = double(other->pixel(x, y)[c]) - double(b->pixel(x, y)[c]);
        sum += d * d;
      }
  CHECK(10.0 * std::log10(255.0 * 255.0 / std::max(sum / n, 1e-9)) < psnr - 3.0);
  fs::remove_all(dir);
}

TEST_CASE("hiplab export-video: bad options give one message naming the option, exit 2, and write nothing") {
  if (std::string why = video_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("video_bad");
  const std::string mp4 = (dir / "x.mp4").string();
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--drill", "clamshell", "--out", (dir / "x.avi").string()}, "--out '" + (dir / "x.avi").string() + "': expected a file name ending in .mp4, .webm or .gif"},
      {{"--drill", "clamshell", "--size", "321x180", "--out", mp4}, "--size 321x180: MP4 (H.264) needs an even width and height"},
      {{"--drill", "clamshell", "--fps", "0", "--out", mp4}, "--fps 0: expected 1..60"},
      {{"--drill", "clamshell", "--reps", "0", "--out", mp4}, "--reps 0: expected 1..100"},
      {{"--drill", "clamshell", "--captions", "big", "--out", mp4}, "--captions 'big': expected on or off"},
      {{"--drill", "clamshell", "--view", "drill:9", "--out", mp4}, "--view 'drill:9': the drill has"},
      {{"--drill", "no_such_drill", "--out", mp4}, "--drill 'no_such_drill': no such drill"},
      {{"--drill", "clamshell", "--size", "1280x720", "--out", (dir / "x.gif").string()}, "a GIF is at most 800 pixels wide"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> all{"hiplab", "export-video"};
    all.insert(all.end(), c.args.begin(), c.args.end());
    const auto r = capture_stderr([&] { return app::run_cli(all); });
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find(c.message) != std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);  // one message
  }
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST_CASE("hiplab export-video: an unwritable folder gives one message naming the file and leaves nothing") {
  if (std::string why = video_cannot_run(); !why.empty()) HIPLAB_SKIP(why);
  const auto dir = test::scratch_dir("video_unwritable");
  // A folder that is a file: no user, root included, can write into it.
  std::ofstream(dir / "not_a_folder") << "x";
  const std::string out = (dir / "not_a_folder" / "clip.mp4").string();
  const auto r = capture_stderr([&] {
    return app::run_cli({"hiplab", "export-video", "--drill", "clamshell", "--reps", "1", "--size", "64x36", "--out", out});
  });
  CHECK(r.status == 1);
  CHECK(r.out == "error: " + out + ": cannot write (Not a directory)\n");
  int files = 0;
  for (auto& e : fs::directory_iterator(dir)) files += e.path().filename() != "not_a_folder" ? 1 : 0;
  CHECK(files == 0);
  fs::remove_all(dir);
}
