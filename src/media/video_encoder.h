// video_encoder.h — RGBA frames in, a video file out, through the ffmpeg libraries from Debian
// (libavcodec, libavformat, libswscale, libavfilter): no GL, no ffmpeg program, no encoder of our own.
//   .mp4  — H.264 (libx264, preset veryfast, CRF 20), yuv420p, BT.709 limited range, the index at the
//           front (+faststart) so a phone can start playing before the whole file has arrived;
//   .webm — VP9 (libvpx-vp9) at its real-time settings (deadline realtime, cpu-used 8, row-mt),
//           constant quality (CRF 32), yuv420p, BT.709;
//   .gif  — one palette for the whole clip (libavfilter palettegen, stats over every frame) applied
//           with ordered (Bayer) dithering by paletteuse, only the changed rectangle of each frame
//           redrawn; loops forever. Bayer dithering is chosen over error diffusion because its
//           pattern stays put from frame to frame, so unchanged areas stay unchanged and the GIF's
//           LZW packs them (error diffusion makes the noise crawl and the file several times larger).
//
// Frames are encoded on a worker thread (add_frame copies the pixels and returns; at most
// kQueueFrames wait), so the caller's next frame renders while the last one encodes.
// The file is written under a temporary name in the target's folder and renamed over the target by
// finish(); cancel(), a failure, or destroying an unfinished encoder removes the temporary, so an
// interrupted export never leaves a partial file. Errors name the file and the reason
// ("clip.mp4: cannot write (No space left on device)").
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace hiplab::media {

enum class VideoFormat : unsigned char { kMp4, kWebm, kGif };

// The format a file name asks for by its extension (.mp4, .webm, .gif; any case), or none.
std::optional<VideoFormat> video_format_for_path(const std::string& path);
const char* video_format_name(VideoFormat f);  // "MP4 (H.264)", "WebM (VP9)", "GIF"

struct VideoSettings {
  VideoFormat format = VideoFormat::kMp4;
  int width = 1280, height = 720;  // MP4 and WebM need both even (4:2:0 chroma)
  int fps = 30;                    // 1..60
};

// Why the settings cannot be encoded (odd size for 4:2:0, fps out of range), naming the option
// (--size, --fps) as the command line and the dialog call them; empty when they can.
std::string check_video_settings(const VideoSettings& s);

class VideoEncoder {
 public:
  static constexpr int kQueueFrames = 4;
  // Opens `path`'s temporary file and the encoder; an encoder Debian's libavcodec lacks is an error
  // that names it.
  static Result<std::unique_ptr<VideoEncoder>> open(const std::string& path, const VideoSettings& settings);
  ~VideoEncoder();  // an unfinished file is removed
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;

  // One frame, width x height RGBA8 (sRGB-encoded, row 0 at the top, alpha ignored), shown for
  // 1/fps s. Blocks only while kQueueFrames frames wait. An error of an earlier frame comes back here.
  Status add_frame(const std::uint8_t* rgba);
  // Encodes what is queued, writes the trailer (and moves the index to the front for MP4), then
  // renames the temporary file to the target.
  Status finish();
  // Stops at once and removes the temporary file.
  void cancel();
  // Bytes written to the file so far (for progress and tests).
  std::int64_t bytes_written() const;

 private:
  VideoEncoder() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hiplab::media
