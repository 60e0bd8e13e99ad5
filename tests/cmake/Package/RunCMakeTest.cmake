# The Package cases: each <Case>.cmake (or <Case>/CMakeLists.txt, a whole project) with its
# expectation files beside it; see tests/cmake/CMakeLists.txt for run_cmake().
run_cmake(PackageAddSubdirectory NEEDS_INSTALLED_PACKAGE)
run_cmake(PackageBuildTree NEEDS_INSTALLED_PACKAGE)
run_cmake(PackageFetchContent NEEDS_INSTALLED_PACKAGE)
run_cmake(PackageInstallTree NEEDS_INSTALLED_PACKAGE)
run_cmake(PackageVersionTooNew NEEDS_INSTALLED_PACKAGE)
