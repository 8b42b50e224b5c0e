# Every third-party package Tacit uses, all from Debian 12 (see scripts/install-deps.sh).
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets OpenGL OpenGLWidgets Test LinguistTools PrintSupport)
find_package(PkgConfig REQUIRED)
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil libswscale)
find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc imgcodecs objdetect calib3d video)
find_package(SQLite3 REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C)
find_package(spdlog REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(Threads REQUIRED)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
pkg_check_modules(LZ4 REQUIRED IMPORTED_TARGET liblz4)

# HDF5's FindHDF5 gives variables; wrap them in one target.
if(NOT TARGET tacit::hdf5)
  add_library(tacit::hdf5 INTERFACE IMPORTED)
  target_include_directories(tacit::hdf5 INTERFACE ${HDF5_C_INCLUDE_DIRS} ${HDF5_INCLUDE_DIRS})
  target_link_libraries(tacit::hdf5 INTERFACE ${HDF5_C_LIBRARIES} ${HDF5_LIBRARIES})
  target_compile_definitions(tacit::hdf5 INTERFACE ${HDF5_DEFINITIONS})
endif()

if(TACIT_BUILD_GUI)
  # Debian's VTK 9.1 names MPI::MPI_C in VTK::mpi's link interface without providing it
  # (shared/docs/VTK-QT6.md); we never use MPI, so an empty target satisfies CMake.
  if(NOT TARGET MPI::MPI_C)
    add_library(MPI::MPI_C INTERFACE IMPORTED)
  endif()
  find_package(VTK 9.1 REQUIRED COMPONENTS CommonCore CommonDataModel RenderingCore RenderingOpenGL2
               InteractionStyle RenderingFreeType FiltersSources FiltersCore RenderingAnnotation)
endif()
