# lit configuration for containers-tidy. Run through the build's
# lit.site.cfg.py (see CMakeLists.txt), or tools/run-tests.sh.
import glob
import os
import re
import shutil
import subprocess

import lit.formats

config.name = "containers-tidy (LLVM %s)" % config.llvm_major
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "common.h", "gen-huge-function.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.build_root, "test")

inputs = os.path.join(config.test_source_root, "Inputs")
# Mock standard headers: fast, and independent of the installed library.
mock_flags = "-std=c++20 -nostdinc++ -isystem %s" % os.path.join(inputs, "std")
tidy = "%s --load=%s --quiet" % (config.clang_tidy, config.plugin)

# The runner (tools/containers-tidy) with this build's plugin and clang-tidy.
runner_inputs = os.path.join(config.test_source_root, "runner", "Inputs")
config.substitutions.append(
    ("%containers_tidy", "python3 %s --plugin %s --clang-tidy %s" % (
        os.path.join(config.source_root, "tools", "containers-tidy"),
        config.plugin, config.clang_tidy)))
config.substitutions.append(("%runner_inputs", runner_inputs))
config.substitutions.append(
    ("%make_project", "python3 %s" % os.path.join(runner_inputs, "make-project.py")))
config.substitutions.append(
    ("%expect_exit", "python3 %s" % os.path.join(runner_inputs, "expect-exit.py")))
config.substitutions.append(("%{installed_tidy}", config.clang_tidy))
config.substitutions.append(("%clang_tidy", tidy))
config.substitutions.append(("%mock_std", mock_flags))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%plugin", config.plugin))
config.substitutions.append(("%source_root", config.source_root))
config.substitutions.append(("%build_root", config.build_root))
config.substitutions.append(("%llvm_major", config.llvm_major))
config.substitutions.append(("%python", "python3"))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("not ", os.path.join(config.llvm_tools_dir, "not") + " "))
config.available_features.add("llvm-%s" % config.llvm_major)

# tools/run-sanitized.sh preloads the sanitizer runtime into every command,
# for a plugin built with -DCONTAINERS_TIDY_SANITIZE=ON.
for var in ("LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS"):
    if os.environ.get("CONTAINERS_TIDY_SANITIZE_" + var):
        config.environment[var] = os.environ["CONTAINERS_TIDY_SANITIZE_" + var]

# The real standard libraries, when their headers are installed.
if os.path.isdir("/usr/include/c++/12"):
    config.available_features.add("libstdcxx")
libcxx = "/usr/lib/llvm-%s/include/c++/v1" % config.llvm_major
if os.path.isfile(os.path.join(libcxx, "vector")):
    config.available_features.add("libcxx")

# containers-tidy-bin, when built (-DCONTAINERS_TIDY_BUILD_BIN=ON).
if config.containers_tidy_bin and os.path.isfile(config.containers_tidy_bin):
    config.available_features.add("containers-tidy-bin")
    config.substitutions.append(("%{tidy_bin}", config.containers_tidy_bin))

# The Debian package (test/plugin/package.test): cpack and dpkg-deb.
config.substitutions.append(("%{version}", config.version))
if os.path.isfile(config.cpack) and shutil.which("dpkg-deb"):
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                          text=True).stdout.strip()
    if arch:
        config.available_features.add("deb")
        config.substitutions.append(("%cpack", config.cpack))
        config.substitutions.append(("%{deb_arch}", arch))

# Another LLVM major's clang-tidy, to test loading into the wrong one.
others = []
for path in sorted(glob.glob("/usr/lib/llvm-*/bin/clang-tidy")):
    major = re.search(r"llvm-(\d+)", path).group(1)
    if major != config.llvm_major:
        others.append(path)
if others:
    config.available_features.add("other-clang-tidy")
    config.substitutions.append(("%other_clang_tidy", others[-1]))
    config.substitutions.append(
        ("%other_major", re.search(r"llvm-(\d+)", others[-1]).group(1)))

# clang-apply-replacements applies the runner's merged --export-fixes.
car = os.path.join(config.llvm_tools_dir, "clang-apply-replacements")
if os.path.exists(car):
    config.available_features.add("clang-apply-replacements")
    config.substitutions.append(("%clang_apply_replacements", car))

# script(1) runs a command on a pseudo-terminal (the runner's progress line).
if os.path.exists("/usr/bin/script"):
    config.available_features.add("script")
