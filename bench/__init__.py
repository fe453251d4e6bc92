"""The benchmarks (`make bench`, `make bench-scale`): tools beside the platform, which may
name the document kinds they measure."""
