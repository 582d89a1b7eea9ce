// Tests src/render/morph_blend.h and how render/gpu_models.h draws morph targets with it: on the
// shipped body's skin (every corrective shape it carries), through weights that change a few at a
// time as a drill's do, go back to 0 and jump, the blended positions and normals are the CPU
// reference's (assets/node_transforms.h morphed_vertex, what the bounds, framing and baked
// occlusion use) at every vertex, and so are the position and normal attributes a draw reads from
// the GPU (read back through the vertex array's own bindings), frame after frame.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include "app/headless.h"
#include "core/units.h"
#include "render/gl.h"
#include "render/gl_context.h"
#include "render/gl_program.h"
#include "render/gpu_models.h"
#include "render/morph_blend.h"
#include "scene/body_pose.h"
#include "scene/model_scene.h"
#include "scene/shipped_body.h"
#include "test_support.h"

using namespace hiplab;

namespace {

// The shipped model's mesh with morph targets (the skin).
int morphed_mesh(const Model& m) {
  for (std::size_t i = 0; i < m.meshes.size(); ++i)
    if (!m.meshes[i].morph_targets.empty()) return static_cast<int>(i);
  return -1;
}

// Weights as a session meets them: the skin's own from posing the body (hips swept through the
// corrective shapes' range, turned out and not, an arm raised overhead), then steps that change one
// to three targets (some to 0, some past 1), all to 0, all to 1, and the defaults again.
std::vector<std::vector<float>> weight_sequence(const Model& m, int mesh) {
  const std::size_t n = m.meshes[static_cast<std::size_t>(mesh)].morph_targets.size();
  std::vector<std::vector<float>> out;
  out.push_back(m.meshes[static_cast<std::size_t>(mesh)].default_morph_weights);
  for (double flex = 0.0; flex <= 120.0; flex += 15.0)
    for (double out_deg : {0.0, 40.0}) {
      anatomy::LegAngles legs;
      legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipFlexion] = deg_to_rad(flex);
      legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipAdduction] = deg_to_rad(-0.5 * out_deg);
      legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipRotation] = deg_to_rad(-out_deg);
      legs.leg(anatomy::Side::kLeft)[anatomy::LegCoord::kHipFlexion] = deg_to_rad(0.5 * flex);
      anatomy::UpperBodyPose upper;
      upper.arms[0].shoulder_flexion = deg_to_rad(flex * 1.5);
      NodeTransforms t = NodeTransforms::bind(m);
      pose_body_model(m, BodyPoseInput{legs, upper, glm::dmat4(1.0)}, t);
      out.push_back(t.morph_weights[static_cast<std::size_t>(mesh)]);
    }
  std::mt19937 rng(12);
  std::uniform_real_distribution<float> value(-0.2f, 1.2f);
  std::vector<float> w(n, 0.0f);
  for (int step = 0; step < 40; ++step) {
    const int changes = 1 + step % 3;
    for (int c = 0; c < changes; ++c) {
      const std::size_t t = static_cast<std::size_t>(rng()) % n;
      w[t] = (step + c) % 4 == 0 ? 0.0f : value(rng);
    }
    out.push_back(w);
  }
  out.push_back(std::vector<float>(n, 0.0f));
  out.push_back(std::vector<float>(n, 1.0f));
  out.push_back(std::vector<float>(n - 1, 0.5f));  // one weight short: the last target counts as 0
  out.push_back(m.meshes[static_cast<std::size_t>(mesh)].default_morph_weights);
  return out;
}

// The weights as morphed_vertex reads them: one per target, missing ones 0.
std::vector<float> padded(std::vector<float> w, std::size_t n) {
  w.resize(n, 0.0f);
  return w;
}

}  // namespace

TEST_CASE("the sparse morph blend is the CPU reference's morphed vertex at every vertex, weights changing a few at a time") {
  const Model& m = test::shipped_body();
  const int mesh_index = morphed_mesh(m);
  REQUIRE_MESSAGE(mesh_index >= 0, "the shipped body has no mesh with morph targets");
  const Mesh& mesh = m.meshes[static_cast<std::size_t>(mesh_index)];
  const std::size_t n_targets = mesh.morph_targets.size();
  REQUIRE(n_targets >= 2);

  MorphBlend blend(mesh, mesh.default_morph_weights);
  // Each target keeps exactly the vertices it moves.
  for (std::size_t t = 0; t < n_targets; ++t) {
    std::size_t moved = 0;
    for (std::size_t i = 0; i < mesh.vertices.size(); ++i)
      moved += mesh.morph_targets[t].delta_positions[i] != glm::vec3(0.0f) || mesh.morph_targets[t].delta_normals[i] != glm::vec3(0.0f);
    CHECK(blend.moved_by(t).size() == moved);
  }
  std::vector<MorphBlend::PositionNormal> before = blend.blended();
  int step = 0;
  for (const std::vector<float>& w : weight_sequence(m, mesh_index)) {
    INFO("step " << step++);
    const MorphBlend::Span span = blend.update(w.data(), w.size());
    const std::vector<float> ref_w = padded(w, n_targets);
    CHECK(blend.weights() == ref_w);
    int wrong = 0, outside_span = 0;
    for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
      const Vertex ref = morphed_vertex(mesh, i, ref_w);
      const MorphBlend::PositionNormal& got = blend.blended()[i];
      wrong += got.position != ref.position || got.normal != ref.normal;
      const bool changed = got.position != before[i].position || got.normal != before[i].normal;
      outside_span += changed && (i < span.first || i >= span.end);
    }
    CHECK(wrong == 0);
    CHECK(outside_span == 0);  // what changed lies in the span that is uploaded
    before = blend.blended();
  }
  // The same weights again change nothing, and say so.
  const std::vector<float> same = blend.weights();
  CHECK(blend.update(same.data(), same.size()).empty());
}

TEST_CASE("drawn through the GPU models, the skin's position and normal attributes are the CPU reference's morphed vertex, frame after frame") {
  auto session = app::HeadlessSession::create(/*debug=*/true);
  if (!session.ok() && test::gl_unavailable(session.error().message)) HIPLAB_SKIP(session.error().message);
  REQUIRE_MESSAGE(session.ok(), (session.ok() ? "" : session.error().message));
  const Model& m = test::shipped_body();
  const int mesh_index = morphed_mesh(m);
  REQUIRE(mesh_index >= 0);
  const Mesh& mesh = m.meshes[static_cast<std::size_t>(mesh_index)];
  const int errors_before = gl_error_count();

  GpuModels models;
  models.init();
  const std::uint32_t id = models.upload(m);
  auto program = hiplab::link("mesh.vert.glsl", "shadow.frag.glsl");
  REQUIRE_MESSAGE(program.ok(), (program.ok() ? "" : program.error().message));
  GpuModels::use_program(program.value(), glm::mat4(1.0f));

  // What a draw of the mesh reads for attribute `a` (3 floats per vertex), through the vertex
  // array's own binding: its buffer, offset and stride.
  auto read_attribute = [&](const GpuMesh& g, GLuint a) {
    glBindVertexArray(g.vao);
    GLint buffer = 0, stride = 0, size = 0, type = 0;
    void* offset = nullptr;
    glGetVertexAttribiv(a, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, &buffer);
    glGetVertexAttribiv(a, GL_VERTEX_ATTRIB_ARRAY_STRIDE, &stride);
    glGetVertexAttribiv(a, GL_VERTEX_ATTRIB_ARRAY_SIZE, &size);
    glGetVertexAttribiv(a, GL_VERTEX_ATTRIB_ARRAY_TYPE, &type);
    glGetVertexAttribPointerv(a, GL_VERTEX_ATTRIB_ARRAY_POINTER, &offset);
    glBindVertexArray(0);
    REQUIRE(buffer != 0);
    REQUIRE(size == 3);
    REQUIRE(type == GL_FLOAT);
    const std::size_t step = stride == 0 ? 3 * sizeof(float) : static_cast<std::size_t>(stride);
    const std::size_t first = reinterpret_cast<std::uintptr_t>(offset);
    std::vector<unsigned char> bytes(step * (mesh.vertices.size() - 1) + 3 * sizeof(float));
    glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(buffer));
    glGetBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(first), static_cast<GLsizeiptr>(bytes.size()), bytes.data());
    std::vector<glm::vec3> out(mesh.vertices.size());
    for (std::size_t i = 0; i < out.size(); ++i) std::memcpy(&out[i], &bytes[i * step], sizeof(glm::vec3));
    return out;
  };

  int step = 0;
  for (const std::vector<float>& w : weight_sequence(m, mesh_index)) {
    INFO("step " << step++);
    // The draw list as the scene builds it: the pose's weights when they differ from the defaults
    // (model_scene.cpp), the defaults otherwise.
    NodeTransforms pose = NodeTransforms::bind(m);
    pose.morph_weights[static_cast<std::size_t>(mesh_index)] = padded(w, mesh.morph_targets.size());
    DrawList list;
    add_model_to_scene(m, ModelHandle{id}, pose, ModelSceneOptions{}, list);
    const MeshDraw* draw = nullptr;
    for (const MeshDraw& d : list.meshes)
      if (d.mesh == mesh_index) draw = &d;
    REQUIRE(draw != nullptr);
    const GpuMesh* g = models.prepare_draw(program.value(), list, *draw);
    REQUIRE(g != nullptr);
    const std::vector<glm::vec3> positions = read_attribute(*g, 0), normals = read_attribute(*g, 1);
    int wrong = 0;
    for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
      const Vertex ref = morphed_vertex(mesh, i, pose.morph_weights[static_cast<std::size_t>(mesh_index)]);
      wrong += positions[i] != ref.position || normals[i] != ref.normal;
    }
    CHECK(wrong == 0);
  }
  models.release(id);
  CHECK(gl_error_count() == errors_before);
}
