#include "assets/muscle_volumes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

#include "anatomy/muscle_data.h"
#include "anatomy/path_curve.h"

namespace hiplab {

namespace {
std::uint32_t u32_at(const std::vector<std::uint8_t>& b, std::size_t off) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(b[off + static_cast<std::size_t>(i)]) << (8 * i);
  return v;
}
}  // namespace

double enclosed_volume(const std::vector<glm::vec3>& pos, const std::vector<std::uint32_t>& indices) {
  if (pos.empty()) return 0.0;
  const glm::dvec3 o(pos[0]);  // about a point of the mesh: no cancellation far from the origin
  double vol = 0.0;
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3)
    vol += glm::dot(glm::dvec3(pos[indices[t]]) - o, glm::cross(glm::dvec3(pos[indices[t + 1]]) - o, glm::dvec3(pos[indices[t + 2]]) - o));
  return vol / 6.0;
}

void set_rest_point_normals(MuscleVolume& v) {
  v.rest_point_normal.clear();
  v.rest_point_tangent.clear();
  v.rest_point_spec.clear();
  std::optional<anatomy::Side> side;
  const std::optional<int> m = anatomy::find_muscle(v.name, &side);
  if (!m || !side) return;
  std::array<glm::dvec3, anatomy::kMaxPathPoints> n{}, t{};
  std::array<std::int8_t, anatomy::kMaxPathPoints> spec{};
  const int count = anatomy::rest_point_normals(*m, *side, v.hint, v.tangent, {v.rest_point_s, v.rest_length}, n, t, &spec);
  for (int j = 0; j < count; ++j) {
    v.rest_point_normal.emplace_back(n[static_cast<std::size_t>(j)]);
    v.rest_point_tangent.emplace_back(t[static_cast<std::size_t>(j)]);
    v.rest_point_spec.push_back(spec[static_cast<std::size_t>(j)]);
  }
}

void set_smooth_coords(MuscleVolume& v) {
  v.smooth_coord.clear();
  v.smooth_normal.clear();
  v.smooth_level.clear();
  v.rest_station.clear();
  v.rest_station_tangent.clear();
  v.rest_station_normal.clear();
  v.bind_normal.clear();
  std::optional<anatomy::Side> side;
  const std::optional<int> m = anatomy::find_muscle(v.name, &side);
  anatomy::PathCurve c;
  if (!m || !side || !anatomy::rest_path_curve(*m, *side, v.hint, v.tangent, {v.rest_point_s, v.rest_length}, c)) return;
  constexpr int K = anatomy::PathCurve::kStations;
  anatomy::StationFrames raw, sm;
  for (std::size_t i = 0; i < static_cast<std::size_t>(K); ++i) {
    raw.pos[i] = glm::vec3(c.pos[i]);
    raw.tangent[i] = glm::vec3(c.tangent[i]);
    raw.normal[i] = glm::vec3(c.normal[i]);
    raw.binormal[i] = glm::vec3(c.binormal[i]);
  }
  anatomy::smooth_station_frames(raw, sm, anatomy::kVolumeSmoothHalfWidth);
  std::array<anatomy::StationFrames, anatomy::kVolumeSmoothLevels + 1> level;
  for (int l = 0; l <= anatomy::kVolumeSmoothLevels; ++l)
    anatomy::blend_station_frames(raw, sm, static_cast<float>(l) / anatomy::kVolumeSmoothLevels, level[static_cast<std::size_t>(l)]);
  v.smooth_coord.resize(v.path_coord.size());
  v.smooth_normal.resize(v.path_coord.size());
  v.smooth_level.resize(v.path_coord.size());
  v.bind_normal.resize(v.path_coord.size());
  v.rest_station.resize(static_cast<std::size_t>(K));
  v.rest_station_tangent.resize(static_cast<std::size_t>(K));
  v.rest_station_normal.resize(static_cast<std::size_t>(K));
  for (std::size_t i = 0; i < static_cast<std::size_t>(K); ++i) {
    v.rest_station[i] = raw.pos[i];
    v.rest_station_tangent[i] = raw.tangent[i];
    v.rest_station_normal[i] = raw.normal[i];
  }
  for (std::size_t i = 0; i < v.path_coord.size(); ++i) {
    // As scene/muscle_volume.cpp places it (single precision, frames interpolated linearly).
    const glm::vec4 q = v.path_coord[i];
    const float x = std::clamp(q.x, 0.0f, 1.0f) * (K - 1);
    const int s = std::min(static_cast<int>(x), K - 2);
    const float f = x - static_cast<float>(s);
    const auto su = static_cast<std::size_t>(s);
    auto lerp = [&](const std::array<glm::vec3, K>& a) { return a[su] + f * (a[su + 1] - a[su]); };
    const float k = static_cast<float>(c.scale[su] + f * (c.scale[su + 1] - c.scale[su])), k3 = k * k * k, stretch = 1.0f / (k * k);
    const glm::vec3 t = lerp(raw.tangent), n = lerp(raw.normal), b = lerp(raw.binormal);
    const glm::vec3 pos = lerp(raw.pos) + stretch * q.y * t + k * (q.z * n + q.w * b);
    const glm::vec3 fn = v.frame_normal[i];
    const glm::vec3 nrm = glm::normalize(fn.x * k3 * t + fn.y * n + fn.z * b);
    const int lv = anatomy::volume_smooth_level(std::sqrt(q.z * q.z + q.w * q.w));
    const anatomy::StationFrames& F = level[static_cast<std::size_t>(lv)];
    v.smooth_level[i] = static_cast<std::uint8_t>(lv);
    v.bind_normal[i] = nrm;
    const glm::vec3 ts = lerp(F.tangent), ns = lerp(F.normal), bs = lerp(F.binormal);
    const glm::dvec3 o = glm::inverse(glm::dmat3(glm::dvec3(stretch * ts), glm::dvec3(k * ns), glm::dvec3(k * bs))) * glm::dvec3(pos - lerp(F.pos));
    v.smooth_coord[i] = glm::vec4(q.x, static_cast<float>(o.x), static_cast<float>(o.y), static_cast<float>(o.z));
    v.smooth_normal[i] = glm::vec3(glm::inverse(glm::dmat3(glm::dvec3(k3 * ts), glm::dvec3(ns), glm::dvec3(bs))) * glm::dvec3(nrm));
  }
}

Status validate_muscle_volume(const MuscleVolume& v, const std::string& file) {
  const std::string where = file + ": muscle volume '" + v.name + "'";
  if (v.name.empty()) return make_error(file + ": a muscle volume has no name");
  if (v.path_coord.size() != v.frame_normal.size() || v.path_coord.size() != v.bind_position.size()) return make_error(where + " has mismatched vertex arrays");
  if (v.indices.empty() || v.indices.size() % 3 != 0) return make_error(where + " has no whole triangles");
  for (std::uint32_t i : v.indices)
    if (i >= v.path_coord.size()) return make_error(where + " has an index past its vertices");
  if (v.lod_indices.size() % 3 != 0) return make_error(where + " far level has no whole triangles");
  for (std::uint32_t i : v.lod_indices)
    if (i >= v.path_coord.size()) return make_error(where + " far level has an index past its vertices");
  if (!(v.lod_error >= 0.0f) || !std::isfinite(v.lod_error)) return make_error(where + " far level has a bad error");
  if (!(v.rest_length > 0.0) || !std::isfinite(v.rest_length)) return make_error(where + " has no rest length");
  if (!(std::fabs(glm::length(v.hint) - 1.0) < 1e-3)) return make_error(where + " has a hint that is not a unit vector");
  for (std::size_t i = 0; i < v.rest_point_s.size(); ++i)
    if (!(v.rest_point_s[i] >= 0.0 && v.rest_point_s[i] <= 1.0) || (i > 0 && v.rest_point_s[i] < v.rest_point_s[i - 1]))
      return make_error(where + " has path points out of order");
  if (!(std::fabs(glm::length(v.tangent) - 1.0) < 1e-3)) return make_error(where + " has a tangent that is not a unit vector");
  for (std::size_t i = 0; i < v.path_coord.size(); ++i) {
    const glm::vec4 q = v.path_coord[i];
    if (!std::isfinite(q.x) || !std::isfinite(q.y) || !std::isfinite(q.z) || !std::isfinite(q.w) || q.x < 0.0f || q.x > 1.0f)
      return make_error(where + " has a vertex off its path (s outside [0, 1] or a non-finite offset)");
    if (!(std::fabs(glm::length(v.frame_normal[i]) - 1.0f) < 1e-2f)) return make_error(where + " has a normal that is not a unit vector");
    const glm::vec3 b = v.bind_position[i];
    if (!std::isfinite(b.x) || !std::isfinite(b.y) || !std::isfinite(b.z)) return make_error(where + " has a non-finite bind position");
  }
  return Status(Ok{});
}

Result<std::vector<MuscleVolume>> parse_muscle_volumes(const std::vector<std::uint8_t>& glb, const std::string& file) {
  std::vector<MuscleVolume> out;
  if (glb.size() < 20 || u32_at(glb, 0) != 0x46546C67u) return out;  // not a GLB: no sidecar
  const std::size_t json_len = u32_at(glb, 12);
  if (u32_at(glb, 16) != 0x4E4F534Au || 20 + json_len > glb.size()) return make_error(file + ": malformed GLB (JSON chunk)");
  const nlohmann::json doc = nlohmann::json::parse(glb.begin() + 20, glb.begin() + static_cast<std::ptrdiff_t>(20 + json_len), nullptr, false);
  if (doc.is_discarded()) return make_error(file + ": malformed GLB (JSON chunk is not JSON)");
  if (!doc.contains("extras") || !doc["extras"].is_object() || !doc["extras"].contains("hiplab_muscle_volumes")) return out;
  const std::size_t bin_at = 20 + json_len;
  if (bin_at + 8 > glb.size() || u32_at(glb, bin_at + 4) != 0x004E4942u) return make_error(file + ": muscle volumes without a binary chunk");
  const std::size_t bin_len = u32_at(glb, bin_at);
  if (bin_at + 8 + bin_len > glb.size()) return make_error(file + ": truncated binary chunk");
  const std::uint8_t* bin = glb.data() + bin_at + 8;
  try {
    const nlohmann::json& mv = doc["extras"]["hiplab_muscle_volumes"];
    if (mv.at("version").get<int>() != 2) return make_error(file + ": muscle volumes of an unknown version");
    auto view = [&](int i, std::size_t& off, std::size_t& len) {
      const nlohmann::json& v = doc.at("bufferViews").at(static_cast<std::size_t>(i));
      off = v.value("byteOffset", std::size_t{0});
      len = v.at("byteLength").get<std::size_t>();
      return off <= bin_len && len <= bin_len - off && off % 4 == 0;  // no wrap-around
    };
    std::size_t voff = 0, vlen = 0, ioff = 0, ilen = 0;
    if (!view(mv.at("vertex_view").get<int>(), voff, vlen) || !view(mv.at("index_view").get<int>(), ioff, ilen))
      return make_error(file + ": muscle volume views lie outside the binary chunk");
    const std::size_t nverts = vlen / (10 * sizeof(float)), nidx = ilen / sizeof(std::uint32_t);
    for (const nlohmann::json& m : mv.at("muscles")) {
      MuscleVolume v;
      v.name = m.at("name").get<std::string>();
      const auto hint = m.at("hint").get<std::vector<double>>();
      if (hint.size() != 3) return make_error(file + ": muscle volume '" + v.name + "' has a bad hint");
      v.hint = {hint[0], hint[1], hint[2]};
      const auto tangent = m.at("tangent").get<std::vector<double>>();
      if (tangent.size() != 3) return make_error(file + ": muscle volume '" + v.name + "' has a bad tangent");
      v.tangent = {tangent[0], tangent[1], tangent[2]};
      v.rest_length = m.at("rest_length").get<double>();
      v.rest_point_s = m.at("point_s").get<std::vector<double>>();
      const auto fv = m.at("first_vertex").get<std::size_t>(), nv = m.at("vertex_count").get<std::size_t>();
      const auto fi = m.at("first_index").get<std::size_t>(), ni = m.at("index_count").get<std::size_t>();
      if (nv > nverts || fv > nverts - nv || ni > nidx || fi > nidx - ni) return make_error(file + ": muscle volume '" + v.name + "' lies outside its data");
      v.path_coord.resize(nv);
      v.frame_normal.resize(nv);
      v.bind_position.resize(nv);
      for (std::size_t i = 0; i < nv; ++i) {
        float f[10];
        std::memcpy(f, bin + voff + (fv + i) * sizeof(f), sizeof(f));
        v.path_coord[i] = {f[0], f[1], f[2], f[3]};
        v.frame_normal[i] = {f[4], f[5], f[6]};
        v.bind_position[i] = {f[7], f[8], f[9]};
      }
      v.indices.resize(ni);
      std::memcpy(v.indices.data(), bin + ioff + fi * sizeof(std::uint32_t), ni * sizeof(std::uint32_t));
      if (m.contains("lod_index_count")) {
        const auto fl = m.at("lod_first_index").get<std::size_t>(), nl = m.at("lod_index_count").get<std::size_t>();
        if (nl > nidx || fl > nidx - nl) return make_error(file + ": muscle volume '" + v.name + "' far level lies outside its data");
        v.lod_indices.resize(nl);
        if (nl) std::memcpy(v.lod_indices.data(), bin + ioff + fl * sizeof(std::uint32_t), nl * sizeof(std::uint32_t));
        v.lod_error = m.at("lod_error").get<float>();
      }
      Status ok = validate_muscle_volume(v, file);
      if (!ok) return ok.error();
      v.rest_volume = enclosed_volume(v.bind_position, v.indices);
      v.lod_rest_volume = enclosed_volume(v.bind_position, v.lod_indices);
      set_rest_point_normals(v);
      set_smooth_coords(v);
      out.push_back(std::move(v));
    }
  } catch (const nlohmann::json::exception& e) {
    return make_error(file + ": malformed muscle volumes (" + std::string(e.what()) + ")");
  }
  return out;
}

Result<std::vector<MuscleVolume>> read_muscle_volumes(const std::string& path) {
  // In one read: through istreambuf_iterator, a character at a time into a growing vector, the
  // 7 MB body took 5.5 ms of the model's load (8 ms -> 2.6 ms CPU for this function).
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  if (!f) return make_error(path + ": cannot be read");
  const std::streamoff size = f.tellg();
  if (size < 0) return make_error(path + ": cannot be read");
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  f.seekg(0);
  if (size > 0 && !f.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
    return make_error(path + ": cannot be read");
  return parse_muscle_volumes(bytes, path);
}

}  // namespace hiplab
