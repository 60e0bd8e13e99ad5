# The Arch cases: each <Case>.cmake (or <Case>/CMakeLists.txt, a whole project) with its
# expectation files beside it; see tests/cmake/CMakeLists.txt for run_cmake().
run_cmake(ArchBadArguments)
run_cmake(ArchCuda13DropsOld)
run_cmake(ArchDetectedGpus)
run_cmake(ArchFromProfile)
run_cmake(ArchLibtorchBuild)
run_cmake(ArchLibtorchLimits)
run_cmake(ArchUnknownKeyword)
run_cmake(ArchHipProfile)
run_cmake(ArchHipNoAmd)
run_cmake(ArchHipBadArguments)
