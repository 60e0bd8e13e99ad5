# The examples under examples/, configured as a user would, for a target machine
# described by overrides: each must succeed or fail with its exit code.
run_cmake(ExampleGuardPasses SOURCE_DIR examples/guard)
run_cmake(ExampleGuardFails SOURCE_DIR examples/guard)
