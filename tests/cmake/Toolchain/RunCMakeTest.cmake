# The Toolchain cases: the guard's checks of what a release needs of the toolchain
# (the C++ standard, the glibc floor; issue 17); see tests/cmake/CMakeLists.txt for run_cmake().
run_cmake(ToolchainCompilerWithoutCxx20)
run_cmake(ToolchainCxx20Standard17)
run_cmake(ToolchainCxxAgreesWithCMake)
run_cmake(ToolchainGlibcBadOverride)
run_cmake(ToolchainGlibcOverride)
run_cmake(ToolchainGlibcProfile)
