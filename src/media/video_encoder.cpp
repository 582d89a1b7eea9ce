#include "media/video_encoder.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace hiplab::media {

namespace {

std::string av_error_text(int err) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(err, buf, sizeof buf);
  return buf;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::optional<VideoFormat> video_format_for_path(const std::string& path) {
  const std::string p = lower(path);
  if (ends_with(p, ".mp4")) return VideoFormat::kMp4;
  if (ends_with(p, ".webm")) return VideoFormat::kWebm;
  if (ends_with(p, ".gif")) return VideoFormat::kGif;
  return std::nullopt;
}

const char* video_format_name(VideoFormat f) {
  switch (f) {
    case VideoFormat::kMp4: return "MP4 (H.264)";
    case VideoFormat::kWebm: return "WebM (VP9)";
    case VideoFormat::kGif: return "GIF";
  }
  return "?";
}

std::string check_video_settings(const VideoSettings& s) {
  if (s.fps < 1 || s.fps > 60) return "--fps " + std::to_string(s.fps) + ": expected 1..60 frames per second";
  if (s.width < 16 || s.height < 16)
    return "--size " + std::to_string(s.width) + "x" + std::to_string(s.height) + ": expected at least 16x16";
  if (s.format != VideoFormat::kGif && (s.width % 2 != 0 || s.height % 2 != 0))
    return "--size " + std::to_string(s.width) + "x" + std::to_string(s.height) + ": " + video_format_name(s.format) +
           " needs an even width and height (4:2:0 colour)";
  return {};
}

struct VideoEncoder::Impl {
  VideoSettings settings;
  std::string path, tmp;
  AVFormatContext* fmt = nullptr;
  AVCodecContext* codec = nullptr;
  AVStream* stream = nullptr;
  SwsContext* sws = nullptr;
  AVFrame* frame = nullptr;  // the encoder's input (yuv420p), reused
  AVPacket* packet = nullptr;
  // GIF: buffer -> split -> palettegen (whole clip) + paletteuse -> buffersink.
  AVFilterGraph* graph = nullptr;
  AVFilterContext* src = nullptr;
  AVFilterContext* sink = nullptr;
  AVFrame* filtered = nullptr;
  std::int64_t next_pts = 0;
  bool header_written = false;
  bool finished = false;

  // The worker and its queue.
  std::thread worker;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<std::uint8_t>> queue;
  bool closing = false;  // no more frames will come
  std::atomic<bool> cancelled{false};
  std::optional<Error> error;  // the first failure; the worker stops at it
  std::atomic<std::int64_t> written{0};

  Error fail(const std::string& what, int err) const { return make_error(path + ": " + what + " (" + av_error_text(err) + ")"); }

  ~Impl() {
    if (worker.joinable()) {
      {
        std::lock_guard lock(mutex);
        closing = true;
        cancelled = true;
      }
      changed.notify_all();
      worker.join();
    }
    av_frame_free(&frame);
    av_frame_free(&filtered);
    av_packet_free(&packet);
    avfilter_graph_free(&graph);
    sws_freeContext(sws);
    avcodec_free_context(&codec);
    if (fmt) {
      if (fmt->pb) avio_closep(&fmt->pb);
      avformat_free_context(fmt);
    }
    if (!finished && !tmp.empty()) ::unlink(tmp.c_str());
  }

  // Everything the encoder has ready goes into the file.
  Status drain_packets() {
    for (;;) {
      const int r = avcodec_receive_packet(codec, packet);
      if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return Ok{};
      if (r < 0) return fail("cannot encode", r);
      av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
      packet->stream_index = stream->index;
      const int w = av_interleaved_write_frame(fmt, packet);
      if (w < 0) return fail("cannot write", w);
      if (fmt->pb) written = avio_tell(fmt->pb);
    }
  }

  Status encode(AVFrame* f) {
    const int r = avcodec_send_frame(codec, f);
    if (r < 0 && r != AVERROR_EOF) return fail("cannot encode", r);
    return drain_packets();
  }

  // GIF: what the palette filters have ready (nothing until the clip's palette is known at its end).
  Status pull_filtered() {
    for (;;) {
      const int r = av_buffersink_get_frame(sink, filtered);
      if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return Ok{};
      if (r < 0) return fail("cannot make the GIF palette", r);
      filtered->pts = next_pts++;
      Status s = encode(filtered);
      av_frame_unref(filtered);
      if (!s) return s;
    }
  }

  Status encode_rgba(std::vector<std::uint8_t>& rgba) {
    const int w = settings.width, h = settings.height;
    if (settings.format == VideoFormat::kGif) {
      AVFrame* in = av_frame_alloc();
      if (!in) return fail("cannot encode", AVERROR(ENOMEM));
      in->width = w;
      in->height = h;
      in->format = AV_PIX_FMT_RGBA;
      in->pts = next_pts_in++;
      int r = av_frame_get_buffer(in, 0);
      if (r >= 0) {
        for (int y = 0; y < h; ++y) {
          std::uint8_t* row = in->data[0] + static_cast<std::ptrdiff_t>(y) * in->linesize[0];
          std::memcpy(row, rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * 4, static_cast<std::size_t>(w) * 4);
          for (int x = 0; x < w; ++x) row[4 * x + 3] = 255;  // opaque: no palette entry spent on transparency
        }
        r = av_buffersrc_add_frame_flags(src, in, AV_BUFFERSRC_FLAG_KEEP_REF);
      }
      av_frame_free(&in);
      if (r < 0) return fail("cannot make the GIF palette", r);
      return pull_filtered();
    }
    int r = av_frame_make_writable(frame);
    if (r < 0) return fail("cannot encode", r);
    const std::uint8_t* planes[1] = {rgba.data()};
    const int strides[1] = {w * 4};
    sws_scale(sws, planes, strides, 0, h, frame->data, frame->linesize);
    frame->pts = next_pts++;
    return encode(frame);
  }
  std::int64_t next_pts_in = 0;

  void run() {
    for (;;) {
      std::vector<std::uint8_t> rgba;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !queue.empty() || closing || cancelled; });
        if (cancelled || (queue.empty() && closing)) return;
        rgba = std::move(queue.front());
        queue.pop_front();
      }
      changed.notify_all();  // room in the queue
      Status s = encode_rgba(rgba);
      if (!s) {
        std::lock_guard lock(mutex);
        error = s.error();
        changed.notify_all();
        return;
      }
    }
  }
};

Result<std::unique_ptr<VideoEncoder>> VideoEncoder::open(const std::string& path, const VideoSettings& settings) {
  if (std::string why = check_video_settings(settings); !why.empty()) return make_error(why);
  // The libraries' own notes (x264's statistics, the muxer's passes) are not for the user; their
  // errors come back as return codes and are reported with the file name.
  av_log_set_level(AV_LOG_ERROR);
  std::unique_ptr<VideoEncoder> enc(new VideoEncoder());
  enc->impl_ = std::make_unique<Impl>();
  Impl& m = *enc->impl_;
  m.settings = settings;
  m.path = path;
  // The temporary file beside the target (so the rename stays on one filesystem), made with
  // mkstemp so it is a new file of ours; its permissions become a new file's (0666 less the umask).
  std::string tmpl = path + ".partXXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return make_error(path + ": cannot write (" + std::strerror(errno) + ")");
  m.tmp = name.data();
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);

  const char* muxer = settings.format == VideoFormat::kMp4 ? "mp4" : settings.format == VideoFormat::kWebm ? "webm" : "gif";
  const char* encoder = settings.format == VideoFormat::kMp4 ? "libx264" : settings.format == VideoFormat::kWebm ? "libvpx-vp9" : "gif";
  int r = avformat_alloc_output_context2(&m.fmt, nullptr, muxer, m.tmp.c_str());
  if (r < 0 || !m.fmt) return m.fail(std::string("no ") + muxer + " writer in this libavformat", r);
  const AVCodec* codec = avcodec_find_encoder_by_name(encoder);
  if (!codec)
    return make_error(path + ": this libavcodec has no " + encoder + " encoder (Debian's libavcodec59 has it; a build without it cannot write " +
                      video_format_name(settings.format) + ")");
  m.stream = avformat_new_stream(m.fmt, nullptr);
  m.codec = avcodec_alloc_context3(codec);
  m.packet = av_packet_alloc();
  if (!m.stream || !m.codec || !m.packet) return m.fail("cannot encode", AVERROR(ENOMEM));
  AVCodecContext* c = m.codec;
  c->width = settings.width;
  c->height = settings.height;
  c->time_base = AVRational{1, settings.fps};
  c->framerate = AVRational{settings.fps, 1};
  c->sample_aspect_ratio = AVRational{1, 1};
  if (settings.format == VideoFormat::kGif) {
    c->pix_fmt = AV_PIX_FMT_PAL8;
  } else {
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->color_range = AVCOL_RANGE_MPEG;
    c->colorspace = AVCOL_SPC_BT709;
    c->color_primaries = AVCOL_PRI_BT709;
    c->color_trc = AVCOL_TRC_BT709;
    c->gop_size = 2 * settings.fps;  // a key frame every 2 s: seeking on a phone stays quick
    c->thread_count = 0;              // as many threads as the machine has
  }
  if (settings.format == VideoFormat::kMp4) {
    av_opt_set(c->priv_data, "preset", "veryfast", 0);
    av_opt_set(c->priv_data, "crf", "20", 0);
    // High profile: what phones and browsers have decoded in hardware for a decade.
    av_opt_set(c->priv_data, "profile", "high", 0);
  } else if (settings.format == VideoFormat::kWebm) {
    c->bit_rate = 0;  // constant quality
    av_opt_set(c->priv_data, "deadline", "realtime", 0);
    av_opt_set(c->priv_data, "cpu-used", "8", 0);
    av_opt_set(c->priv_data, "row-mt", "1", 0);
    av_opt_set(c->priv_data, "crf", "32", 0);
    c->thread_count = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }
  if (m.fmt->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  r = avcodec_open2(c, codec, nullptr);
  if (r < 0) return m.fail(std::string("cannot start the ") + encoder + " encoder", r);
  r = avcodec_parameters_from_context(m.stream->codecpar, c);
  if (r < 0) return m.fail("cannot encode", r);
  m.stream->time_base = c->time_base;
  m.stream->avg_frame_rate = c->framerate;

  if (settings.format == VideoFormat::kGif) {
    m.graph = avfilter_graph_alloc();
    m.filtered = av_frame_alloc();
    if (!m.graph || !m.filtered) return m.fail("cannot encode", AVERROR(ENOMEM));
    char args[160];
    std::snprintf(args, sizeof args, "video_size=%dx%d:pix_fmt=%d:time_base=1/%d:pixel_aspect=1/1", settings.width,
                  settings.height, static_cast<int>(AV_PIX_FMT_RGBA), settings.fps);
    r = avfilter_graph_create_filter(&m.src, avfilter_get_by_name("buffer"), "in", args, nullptr, m.graph);
    if (r >= 0) r = avfilter_graph_create_filter(&m.sink, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr, m.graph);
    if (r < 0) return m.fail("cannot make the GIF palette", r);
    AVFilterInOut* outputs = avfilter_inout_alloc();
    AVFilterInOut* inputs = avfilter_inout_alloc();
    if (!outputs || !inputs) {
      avfilter_inout_free(&outputs);
      avfilter_inout_free(&inputs);
      return m.fail("cannot encode", AVERROR(ENOMEM));
    }
    outputs->name = av_strdup("in");
    outputs->filter_ctx = m.src;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = m.sink;
    // One palette from every pixel of the clip; ordered dithering (see the header); each frame only
    // where it differs from the last.
    const char* chain =
        "split[a][b];[a]palettegen=stats_mode=full:reserve_transparent=0[p];"
        "[b][p]paletteuse=dither=bayer:bayer_scale=3:diff_mode=rectangle";
    r = avfilter_graph_parse_ptr(m.graph, chain, &inputs, &outputs, nullptr);
    avfilter_inout_free(&outputs);
    avfilter_inout_free(&inputs);
    if (r >= 0) r = avfilter_graph_config(m.graph, nullptr);
    if (r < 0) return m.fail("cannot make the GIF palette", r);
  } else {
    m.frame = av_frame_alloc();
    if (!m.frame) return m.fail("cannot encode", AVERROR(ENOMEM));
    m.frame->width = settings.width;
    m.frame->height = settings.height;
    m.frame->format = AV_PIX_FMT_YUV420P;
    m.frame->color_range = AVCOL_RANGE_MPEG;
    m.frame->colorspace = AVCOL_SPC_BT709;
    r = av_frame_get_buffer(m.frame, 0);
    if (r < 0) return m.fail("cannot encode", r);
    m.sws = sws_getContext(settings.width, settings.height, AV_PIX_FMT_RGBA, settings.width, settings.height,
                           AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!m.sws) return m.fail("cannot convert the frames to YUV", AVERROR(EINVAL));
    // Full-range RGB in, BT.709 limited-range YUV out, as the stream says (so players show the
    // colours the renderer made).
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    sws_setColorspaceDetails(m.sws, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
  }

  r = avio_open(&m.fmt->pb, m.tmp.c_str(), AVIO_FLAG_WRITE);
  if (r < 0) return m.fail("cannot write", r);
  AVDictionary* opts = nullptr;
  if (settings.format == VideoFormat::kMp4) av_dict_set(&opts, "movflags", "+faststart", 0);
  r = avformat_write_header(m.fmt, &opts);
  av_dict_free(&opts);
  if (r < 0) return m.fail("cannot write", r);
  m.header_written = true;
  m.written = avio_tell(m.fmt->pb);
  m.worker = std::thread([&m] { m.run(); });
  return enc;
}

VideoEncoder::~VideoEncoder() = default;

Status VideoEncoder::add_frame(const std::uint8_t* rgba) {
  Impl& m = *impl_;
  const std::size_t bytes = static_cast<std::size_t>(m.settings.width) * static_cast<std::size_t>(m.settings.height) * 4;
  std::vector<std::uint8_t> copy(rgba, rgba + bytes);
  std::unique_lock lock(m.mutex);
  m.changed.wait(lock, [&] { return static_cast<int>(m.queue.size()) < kQueueFrames || m.error || m.cancelled; });
  if (m.error) return *m.error;
  if (m.cancelled || m.closing) return make_error(m.path + ": the export was stopped");
  m.queue.push_back(std::move(copy));
  lock.unlock();
  m.changed.notify_all();
  return Ok{};
}

Status VideoEncoder::finish() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.mutex);
    m.closing = true;
  }
  m.changed.notify_all();
  if (m.worker.joinable()) m.worker.join();
  if (m.error) return *m.error;
  if (m.cancelled) return make_error(m.path + ": the export was stopped");
  if (m.settings.format == VideoFormat::kGif) {
    const int r = av_buffersrc_add_frame_flags(m.src, nullptr, 0);  // the end: palettegen makes the palette now
    if (r < 0) return m.fail("cannot make the GIF palette", r);
    if (Status s = m.pull_filtered(); !s) return s;
  }
  if (Status s = m.encode(nullptr); !s) return s;  // flush the encoder
  int r = av_write_trailer(m.fmt);  // for MP4 this also moves the index to the front
  if (r < 0) return m.fail("cannot write", r);
  m.written = avio_tell(m.fmt->pb);
  r = avio_closep(&m.fmt->pb);
  if (r < 0) return m.fail("cannot write", r);
  if (std::rename(m.tmp.c_str(), m.path.c_str()) != 0)
    return make_error(m.path + ": cannot write (" + std::strerror(errno) + ")");
  m.finished = true;
  struct stat st {};
  if (::stat(m.path.c_str(), &st) == 0) m.written = static_cast<std::int64_t>(st.st_size);
  return Ok{};
}

void VideoEncoder::cancel() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.mutex);
    m.cancelled = true;
  }
  m.changed.notify_all();
  if (m.worker.joinable()) m.worker.join();
  if (m.fmt && m.fmt->pb) avio_closep(&m.fmt->pb);
  if (!m.finished && !m.tmp.empty()) ::unlink(m.tmp.c_str());
  m.tmp.clear();
}

std::int64_t VideoEncoder::bytes_written() const { return impl_->written; }

}  // namespace hiplab::media
