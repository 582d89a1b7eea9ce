// photo.h — the photos a measurement is made from: reading a JPEG or PNG, the downscaled copy for
// display and the thumbnail, and keeping both in the patient's photo folder.
//
// A kept photo is two files in <photos root>/<patient id>/ (records/store.h photos_dir): the
// photo's own bytes, unchanged (the evidence the angle was measured on; its pixel grid is the one
// the landmarks refer to), named <date>-<8 hex digits>.jpg|.png, and its thumbnail,
// <same name>.thumb.jpg, at most kThumbnailPx on its longer side. The folders are made 0700 and
// the files 0600 (health data), each written atomically (core/atomic_file.h).
// The measurement stores only the name (Measurement::photo), so the folder can move with the
// records: an export copies it and an import copies it back under the new patient's number.
// Only JPEG and PNG are read (stb_image), and not past kMaxPhotoPixels, so a hostile file cannot
// ask for gigabytes. A JPEG's EXIF orientation is applied when it is decoded, so a phone photo
// taken sideways is shown, measured and thumbnailed upright, and the landmarks refer to that
// upright grid (the kept bytes stay as taken; decoding them again gives the same grid).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace hiplab::records {

inline constexpr int kThumbnailPx = 256;
inline constexpr long long kMaxPhotoPixels = 64LL * 1000 * 1000;

struct PhotoPixels {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // row 0 at the top
};

// Reads a JPEG or PNG file, upright (EXIF orientation applied); errors name the file
// ("x.gif: not a JPEG or PNG photo").
Result<PhotoPixels> read_photo(const std::string& path);
// The same from bytes in memory; `label` names them in errors.
Result<PhotoPixels> decode_photo(std::string_view bytes, const std::string& label);
// A copy no larger than `max_side` on its longer side (the average of the pixels each new one
// covers); the photo itself when it already fits.
PhotoPixels downscale(const PhotoPixels& photo, int max_side);
// Baseline JPEG bytes (stb_image_write), quality 1..100.
std::string encode_jpeg(const PhotoPixels& photo, int quality = 85);

// Whether `name` can be a kept photo's name: letters, digits, '-', '_' and '.', not starting with
// '.', at most 100 bytes, ending .jpg or .png. A name from a file (an import) that is not is
// refused, so it can never point outside the patient's folder.
bool valid_photo_name(std::string_view name);
// "<name>.thumb.jpg"
std::string thumbnail_name(const std::string& photo_name);

// A folder made (with its parents) and set owner-only (0700), existing or not; errors name it.
Status make_private_dir(const std::string& folder);
// `bytes` written atomically (core/atomic_file.h) at `path`, then set owner-only (0600).
Status write_private_file(const std::string& path, std::string_view bytes);

// Keeps the photo at `source` in `folder` (made 0700 with its parent when missing): its bytes and
// its thumbnail, as above. `date` (YYYY-MM-DD) starts the name. Returns the name.
Result<std::string> keep_photo(const std::string& folder, const std::string& source, const std::string& date);

}  // namespace hiplab::records
