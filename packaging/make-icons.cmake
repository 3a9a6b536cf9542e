# Makes the application icons from the SVG (packaging/linux/io.dualrec.DualRec.svg) with Debian's
# tools: rsvg-convert (librsvg2-bin) renders every size, icotool (icoutils) packs the Windows .ico,
# png2icns (icnsutils) the macOS .icns. Run by the build (packaging/CMakeLists.txt) and by the CI
# workflow's icons job, whose output the Windows and macOS jobs use (DUALREC_ICON_DIR):
#   cmake -DSVG=packaging/linux/io.dualrec.DualRec.svg -DOUT=DIR -P packaging/make-icons.cmake
# Writes DIR/dualrec.ico (16, 24, 32, 48, 64, 128, 256 px; 256 stored as PNG) and DIR/DualRec.icns
# (16, 32, 128, 256, 512, 1024 px).
cmake_minimum_required(VERSION 3.25)
if(NOT SVG OR NOT OUT)
    message(FATAL_ERROR "make-icons.cmake: give -DSVG=FILE.svg -DOUT=FOLDER")
endif()
foreach(tool rsvg-convert icotool png2icns)
    string(MAKE_C_IDENTIFIER "${tool}" var)
    find_program(${var}_path ${tool})
    if(NOT ${var}_path)
        message(FATAL_ERROR "make-icons.cmake: ${tool} is missing (scripts/setup installs librsvg2-bin, icoutils and icnsutils)")
    endif()
endforeach()
set(png_dir "${OUT}/png")
file(MAKE_DIRECTORY "${png_dir}")
foreach(size 16 24 32 48 64 128 256 512 1024)
    execute_process(COMMAND ${rsvg_convert_path} -w ${size} -h ${size} -o "${png_dir}/${size}.png" "${SVG}"
                    COMMAND_ERROR_IS_FATAL ANY)
endforeach()
execute_process(COMMAND ${icotool_path} -c -o "${OUT}/dualrec.ico"
                        "${png_dir}/16.png" "${png_dir}/24.png" "${png_dir}/32.png" "${png_dir}/48.png"
                        "${png_dir}/64.png" "${png_dir}/128.png" "--raw=${png_dir}/256.png"
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${png2icns_path} "${OUT}/DualRec.icns"
                        "${png_dir}/16.png" "${png_dir}/32.png" "${png_dir}/128.png" "${png_dir}/256.png"
                        "${png_dir}/512.png" "${png_dir}/1024.png"
                OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
