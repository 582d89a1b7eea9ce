// doctest_impl.cpp — doctest's implementation, compiled once into hiplab_doctest_impl and linked
// by every test executable (each has its own main in test_main.cpp).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
