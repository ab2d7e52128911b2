"""Developer tools beside the runtime, in the source checkout only (not in the wheel).

Reader training and export, calibration fitting, benchmarks, embedder parity and the
throwaway PostgreSQL server for tests. They may import index, qa and ui; those never
import them.
"""
