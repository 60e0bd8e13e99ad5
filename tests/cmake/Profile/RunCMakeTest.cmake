# The Profile cases: each <Case>.cmake (or <Case>/CMakeLists.txt, a whole project) with its
# expectation files beside it; see tests/cmake/CMakeLists.txt for run_cmake().
run_cmake(ProfileAndOverride)
run_cmake(ProfileApplies)
run_cmake(ProfileFifo)
run_cmake(ProfileFromEnvironment)
run_cmake(ProfileGuard)
run_cmake(ProfileMissing)
run_cmake(ProfileNonsense)
run_cmake(ProfileSchemaFile)
run_cmake(ProfileUnknownSchema)
run_cmake(ProfileWithoutHost)
