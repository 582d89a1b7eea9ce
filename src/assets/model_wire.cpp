// model_wire.cpp — see model_wire.h. Writer and reader are kept side by side, field for field, so
// a change to one shows in the other.
#include "assets/model_wire.h"

#include <cmath>
#include <cstring>
#include <type_traits>

#include "assets/model_loader.h"
#include "assets/bone_field.h"
#include "assets/muscle_volumes.h"
#include "assets/node_transforms.h"

namespace hiplab {
namespace {

constexpr char kMagic[4] = {'H', 'L', 'M', 'W'};
constexpr char kEnd[4] = {'E', 'N', 'D', '!'};
constexpr std::uint32_t kVersion = 1;

// Plain values copied as bytes: the same build writes and reads them.
static_assert(std::is_trivially_copyable_v<Vertex>, "vertices travel as bytes");
static_assert(std::is_trivially_copyable_v<glm::mat4> && std::is_trivially_copyable_v<glm::vec4>, "glm values travel as bytes");

struct Writer {
  std::vector<std::uint8_t> out;
  void bytes(const void* p, std::size_t n) {
    const auto* b = static_cast<const std::uint8_t*>(p);
    out.insert(out.end(), b, b + n);
  }
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes(&v, sizeof v);
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint32_t>(s.size()));
    bytes(s.data(), s.size());
  }
  template <class T>
  void array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    pod(static_cast<std::uint64_t>(v.size()));
    if (!v.empty()) bytes(v.data(), v.size() * sizeof(T));
  }
};

// Reads with a bound on every step; the first failure sticks and names what was being read.
struct Reader {
  const std::uint8_t* p;
  std::size_t left;
  std::string failed;  // what could not be read, empty while all is well

  bool fail(const std::string& what) {
    if (failed.empty()) failed = what;
    return false;
  }
  bool bytes(void* dst, std::size_t n, const char* what) {
    if (!failed.empty()) return false;
    if (n > left) return fail(std::string(what) + " runs past the end");
    if (n) std::memcpy(dst, p, n);
    p += n;
    left -= n;
    return true;
  }
  template <class T>
  bool pod(T& v, const char* what) {
    return bytes(&v, sizeof v, what);
  }
  bool str(std::string& s, const char* what) {
    std::uint32_t n = 0;
    if (!pod(n, what)) return false;
    if (n > left) return fail(std::string(what) + " runs past the end");
    s.assign(reinterpret_cast<const char*>(p), n);
    p += n;
    left -= n;
    return true;
  }
  // The count is checked against the bytes left before anything is allocated.
  template <class T>
  bool array(std::vector<T>& v, const char* what) {
    std::uint64_t n = 0;
    if (!pod(n, what)) return false;
    if (n > left / sizeof(T)) return fail(std::string(what) + ": more values claimed than the bytes hold");
    v.resize(static_cast<std::size_t>(n));
    return bytes(v.data(), static_cast<std::size_t>(n) * sizeof(T), what);
  }
  // A count of records of at least `min_bytes` each: bounded the same way.
  bool count(std::size_t& n, std::size_t min_bytes, const char* what) {
    std::uint64_t c = 0;
    if (!pod(c, what)) return false;
    if (c > left / min_bytes) return fail(std::string(what) + ": more records claimed than the bytes hold");
    n = static_cast<std::size_t>(c);
    return true;
  }
};

bool finite(float f) { return std::isfinite(f); }
template <int N, class T, glm::qualifier Q>
bool finite(const glm::vec<N, T, Q>& v) {
  for (int k = 0; k < N; ++k)
    if (!std::isfinite(v[k])) return false;
  return true;
}
bool finite(const glm::mat4& m) {
  for (int c = 0; c < 4; ++c)
    if (!finite(m[c])) return false;
  return true;
}
template <class T>
bool all_finite(const std::vector<T>& v) {
  for (const T& x : v)
    if (!finite(x)) return false;
  return true;
}

Status triangles_within(const std::vector<std::uint32_t>& idx, std::size_t vertices, const std::string& where) {
  if (idx.size() % 3 != 0) return make_error(where + " has an index count that is not a multiple of 3");
  for (std::uint32_t i : idx)
    if (i >= vertices) return make_error(where + " has an index past its vertices");
  return Status(Ok{});
}

// Everything decode_model adds to validate_model's and validate_muscle_volume's checks.
Status check_model(const Model& m, const std::string& file) {
  std::size_t texture_bytes = 0;
  for (const Texture& t : m.textures) {
    const std::string where = file + ": texture '" + t.name + "'";
    if (t.width <= 0 || t.height <= 0 || t.width > kMaxTextureSide || t.height > kMaxTextureSide)
      return make_error(where + " is " + std::to_string(t.width) + "x" + std::to_string(t.height) + " (expected 1.." +
                        std::to_string(kMaxTextureSide) + " pixels a side)");
    if (t.rgba.size() != static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height) * 4)
      return make_error(where + " has the wrong number of pixels");
    texture_bytes += t.rgba.size();
  }
  if (texture_bytes > kMaxTextureBytes) return make_error(file + ": textures over " + std::to_string(kMaxTextureBytes >> 20) + " MiB decoded");
  for (const Material& mat : m.materials) {
    if (mat.texture < -1 || mat.texture >= static_cast<int>(m.textures.size()))
      return make_error(file + ": material '" + mat.name + "' refers to a missing texture");
    if (!finite(mat.base_color)) return make_error(file + ": material '" + mat.name + "' has a non-finite colour");
  }
  for (const ModelNode& n : m.nodes)
    if (!finite(n.local_bind) || n.parent < -1) return make_error(file + ": node '" + n.name + "' has a non-finite transform or a bad parent");
  for (const Mesh& mesh : m.meshes) {
    const std::string where = file + ": mesh '" + mesh.name + "'";
    if (mesh.node < -1) return make_error(where + " hangs on a missing node");
    for (const Vertex& v : mesh.vertices) {
      if (!finite(v.normal) || !finite(v.uv) || !(v.ao >= 0.0f && v.ao <= 1.0f))
        return make_error(where + " has a non-finite normal, texture coordinate or occlusion");
      // The skinning shader reads all four joints whatever their weight; a rigid mesh has none.
      for (int k = 0; k < 4; ++k)
        if (mesh.skinned ? v.joints[k] >= mesh.joint_nodes.size() : v.weights[k] != 0.0f)
          return make_error(where + " has a vertex joint past its joints");
    }
    for (const glm::mat4& ib : mesh.inverse_bind)
      if (!finite(ib)) return make_error(where + " has a non-finite inverse bind matrix");
    if (!mesh.skinned && (!mesh.joint_nodes.empty() || !mesh.inverse_bind.empty()))
      return make_error(where + " has joints but is not skinned");
    if (mesh.default_morph_weights.size() != mesh.morph_targets.size() || !all_finite(mesh.default_morph_weights))
      return make_error(where + " has morph weights that do not match its targets");
    for (const MorphTarget& t : mesh.morph_targets)
      if (t.delta_normals.size() != mesh.vertices.size() || !all_finite(t.delta_positions) || !all_finite(t.delta_normals))
        return make_error(where + " morph target '" + t.name + "' has bad deltas");
    for (const MeshLod& lod : mesh.lods) {
      if (Status s = triangles_within(lod.indices, mesh.vertices.size(), where + " level of detail"); !s) return s;
      if (!(lod.error >= 0.0f) || !std::isfinite(lod.error)) return make_error(where + " has a level with a bad error");
    }
  }
  for (const MuscleVolume& v : m.muscle_volumes) {
    if (Status s = validate_muscle_volume(v, file); !s) return s;
    const std::string where = file + ": muscle volume '" + v.name + "'";
    for (const MuscleVolume::Level& l : v.levels) {
      if (l.vertex_count > v.path_coord.size()) return make_error(where + " has a level past its vertices");
      if (Status s = triangles_within(l.indices, l.vertex_count, where + " level"); !s) return s;
      if (!(l.error >= 0.0f) || !std::isfinite(l.error)) return make_error(where + " has a level with a bad error");
    }
  }
  return validate_model(m);
}

}  // namespace

std::vector<std::uint8_t> encode_model(const Model& model, const std::vector<std::string>& warnings) {
  Writer w;
  w.bytes(kMagic, 4);
  w.pod(kVersion);
  w.pod(static_cast<std::uint64_t>(warnings.size()));
  for (const std::string& s : warnings) w.str(s);
  w.pod(static_cast<std::uint64_t>(model.nodes.size()));
  for (const ModelNode& n : model.nodes) {
    w.str(n.name);
    w.pod(static_cast<std::int32_t>(n.parent));
    w.pod(n.local_bind);
  }
  w.pod(static_cast<std::uint64_t>(model.materials.size()));
  for (const Material& m : model.materials) {
    w.str(m.name);
    w.pod(m.base_color);
    w.pod(static_cast<std::int32_t>(m.texture));
    w.pod(static_cast<std::uint8_t>(m.double_sided));
  }
  w.pod(static_cast<std::uint64_t>(model.textures.size()));
  for (const Texture& t : model.textures) {
    w.str(t.name);
    w.pod(static_cast<std::int32_t>(t.width));
    w.pod(static_cast<std::int32_t>(t.height));
    w.array(t.rgba);
  }
  w.pod(static_cast<std::uint64_t>(model.meshes.size()));
  for (const Mesh& m : model.meshes) {
    w.str(m.name);
    w.array(m.vertices);
    w.array(m.indices);
    w.pod(static_cast<std::int32_t>(m.material));
    w.pod(static_cast<std::int32_t>(m.node));
    w.pod(static_cast<std::uint8_t>(m.skinned));
    std::vector<std::int32_t> joints(m.joint_nodes.begin(), m.joint_nodes.end());
    w.array(joints);
    w.array(m.inverse_bind);
    w.pod(static_cast<std::uint64_t>(m.morph_targets.size()));
    for (const MorphTarget& t : m.morph_targets) {
      w.str(t.name);
      w.array(t.delta_positions);
      w.array(t.delta_normals);
    }
    w.array(m.default_morph_weights);
    w.pod(static_cast<std::uint64_t>(m.lods.size()));
    for (const MeshLod& l : m.lods) {
      w.array(l.indices);
      w.pod(l.error);
    }
  }
  w.pod(static_cast<std::uint64_t>(model.muscle_volumes.size()));
  for (const MuscleVolume& v : model.muscle_volumes) {
    w.str(v.name);
    w.pod(v.hint);
    w.pod(v.tangent);
    w.pod(v.rest_length);
    w.array(v.rest_point_s);
    w.array(v.path_coord);
    w.array(v.frame_normal);
    w.array(v.bind_position);
    w.array(v.indices);
    w.array(v.lod_indices);
    w.pod(v.lod_error);
    w.pod(static_cast<std::uint64_t>(v.levels.size()));
    for (const MuscleVolume::Level& l : v.levels) {
      w.array(l.indices);
      w.pod(l.error);
      w.pod(l.vertex_count);
    }
  }
  w.pod(model.load_ms);
  w.bytes(kEnd, 4);
  return std::move(w.out);
}

Result<WireModel> decode_model(const std::uint8_t* data, std::size_t size, const std::string& file) {
  Reader r{data, size, {}};
  WireModel out;
  Model& m = out.model;
  char magic[4] = {};
  std::uint32_t version = 0;
  r.bytes(magic, 4, "the header");
  r.pod(version, "the header");
  if (!r.failed.empty() || std::memcmp(magic, kMagic, 4) != 0 || version != kVersion)
    return make_error(file + ": the importer's answer is not a checked model (bad header)");
  std::size_t n = 0;
  // The smallest encoding of each record bounds its count (a string is at least its 4-byte length).
  if (r.count(n, 4, "the warnings")) {
    out.warnings.resize(n);
    for (std::string& s : out.warnings) r.str(s, "a warning");
  }
  if (r.count(n, 4 + 4 + 64, "the nodes")) {
    m.nodes.resize(n);
    for (ModelNode& node : m.nodes) {
      std::int32_t parent = 0;
      r.str(node.name, "a node name");
      r.pod(parent, "a node");
      r.pod(node.local_bind, "a node");
      node.parent = parent;
    }
  }
  if (r.count(n, 4 + 16 + 4 + 1, "the materials")) {
    m.materials.resize(n);
    for (Material& mat : m.materials) {
      std::int32_t tex = 0;
      std::uint8_t two = 0;
      r.str(mat.name, "a material name");
      r.pod(mat.base_color, "a material");
      r.pod(tex, "a material");
      r.pod(two, "a material");
      mat.texture = tex;
      mat.double_sided = two != 0;
    }
  }
  if (r.count(n, 4 + 8 + 8, "the textures")) {
    m.textures.resize(n);
    for (Texture& t : m.textures) {
      std::int32_t w = 0, h = 0;
      r.str(t.name, "a texture name");
      r.pod(w, "a texture");
      r.pod(h, "a texture");
      t.width = w;
      t.height = h;
      r.array(t.rgba, "texture pixels");
    }
  }
  if (r.count(n, 4 + 8 + 8 + 4 + 4 + 1 + 8 + 8 + 8 + 8 + 8, "the meshes")) {
    m.meshes.resize(n);
    for (Mesh& mesh : m.meshes) {
      std::int32_t material = 0, node = 0;
      std::uint8_t skinned = 0;
      std::vector<std::int32_t> joints;
      r.str(mesh.name, "a mesh name");
      r.array(mesh.vertices, "mesh vertices");
      r.array(mesh.indices, "mesh indices");
      r.pod(material, "a mesh");
      r.pod(node, "a mesh");
      r.pod(skinned, "a mesh");
      r.array(joints, "mesh joints");
      r.array(mesh.inverse_bind, "inverse bind matrices");
      mesh.material = material;
      mesh.node = node;
      mesh.skinned = skinned != 0;
      mesh.joint_nodes.assign(joints.begin(), joints.end());
      std::size_t targets = 0;
      if (r.count(targets, 4 + 8 + 8, "morph targets")) {
        mesh.morph_targets.resize(targets);
        for (MorphTarget& t : mesh.morph_targets) {
          r.str(t.name, "a morph target name");
          r.array(t.delta_positions, "morph positions");
          r.array(t.delta_normals, "morph normals");
        }
      }
      r.array(mesh.default_morph_weights, "morph weights");
      std::size_t lods = 0;
      if (r.count(lods, 8 + 4, "levels of detail")) {
        mesh.lods.resize(lods);
        for (MeshLod& l : mesh.lods) {
          r.array(l.indices, "level indices");
          r.pod(l.error, "a level");
        }
      }
    }
  }
  if (r.count(n, 4 + 24 + 24 + 8 + 6 * 8 + 4 + 8, "the muscle volumes")) {
    m.muscle_volumes.resize(n);
    for (MuscleVolume& v : m.muscle_volumes) {
      r.str(v.name, "a muscle volume name");
      r.pod(v.hint, "a muscle volume");
      r.pod(v.tangent, "a muscle volume");
      r.pod(v.rest_length, "a muscle volume");
      r.array(v.rest_point_s, "path points");
      r.array(v.path_coord, "path coordinates");
      r.array(v.frame_normal, "volume normals");
      r.array(v.bind_position, "bind positions");
      r.array(v.indices, "volume indices");
      r.array(v.lod_indices, "volume far level");
      r.pod(v.lod_error, "a muscle volume");
      std::size_t levels = 0;
      if (r.count(levels, 8 + 4 + 4, "volume levels")) {
        v.levels.resize(levels);
        for (MuscleVolume::Level& l : v.levels) {
          r.array(l.indices, "volume level indices");
          r.pod(l.error, "a volume level");
          r.pod(l.vertex_count, "a volume level");
        }
      }
    }
  }
  r.pod(m.load_ms, "the load time");
  char end[4] = {};
  r.bytes(end, 4, "the end mark");
  if (!r.failed.empty()) return make_error(file + ": the importer's answer is cut short or malformed (" + r.failed + ")");
  if (std::memcmp(end, kEnd, 4) != 0 || r.left != 0) return make_error(file + ": the importer's answer has a bad end");
  if (!(m.load_ms >= 0.0) || !std::isfinite(m.load_ms)) m.load_ms = 0.0;
  m.source = file;
  if (Status s = check_model(m, file); !s) return s.error();
  // The volumes' rest volumes are not on the wire: made again from the checked meshes, as the
  // loader and build_lods make them. Without them a model opened through the sandbox (any file
  // but the shipped body) drew its volumes with no volume correction (scene/muscle_volume.cpp), so
  // it looked unlike the same file loaded directly.
  for (MuscleVolume& v : m.muscle_volumes) {
    v.rest_volume = enclosed_volume(v.bind_position, v.indices);
    v.lod_rest_volume = enclosed_volume(v.bind_position, v.lod_indices);
    for (MuscleVolume::Level& l : v.levels) l.rest_volume = enclosed_volume(v.bind_position, l.indices);
    set_rest_point_normals(v);
    set_smooth_coords(v);
  }
  set_bone_fields(m);
  m.bind_bounds = posed_bounds(m, NodeTransforms::bind(m));
  for (int k = 0; k < 3; ++k)
    if (!std::isfinite(m.bind_bounds.min[k]) || !std::isfinite(m.bind_bounds.max[k]))
      return make_error(file + ": the bind pose has non-finite coordinates (check node transforms)");
  return out;
}

}  // namespace hiplab
