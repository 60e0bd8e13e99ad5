# The CheckTorch cases: each <Case>.cmake (or <Case>/CMakeLists.txt, a whole project) with its
# expectation files beside it; see tests/cmake/CMakeLists.txt for run_cmake().
run_cmake(CheckTorchAbiConflict)
run_cmake(CheckTorchAfterFindPackage)
run_cmake(CheckTorchArchive)
run_cmake(CheckTorchCudaNoBuildVersion)
run_cmake(CheckTorchDebian)
run_cmake(CheckTorchNoDir)
run_cmake(CheckTorchNotLibtorch)
run_cmake(CheckTorchVerdict)
run_cmake(CheckTorchWheelTree)
run_cmake(CheckTorchRocmTree)
