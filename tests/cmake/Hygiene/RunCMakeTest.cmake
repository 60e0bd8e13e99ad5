# The Hygiene cases: the package behaves as CMake's own modules do (policies
# scoped per module, result variables in every directory that finds it, a
# user's settings kept, remembered answers keyed on their inputs only, internal
# helpers never calling up into public modules). See tests/cmake/CMakeLists.txt
# for run_cmake().
run_cmake(HygieneSiblingDirectories)
run_cmake(HygieneOverrideChange)
run_cmake(HygieneTorchDirKept)
run_cmake(HygieneOldConsumer)
run_cmake(HygieneScriptPolicies)
run_cmake(HygieneModuleLayout)
run_cmake(HygieneModuleLayoutUpward)
run_cmake(HygieneTooOldCMake)
