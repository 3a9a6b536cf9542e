# Per-generator CPack settings, read when `cpack -G <generator>` runs.
if(CPACK_GENERATOR STREQUAL "DEB")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    # Run-time plugins dpkg-shlibdeps cannot see: the SQLite driver and the GStreamer decoders
    # Qt Multimedia needs to play H.264 recordings back.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, gstreamer1.0-plugins-good, gstreamer1.0-libav, fonts-wqy-microhei")
    set(CPACK_DEBIAN_PACKAGE_SECTION "video")
endif()
