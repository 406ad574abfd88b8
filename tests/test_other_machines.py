"""tools/other_machines.py: which OpenBLAS kernels it runs on which CPU, and its table (the notebooks are
not run here: the script is run by hand)."""
import pytest

import other_machines

HASWELL_AMD = {"sse4_2", "avx", "avx2", "fma"}  # an AMD EPYC with AVX2, no AVX-512
SAPPHIRE = HASWELL_AMD | other_machines.AVX512 | {"avx512_bf16", "amx_bf16", "amx_tile", "avx512_fp16"}


def test_an_avx2_amd_cpu_tries_zen_and_skips_avx512_saying_what_it_lacks():
    chosen, skipped = other_machines.choose_kernels("AuthenticAMD", HASWELL_AMD)
    assert chosen == ["Nehalem", "Sandybridge", "Haswell", "Zen"]
    assert set(skipped) == {"SkylakeX", "Cooperlake", "SapphireRapids"}
    assert "cannot run it" in skipped["SkylakeX"] and "avx512f" in skipped["SkylakeX"]


def test_an_avx512_intel_cpu_tries_the_avx512_kernels_and_not_zen():
    chosen, skipped = other_machines.choose_kernels("GenuineIntel", SAPPHIRE)
    assert chosen == ["Nehalem", "Sandybridge", "Haswell", "SkylakeX", "Cooperlake", "SapphireRapids"]
    assert list(skipped) == ["Zen"] and "GenuineIntel" in skipped["Zen"]


def test_skylake_x_without_bf16_skips_cooperlake_and_sapphire_rapids():
    chosen, skipped = other_machines.choose_kernels("GenuineIntel", HASWELL_AMD | other_machines.AVX512)
    assert "SkylakeX" in chosen and "Cooperlake" not in chosen and "SapphireRapids" not in chosen
    assert "avx512_bf16" in skipped["Cooperlake"] and "amx_tile" in skipped["SapphireRapids"]


def test_avx512f_alone_is_not_enough_for_skylake_x():
    """A CPU with avx512f but not the rest (Knights Landing) cannot run OpenBLAS's SkylakeX kernels."""
    _, skipped = other_machines.choose_kernels("GenuineIntel", HASWELL_AMD | {"avx512f", "avx512cd"})
    assert "avx512bw" in skipped["SkylakeX"] and "avx512f," not in skipped["SkylakeX"]


def test_unknown_flags_skip_every_kernel_but_the_cpus_own():
    chosen, skipped = other_machines.choose_kernels(None, None)
    assert chosen == [] and set(skipped) == set(other_machines.KERNELS)


def test_the_cpu_is_read_from_cpuinfo(tmp_path):
    (tmp_path / "cpuinfo").write_text("processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\n"
                                      "flags\t\t: fpu sse4_2 avx avx2 fma\n\nprocessor\t: 1\n")
    assert other_machines.read_cpu(tmp_path / "cpuinfo") == ("AuthenticAMD", {"fpu", "sse4_2", "avx", "avx2", "fma"})
    assert other_machines.read_cpu(tmp_path / "none") == (None, None)


def test_a_kernel_openblas_replaces_by_another_or_already_runs_is_skipped():
    """OpenBLAS falls back without a word for a name its build lacks (Zen here runs Haswell)."""
    runs = {"Nehalem": "Nehalem", "Haswell": "Haswell", "Zen": "Haswell", "SapphireRapids": "SkylakeX"}
    chosen, skipped = other_machines.verify(list(runs), "Haswell", runs)
    assert chosen == [None, "Nehalem"]
    assert "the kernel OpenBLAS picks for this CPU itself" in skipped["Haswell"]
    assert "asked for Zen, this OpenBLAS runs Haswell" in skipped["Zen"]
    assert "runs SkylakeX" in skipped["SapphireRapids"]


def test_the_kernel_openblas_runs_is_the_one_asked_for():
    """A real question to this NumPy: its own kernel, and a kernel every x86-64 CPU since 2008 runs."""
    own = other_machines.running_kernel(None)
    if own is None:
        pytest.skip("NumPy does not use OpenBLAS here")
    assert other_machines.running_kernel("Nehalem") == "Nehalem"
    assert other_machines.running_kernel("NoSuchKernel") == own, "OpenBLAS falls back to its own choice"


def test_pytests_summary_is_read():
    out = ("...F\n=========================== short test summary info ============================\n"
           "FAILED solutions/05_hyperparameters.ipynb::Cell 12 - nbval cell output mismatch\n"
           "1 failed, 11 passed in 40.12s\n")
    assert other_machines.parse_pytest(out) == (11, 1, ["solutions/05_hyperparameters.ipynb::Cell 12"])
    assert other_machines.parse_pytest("12 passed, 1 skipped in 3.0s\n") == (12, 0, [])
    assert other_machines.parse_pytest("===== 3 failed, 2 passed in 1.00s =====\n")[:2] == (2, 3)
    assert other_machines.parse_pytest("ERROR x.py\n1 passed, 2 errors in 3.0s\n")[:2] == (1, 2)
    passed, failed, failing = other_machines.parse_pytest("", "ModuleNotFoundError: nbval")
    assert (passed, failed) == (0, 1) and "ModuleNotFoundError: nbval" in failing[0]


def test_the_table_has_a_row_per_kernel_and_a_column_per_thread_count():
    results = {(None, "1"): (12, 0, [], 20.0), (None, "2"): (12, 0, [], 30.0),
               ("Nehalem", "1"): (12, 0, [], 21.0), ("Nehalem", "2"): (11, 1, ["solutions/05.ipynb::Cell 12"], 31.0)}
    lines = other_machines.table(results, "Haswell", {"SkylakeX": "the CPU cannot run it: it lacks avx512f"})
    assert lines[:4] == ["| kernel | 1 thread | 2 threads | seconds |", "| --- | --- | --- | --- |",
                         "| Haswell (this CPU's own) | 12 passed | 12 passed | 20 + 30 |",
                         "| Nehalem | 12 passed | 11 passed, **1 FAILED** | 21 + 31 |"]
    text = "\n".join(lines)
    assert "failed with Nehalem, 2 thread(s):\n    solutions/05.ipynb::Cell 12" in text
    assert "skipped:\n    SkylakeX: the CPU cannot run it: it lacks avx512f" in text
    assert "failed with Haswell" not in text
