# install.cmake — what `cmake --install` puts where (GNUInstallDirs: bin/hiplab, share/hiplab/ with
# the model, drills and anatomy cards — the shaders are compiled into the binary), the manual page
# made from the program's own --help text, the desktop entry, icons, AppStream metainfo and bash
# completion, and the Debian package CPack builds from all of it (scripts/package).
include(GNUInstallDirs)
set(HIPLAB_APP_ID io.github.hiplab.hiplab)  # reverse-DNS id: desktop entry, icon and metainfo names
set(_pkg ${CMAKE_SOURCE_DIR}/packaging)

install(TARGETS hiplab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# src/app/paths.h finds these as <bin>/../share/hiplab.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/hiplab)

# The manual page: `hiplab man` writes it from the command-line definition, gzip -9n (no name or
# time stamp, so the package is reproducible). Made at every build of the binary.
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/hiplab.1 ${CMAKE_BINARY_DIR}/hiplab.1.gz
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:hiplab> -DOUT=${CMAKE_BINARY_DIR}/hiplab.1
          -P ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
  COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_BINARY_DIR}/hiplab.1 -DOUT=${CMAKE_BINARY_DIR}/hiplab.1.gz
          -P ${CMAKE_SOURCE_DIR}/cmake/gzip_file.cmake
  DEPENDS hiplab ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake ${CMAKE_SOURCE_DIR}/cmake/gzip_file.cmake
  COMMENT "Writing the manual page from hiplab's --help text")
# The Debian changelog of this native package, compressed as Debian policy asks.
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -DIN=${_pkg}/debian/changelog -DOUT=${CMAKE_BINARY_DIR}/changelog.gz
          -P ${CMAKE_SOURCE_DIR}/cmake/gzip_file.cmake
  DEPENDS ${_pkg}/debian/changelog ${CMAKE_SOURCE_DIR}/cmake/gzip_file.cmake
  COMMENT "Compressing the changelog")
add_custom_target(hiplab_docs ALL DEPENDS ${CMAKE_BINARY_DIR}/hiplab.1.gz ${CMAKE_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/hiplab.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${_pkg}/debian/copyright ${CMAKE_BINARY_DIR}/changelog.gz ${CMAKE_SOURCE_DIR}/docs/drills.md
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/hiplab)  # DOCDIR would be doc/HipLab (the project name)

# Desktop integration. No MimeType= line: HipLab does not claim .glb/.gltf files (see the README).
install(FILES ${_pkg}/${HIPLAB_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_pkg}/${HIPLAB_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${_pkg}/icons/hiplab.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${HIPLAB_APP_ID}.svg)
foreach(_size 16 32 48 64 128 256)
  install(FILES ${_pkg}/icons/hiplab_${_size}.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps
          RENAME ${HIPLAB_APP_ID}.png)
endforeach()
install(FILES ${_pkg}/hiplab.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME hiplab)

# --- the Debian package (cpack -G DEB in the build folder; scripts/package) ---
set(HIPLAB_MAINTAINER "HipLab developers <hiplab@example.org>" CACHE STRING "Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hiplab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${HIPLAB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "hip rotation drills with the muscles at work, in 3D")
# Lines under 80 characters (Debian policy 3.4.1; lintian checks).
set(CPACK_PACKAGE_DESCRIPTION
  "HipLab animates hip mobility drills (90/90 hip switch, internal-rotation
PAILs/RAILs, clamshells and more) on a rigged pelvis-and-legs model, shows
each hip's rotation against normal limits and colours the muscles that work
or stretch, from a computed effort solve. For patients learning a drill,
physical therapists and teachers. It also renders headless (hiplab render).
For education and exercise guidance, not diagnosis; its measurements are
estimates.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # hiplab_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries' packages come from dpkg-shlibdeps (the runtime ones, never -dev; libegl1
# brings Mesa's EGL driver, libglfw3 brings libgl1; libavcodec59, libavformat59, libavfilter8,
# libswscale6 and libavutil57 for export-video, whose libavcodec59 carries libx264 and libvpx;
# libcairo2, libpango-1.0-0 and libpangocairo-1.0-0 for the handout, whose text is set in the
# DejaVu fonts named below); what the binary opens at run time rather than
# links is named here: the label font, and Mesa's software renderer (llvmpipe) for machines
# without a GPU driver.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri")
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
