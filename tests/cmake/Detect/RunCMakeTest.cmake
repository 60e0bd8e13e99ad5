# The Detect cases: each <Case>.cmake (or <Case>/CMakeLists.txt, a whole project) with its
# expectation files beside it; see tests/cmake/CMakeLists.txt for run_cmake().
run_cmake(DetectBadOverride)
run_cmake(DetectCaching)
run_cmake(DetectEnvOverride)
run_cmake(DetectFakeDriver)
run_cmake(DetectOverrides)
run_cmake(DetectProbeFails)
run_cmake(DetectProbeMissing)
run_cmake(DetectRealToolkit)
run_cmake(DetectThousandGpus)
run_cmake(DetectUnknownKeyword)
