# The Report cases: each <Case>.cmake (or <Case>/CMakeLists.txt, a whole project) with its
# expectation files beside it; see tests/cmake/CMakeLists.txt for run_cmake().
run_cmake(ReportPrints)
run_cmake(ReportUnknownBuilds)
run_cmake(ReportUnknownKeyword)
run_cmake(ReportVerdict)
run_cmake(ReportRocmXpuCpuOnly)
run_cmake(ReportRocmRuns)
