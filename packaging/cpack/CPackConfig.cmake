# Per-generator CPack settings, read when `cpack -G <generator>` runs.
if(CPACK_GENERATOR STREQUAL "DEB")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
    # Run-time pieces dpkg-shlibdeps cannot see: the SQLite driver plugin, Qt's Chinese texts, the
    # watermark font, the GStreamer decoders Qt Multimedia needs to play H.264 recordings back, and
    # FFmpeg's libraries.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "libqt6sql6-sqlite, qt6-translations-l10n, fonts-wqy-microhei, gstreamer1.0-plugins-good, gstreamer1.0-libav")
    # FFmpeg, loaded on first use and so not linked (packaging/CMakeLists.txt).
    if(CPACK_DUALREC_EXTRA_DEPENDS)
        string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", ${CPACK_DUALREC_EXTRA_DEPENDS}")
    endif()
    # The Haar cascade (the fallback when the shipped face model cannot be read) and a Qt
    # TextToSpeech engine (the voice broadcast uses espeak-ng first, which Depends carries).
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "opencv-data, qt6-speech-speechd-plugin")
endif()
