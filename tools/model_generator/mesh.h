// mesh.h — triangle meshes for the generator: narrow-band meshing of a signed-distance function,
// smoothing, simplification (meshoptimizer), normals and a topology report (Euler characteristic).
// Units: whatever the SDF uses (metres here). Meshes are indexed, counter-clockwise seen from outside.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include <glm/glm.hpp>

namespace hiplab::modelgen {

struct Mesh {
  std::vector<glm::vec3> pos;
  std::vector<uint32_t> idx;  // 3 per triangle
  size_t triangles() const { return idx.size() / 3; }
};

using Sdf = std::function<float(glm::vec3)>;

// Marching tetrahedra (Kuhn split of every cube, so neighbouring cells agree) on a grid of spacing h
// over [lo, hi], evaluated only in 8-cell blocks near the surface. The output is a closed 2-manifold
// as long as the SDF is positive on the border of [lo, hi] and |sdf| does not overestimate the
// distance by more than ~1.8x (the block test's margin).
Mesh mesh_sdf(const Sdf& sdf, glm::vec3 lo, glm::vec3 hi, float h);

// Taubin lambda|mu smoothing (shrink-free), uniform weights.
void taubin_smooth(Mesh& m, int iterations, float lambda = 0.5f, float mu = -0.53f);

// Move every vertex onto the zero set with a few Newton steps along the numerical gradient.
void project_to_surface(Mesh& m, const Sdf& sdf, float h);

// Quadric edge-collapse simplification to at most target_triangles (and at most target_error
// relative to the mesh extent), then drop unused vertices and order them for drawing
// (meshoptimizer). No collapse may leave a triangle whose area is under min_aspect times the
// square of its longest edge (0.433 for an equilateral one).
Mesh simplify(const Mesh& m, size_t target_triangles, float target_error, double min_aspect = 0.025);

// Mirror symmetry about the plane z = 0 (Gait2392's sagittal plane). right_half keeps the triangles
// of m on the +z side (each whole: a mesh from mesh_sdf on a grid with a plane at z = 0 has no
// triangle across it), its vertices within 1e-6 m of the plane set on it. mirror_half returns the
// half and its mirror image (x, y, -z, winding reversed) as one mesh, the half's vertices first and
// the vertices on the plane shared; twin, when given, gets each vertex's mirror vertex (itself on
// the plane). simplify_half simplifies such a half keeping its border on the plane: vertices on it
// stay on it (only collapsed along the border, into border positions), so its mirror closes it.
Mesh right_half(const Mesh& m);
Mesh mirror_half(const Mesh& half, std::vector<uint32_t>* twin = nullptr);
Mesh simplify_half(const Mesh& half, size_t target_triangles, float target_error, double min_aspect = 0.025);

// Area-weighted unit vertex normals.
std::vector<glm::vec3> vertex_normals(const Mesh& m);

// Mirror through the sagittal plane (z -> -z), keeping outward winding.
Mesh mirror_z(const Mesh& m);

struct Topology {
  long vertices = 0, edges = 0, faces = 0;
  long euler = 0;           // V - E + F; 2 per sphere-like component, 0 for a torus
  int components = 0;
  long boundary_edges = 0;  // used by one triangle
  long nonmanifold_edges = 0;  // used by more than two, or twice with the same direction
  bool closed_manifold() const { return boundary_edges == 0 && nonmanifold_edges == 0; }
  int genus() const { return components > 0 ? static_cast<int>((2L * components - euler) / 2) : 0; }
};
Topology topology(const Mesh& m);

void bounds(const Mesh& m, glm::vec3& lo, glm::vec3& hi);

}  // namespace hiplab::modelgen
