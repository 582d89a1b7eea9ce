// Tests src/records/photo.h: JPEG and PNG read, anything else refused by name, the thumbnail's
// size, and a kept photo's files owner-only in an owner-only folder.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <stb_image_write.h>
#include <sys/stat.h>

#include "core/atomic_file.h"
#include "records/photo.h"
#include "test_support.h"

namespace hiplab {

namespace {

namespace fs = std::filesystem;
using test::mode_of;
using namespace records;

// A w x h photo, each pixel's RGBA from `colour(x, y, q)`; pixel(p, x, y) is its pixel.
template <typename Colour>
PhotoPixels filled(int w, int h, Colour colour) {
  PhotoPixels p;
  p.width = w;
  p.height = h;
  p.rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) colour(x, y, &p.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4]);
  return p;
}

const std::uint8_t* pixel(const PhotoPixels& p, int x, int y) {
  return &p.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) + static_cast<std::size_t>(x)) * 4];
}

PhotoPixels gradient(int w, int h) {
  return filled(w, h, [w, h](int x, int y, std::uint8_t* q) {
    q[0] = static_cast<std::uint8_t>(x * 255 / w);
    q[1] = static_cast<std::uint8_t>(y * 255 / h);
    q[2] = 128;
    q[3] = 255;
  });
}

std::string png_bytes(const PhotoPixels& p) {
  std::string out;
  stbi_write_png_to_func([](void* ctx, void* data, int size) { static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size)); },
                         &out, p.width, p.height, 4, p.rgba.data(), p.width * 4);
  return out;
}

TEST_CASE("photo: a JPEG and a PNG read back at their size, other files are refused by name") {
  const PhotoPixels src = gradient(640, 480);
  auto jpg = decode_photo(encode_jpeg(src, 90), "a.jpg");
  REQUIRE(jpg.ok());
  CHECK(jpg->width == 640);
  CHECK(jpg->height == 480);
  // JPEG is lossy but a smooth gradient comes back close.
  CHECK(std::abs(int(jpg->rgba[(240 * 640 + 320) * 4]) - int(src.rgba[(240 * 640 + 320) * 4])) <= 6);
  auto png = decode_photo(png_bytes(src), "a.png");
  REQUIRE(png.ok());
  CHECK(png->rgba == src.rgba);
  auto gif = decode_photo("GIF89a........", "cat.gif");
  REQUIRE_FALSE(gif.ok());
  CHECK(gif.error().message == "cat.gif: not a JPEG or PNG photo");
  auto cut = decode_photo(encode_jpeg(src, 90).substr(0, 40), "cut.jpg");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().message.rfind("cut.jpg: cannot be read as a photo", 0) == 0);
}

// A JPEG with an EXIF block (APP1 right after SOI) whose IFD0 holds only the orientation tag
// (EXIF 2.3: tag 0x0112, type SHORT, count 1), little- or big-endian.
std::string with_orientation(const std::string& jpeg, int orientation, bool little) {
  auto u16 = [&](unsigned v) { return little ? std::string{char(v & 0xFF), char(v >> 8)} : std::string{char(v >> 8), char(v & 0xFF)}; };
  auto u32 = [&](unsigned v) {
    return little ? u16(v & 0xFFFF) + u16(v >> 16) : u16(v >> 16) + u16(v & 0xFFFF);
  };
  std::string tiff = little ? std::string("II") : std::string("MM");
  tiff += u16(42) + u32(8) + u16(1);                                        // header, IFD0 at 8, one entry
  tiff += u16(0x0112) + u16(3) + u32(1) + u16(static_cast<unsigned>(orientation)) + u16(0);
  tiff += u32(0);                                                           // no next IFD
  const std::string body = std::string("Exif\0\0", 6) + tiff;
  const std::size_t len = body.size() + 2;
  std::string app1 = std::string{char(0xFF), char(0xE1), char(len >> 8), char(len & 0xFF)} + body;
  return jpeg.substr(0, 2) + app1 + jpeg.substr(2);
}

// Left half red, right half blue, w x h.
PhotoPixels halves(int w, int h) {
  return filled(w, h, [w](int x, int, std::uint8_t* q) {
    q[0] = x < w / 2 ? 255 : 0;
    q[1] = 0;
    q[2] = x < w / 2 ? 0 : 255;
    q[3] = 255;
  });
}

bool red_at(const PhotoPixels& p, int x, int y) { return pixel(p, x, y)[0] > 200 && pixel(p, x, y)[2] < 60; }
bool blue_at(const PhotoPixels& p, int x, int y) { return pixel(p, x, y)[2] > 200 && pixel(p, x, y)[0] < 60; }

TEST_CASE("photo: a phone photo taken sideways is read upright (EXIF orientation), either byte order") {
  const std::string plain = encode_jpeg(halves(64, 32), 95);
  for (bool little : {true, false}) {
    CAPTURE(little);
    auto as_is = decode_photo(with_orientation(plain, 1, little), "a.jpg");
    REQUIRE(as_is.ok());
    CHECK(as_is->width == 64);
    CHECK((red_at(*as_is, 8, 16) && blue_at(*as_is, 56, 16)));
    // 6: stored turned left, shown turned 90 degrees clockwise: the left half ends on top.
    auto cw = decode_photo(with_orientation(plain, 6, little), "a.jpg");
    REQUIRE(cw.ok());
    CHECK(cw->width == 32);
    CHECK(cw->height == 64);
    CHECK((red_at(*cw, 16, 8) && blue_at(*cw, 16, 56)));
    // 8: turned 90 degrees the other way: the left half ends at the bottom.
    auto ccw = decode_photo(with_orientation(plain, 8, little), "a.jpg");
    REQUIRE(ccw.ok());
    CHECK(ccw->width == 32);
    CHECK((blue_at(*ccw, 16, 8) && red_at(*ccw, 16, 56)));
    // 3: upside down: left and right swap.
    auto flipped = decode_photo(with_orientation(plain, 3, little), "a.jpg");
    REQUIRE(flipped.ok());
    CHECK(flipped->width == 64);
    CHECK((blue_at(*flipped, 8, 16) && red_at(*flipped, 56, 16)));
  }
  // An orientation out of range or an EXIF block cut short reads as stored, never past the bytes.
  auto odd = decode_photo(with_orientation(plain, 9, true), "a.jpg");
  REQUIRE(odd.ok());
  CHECK(odd->width == 64);
  std::string cut = with_orientation(plain, 6, true);
  cut[5] = 12;  // the APP1 length now ends inside the TIFF header
  auto short_exif = decode_photo(cut, "a.jpg");
  if (short_exif.ok()) CHECK(short_exif->width == 64);
}

TEST_CASE("photo: the thumbnail fits 256 px on its longer side and keeps the shape") {
  const PhotoPixels t = downscale(gradient(1000, 600), kThumbnailPx);
  CHECK(t.width == 256);
  CHECK(t.height == 154);
  // The average of what each thumbnail pixel covers: the left edge dark red, the right bright.
  CHECK(t.rgba[0] < 10);
  CHECK(t.rgba[(255) * 4] > 245);
  const PhotoPixels small = downscale(gradient(100, 50), kThumbnailPx);
  CHECK(small.width == 100);
}

TEST_CASE("photo: a kept photo is the file's bytes and a thumbnail, owner-only, in owner-only folders") {
  const fs::path dir = test::scratch_dir("photo_keep");
  const std::string bytes = encode_jpeg(gradient(800, 600), 90);
  REQUIRE(write_file_atomic((dir / "in.jpg").string(), bytes).ok());
  const fs::path folder = dir / "photos" / "7";
  auto name = keep_photo(folder.string(), (dir / "in.jpg").string(), "2026-03-01");
  REQUIRE_MESSAGE(name.ok(), (name.ok() ? "" : name.error().message));
  CHECK(name->rfind("2026-03-01-", 0) == 0);
  CHECK(valid_photo_name(*name));
  std::ifstream in(folder / *name, std::ios::binary);
  const std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(kept == bytes);
  auto thumb = read_photo((folder / thumbnail_name(*name)).string());
  REQUIRE(thumb.ok());
  CHECK(thumb->width == 256);
  CHECK(thumb->height == 192);
  CHECK(mode_of(folder) == 0700u);
  CHECK(mode_of(folder.parent_path()) == 0700u);
  CHECK(mode_of(folder / *name) == 0600u);
  CHECK(mode_of(folder / thumbnail_name(*name)) == 0600u);
  // Not a photo: nothing is kept.
  REQUIRE(write_file_atomic((dir / "notes.txt").string(), "hello").ok());
  auto bad = keep_photo(folder.string(), (dir / "notes.txt").string(), "2026-03-01");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == (dir / "notes.txt").string() + ": not a JPEG or PNG photo");
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 2);
}

TEST_CASE("photo: a name from a file can never reach outside the patient's folder") {
  CHECK(valid_photo_name("2026-03-01-0a1b2c3d.jpg"));
  CHECK(valid_photo_name("x.png"));
  CHECK_FALSE(valid_photo_name("../1/x.jpg"));
  CHECK_FALSE(valid_photo_name("/etc/passwd.jpg"));
  CHECK_FALSE(valid_photo_name(".hidden.jpg"));
  CHECK_FALSE(valid_photo_name("photo.gif"));
  CHECK_FALSE(valid_photo_name(""));
}

}  // namespace

}  // namespace hiplab
