// gl.h — the one include for OpenGL in the render layer: the GL 3.3 core loader generated at build
// time by glad (python3-glad). Only src/render includes this.
#pragma once
#include <glad/gl.h>
