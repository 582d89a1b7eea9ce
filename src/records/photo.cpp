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

Status private_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) return make_error(dir.string() + ": cannot make the photo folder (" + (ec ? ec.message() : "not a folder") + ")");
  if (::chmod(dir.c_str(), 0700) != 0) return make_error(dir.string() + ": cannot make the photo folder owner-only");
  return Ok{};
}

Status write_private(const fs::path& path, std::string_view bytes) {
  if (auto st = write_file_atomic(path.string(), bytes); !st) return st;
  if (::chmod(path.c_str(), 0600) != 0) return make_error(path.string() + ": cannot make the photo owner-only");
  return Ok{};
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
  return out;
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
  if (auto st = private_dir(dir.parent_path()); !st) return st.error();
  if (auto st = private_dir(dir); !st) return st.error();
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
  if (auto st = write_private(dir / name, bytes); !st) return st.error();
  if (auto st = write_private(dir / thumbnail_name(name), encode_jpeg(downscale(*pixels, kThumbnailPx), 85)); !st) {
    std::error_code ec;
    fs::remove(dir / name, ec);
    return st.error();
  }
  return name;
}

}  // namespace hiplab::records
