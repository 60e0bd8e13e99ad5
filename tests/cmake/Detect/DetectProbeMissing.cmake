set(TORCHCOMPAT_PROBE_EXECUTABLE /nonexistent/torchcompat-probe)
torchcompat_detect()
