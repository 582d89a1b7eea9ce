#include "records/photo.h"

#include <algorithm>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include <stb_image.h>
#include <stb_image_write.h>
#include <sys/stat.h>

#include "core/atomic_file.h"

namespace hiplab::records {

namespace {

namespace fs = std::filesystem;

bool is_jpeg(std::string_view b) { return b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 && static_cast<unsigned char>(b[2]) == 0xFF; }
bool is_png(std::string_view b) { return b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8); }

// The EXIF orientation tag (0x0112, values 1..8; EXIF 2.3 section 4.6.4, TIFF 6.0 layout) of JPEG
// bytes: 1 (as stored) when there is none or it cannot be read. Every offset is checked against
// the segment, so a hostile header reads as 1, never past the bytes.
int exif_orientation(std::string_view b) {
  auto u8 = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(b[i])); };
  if (b.size() < 4 || u8(0) != 0xFF || u8(1) != 0xD8) return 1;
  std::size_t p = 2;
  while (p + 4 <= b.size()) {
    if (u8(p) != 0xFF) return 1;
    const unsigned marker = u8(p + 1);
    if (marker == 0xFF) {  // fill byte
      ++p;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9) return 1;  // the image data starts: no header after it
    const std::size_t len = (u8(p + 2) << 8) | u8(p + 3);
    if (len < 2 || p + 2 + len > b.size()) return 1;
    if (marker == 0xE1 && len >= 16 && b.substr(p + 4, 6) == std::string_view("Exif\0\0", 6)) {
      const std::string_view t = b.substr(p + 10, len - 8);  // the TIFF structure
      const bool le = t.substr(0, 2) == "II", be = t.substr(0, 2) == "MM";
      if (!le && !be) return 1;
      auto get = [&](std::size_t o, int n) -> long long {
        if (o + static_cast<std::size_t>(n) > t.size()) return -1;
        unsigned long long v = 0;
        for (int i = 0; i < n; ++i) {
          const unsigned byte = static_cast<unsigned char>(t[o + static_cast<std::size_t>(le ? n - 1 - i : i)]);
          v = (v << 8) | byte;
        }
        return static_cast<long long>(v);
      };
      const long long ifd = get(4, 4);
      const long long count = ifd < 0 ? -1 : get(static_cast<std::size_t>(ifd), 2);
      if (count < 0) return 1;
      for (long long e = 0; e < count; ++e) {
        const std::size_t at = static_cast<std::size_t>(ifd) + 2 + static_cast<std::size_t>(e) * 12;
        const long long tag = get(at, 2), type = get(at + 2, 2);
        if (tag < 0) return 1;
        if (tag == 0x0112 && type == 3) {  // SHORT, its value in the entry's first two bytes
          const long long v = get(at + 8, 2);
          return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
        }
      }
      return 1;
    }
    p += 2 + len;
  }
  return 1;
}

// The photo turned upright as the camera meant it: EXIF orientation 2..8 (ImageMagick's names:
// flop, rotate 180, flip, transpose, rotate 90 clockwise, transverse, rotate 270).
PhotoPixels apply_orientation(PhotoPixels in, int orientation) {
  if (orientation <= 1 || orientation > 8) return in;
  const int w = in.width, h = in.height;
  const bool swap = orientation >= 5;
  PhotoPixels out;
  out.width = swap ? h : w;
  out.height = swap ? w : h;
  out.rgba.resize(in.rgba.size());
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;
      switch (orientation) {
        case 2: sx = w - 1 - x; break;
        case 3: sx = w - 1 - x, sy = h - 1 - y; break;
        case 4: sy = h - 1 - y; break;
        case 5: sx = y, sy = x; break;
        case 6: sx = y, sy = h - 1 - x; break;
        case 7: sx = w - 1 - y, sy = h - 1 - x; break;
        case 8: sx = w - 1 - y, sy = x; break;
        default: break;
      }
      const std::size_t d = (static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) + static_cast<std::size_t>(x)) * 4;
      const std::size_t src = (static_cast<std::size_t>(sy) * static_cast<std::size_t>(w) + static_cast<std::size_t>(sx)) * 4;
      for (int c = 0; c < 4; ++c) out.rgba[d + static_cast<std::size_t>(c)] = in.rgba[src + static_cast<std::size_t>(c)];
    }
  return out;
}

}  // namespace

Result<PhotoPixels> decode_photo(std::string_view bytes, const std::string& label) {
  if (!is_jpeg(bytes) && !is_png(bytes)) return make_error(label + ": not a JPEG or PNG photo");
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return make_error(label + ": too large a file for a photo");
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int len = static_cast<int>(bytes.size());
  int w = 0, h = 0, comp = 0;
  if (!stbi_info_from_memory(data, len, &w, &h, &comp)) return make_error(label + ": cannot be read as a photo (" + std::string(stbi_failure_reason()) + ")");
  if (w <= 0 || h <= 0 || static_cast<long long>(w) * h > kMaxPhotoPixels)
    return make_error(label + ": " + std::to_string(w) + "x" + std::to_string(h) + " pixels (expected at most " + std::to_string(kMaxPhotoPixels / 1000000) + " million)");
  stbi_uc* px = stbi_load_from_memory(data, len, &w, &h, &comp, 4);
  if (!px) return make_error(label + ": cannot be read as a photo (" + std::string(stbi_failure_reason()) + ")");
  PhotoPixels out;
  out.width = w;
  out.height = h;
  out.rgba.assign(px, px + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(px);
  return is_jpeg(bytes) ? apply_orientation(std::move(out), exif_orientation(bytes)) : out;
}

Result<PhotoPixels> read_photo(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ": cannot be read (expected a JPEG or PNG photo)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return decode_photo(ss.str(), path);
}

PhotoPixels downscale(const PhotoPixels& p, int max_side) {
  if (max_side <= 0 || (p.width <= max_side && p.height <= max_side)) return p;
  const double s = static_cast<double>(max_side) / std::max(p.width, p.height);
  PhotoPixels out;
  out.width = std::max(1, static_cast<int>(p.width * s + 0.5));
  out.height = std::max(1, static_cast<int>(p.height * s + 0.5));
  out.rgba.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);
  for (int y = 0; y < out.height; ++y) {
    const int y0 = y * p.height / out.height, y1 = std::max(y0 + 1, (y + 1) * p.height / out.height);
    for (int x = 0; x < out.width; ++x) {
      const int x0 = x * p.width / out.width, x1 = std::max(x0 + 1, (x + 1) * p.width / out.width);
      unsigned long sum[4] = {0, 0, 0, 0};
      for (int yy = y0; yy < y1; ++yy)
        for (int xx = x0; xx < x1; ++xx)
          for (int c = 0; c < 4; ++c) sum[c] += p.rgba[(static_cast<std::size_t>(yy) * static_cast<std::size_t>(p.width) + static_cast<std::size_t>(xx)) * 4 + static_cast<std::size_t>(c)];
      const unsigned long n = static_cast<unsigned long>((y1 - y0) * (x1 - x0));
      for (int c = 0; c < 4; ++c)
        out.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) + static_cast<std::size_t>(x)) * 4 + static_cast<std::size_t>(c)] =
            static_cast<std::uint8_t>((sum[c] + n / 2) / n);
    }
  }
  return out;
}

std::string encode_jpeg(const PhotoPixels& p, int quality) {
  std::string out;
  stbi_write_jpg_to_func([](void* ctx, void* data, int size) { static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size)); },
                         &out, p.width, p.height, 4, p.rgba.data(), std::clamp(quality, 1, 100));
  return out;
}

bool valid_photo_name(std::string_view name) {
  if (name.empty() || name.size() > 100 || name[0] == '.') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
  const auto ends = [&](std::string_view suffix) { return name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix; };
  return ends(".jpg") || ends(".png");
}

std::string thumbnail_name(const std::string& photo_name) { return photo_name + ".thumb.jpg"; }

Status make_private_dir(const std::string& folder) {
  const fs::path dir = folder;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) return make_error(dir.string() + ": cannot make the folder (" + (ec ? ec.message() : "not a folder") + ")");
  if (::chmod(dir.c_str(), 0700) != 0) return make_error(dir.string() + ": cannot make the folder owner-only");
  return Ok{};
}

Status write_private_file(const std::string& path, std::string_view bytes) {
  if (auto st = write_file_atomic(path, bytes); !st) return st;
  if (::chmod(path.c_str(), 0600) != 0) return make_error(path + ": cannot make the file owner-only");
  return Ok{};
}

Result<std::string> keep_photo(const std::string& folder, const std::string& source, const std::string& date) {
  std::ifstream in(source, std::ios::binary);
  if (!in) return make_error(source + ": cannot be read (expected a JPEG or PNG photo)");
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  auto pixels = decode_photo(bytes, source);
  if (!pixels) return pixels.error();
  const fs::path dir = folder;
  if (folder.empty()) return make_error("this records store keeps no photos");
  if (auto st = make_private_dir(dir.parent_path().string()); !st) return st.error();
  if (auto st = make_private_dir(dir.string()); !st) return st.error();
  // A random part, so two photos of one day (or two workstations) never take the same name.
  std::random_device rd;
  std::string name;
  for (int attempt = 0; attempt < 16; ++attempt) {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(rd()));
    name = date + "-" + hex + (is_png(bytes) ? ".png" : ".jpg");
    std::error_code ec;
    if (!fs::exists(dir / name, ec)) break;
  }
  if (!valid_photo_name(name)) return make_error("date: expected YYYY-MM-DD for the photo's name, got '" + date + "'");
  if (auto st = write_private_file((dir / name).string(), bytes); !st) return st.error();
  if (auto st = write_private_file((dir / thumbnail_name(name)).string(), encode_jpeg(downscale(*pixels, kThumbnailPx), 85)); !st) {
    std::error_code ec;
    fs::remove(dir / name, ec);
    return st.error();
  }
  return name;
}

}  // namespace hiplab::records
