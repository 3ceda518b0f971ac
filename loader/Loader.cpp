//===- Loader.cpp - picks the checks built for the host clang-tidy ---------===//
//
// libContainersTidy.so is what users pass to `clang-tidy --load`. It links
// nothing from LLVM, so it loads into any clang-tidy. When it is loaded it asks
// the host which LLVM major it is and loads the checks built for that major
// from `llvm-<major>/libContainersTidyChecks.so` beside itself.
//
// Why not a single library: a library built against LLVM N and loaded into
// clang-tidy M either dies on an undefined symbol before any of its code runs
// (14 <-> 19/22) or loads, lists its checks and silently reports nothing
// (19 <-> 22). Neither can be turned into a clear message from inside that
// library, so the version test runs here, first.
//
// On a mismatch the checks are not registered: clang-tidy then reports no
// containers-* results, and with `-checks=-*,containers-*` it fails with "no
// checks enabled" after our message.
//
//===----------------------------------------------------------------------===//

#include <dirent.h>
#include <dlfcn.h>
#include <link.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

/// Parses the first "version N." in a clang version string.
int majorFromVersionText(const std::string &Text) {
  std::string::size_type Pos = Text.find("version ");
  if (Pos == std::string::npos)
    return 0;
  return std::atoi(Text.c_str() + Pos + 8);
}

int majorFromLoadedLibraries() {
  int Major = 0;
  dl_iterate_phdr(
      [](struct dl_phdr_info *Info, size_t, void *Data) {
        const char *Name = Info->dlpi_name;
        if (!Name)
          return 0;
        for (const char *Lib : {"libclang-cpp.so.", "libLLVM.so.", "libLLVM-"}) {
          if (const char *Found = std::strstr(Name, Lib)) {
            *static_cast<int *>(Data) = std::atoi(Found + std::strlen(Lib));
            return 1;
          }
        }
        return 0;
      },
      &Major);
  return Major;
}

/// The LLVM major of the clang-tidy that loaded us, 0 if unknown.
int hostLLVMMajor() {
  // clang::getClangFullVersion() has had the same mangled name and signature
  // in every release, and returns e.g. "Debian clang version 19.1.7 (...)".
  using VersionFn = std::string (*)();
  if (auto *Fn = reinterpret_cast<VersionFn>(
          dlsym(RTLD_DEFAULT, "_ZN5clang19getClangFullVersionB5cxx11Ev")))
    if (int Major = majorFromVersionText(Fn()))
      return Major;
  return majorFromLoadedLibraries();
}

std::string directoryOfThisLibrary() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&hostLLVMMajor), &Info) ||
      !Info.dli_fname)
    return ".";
  std::string Path = Info.dli_fname;
  std::string::size_type Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

std::vector<int> availableMajors(const std::string &Dir) {
  std::vector<int> Majors;
  if (DIR *D = opendir(Dir.c_str())) {
    while (dirent *Entry = readdir(D)) {
      if (std::strncmp(Entry->d_name, "llvm-", 5) != 0)
        continue;
      std::string Lib =
          Dir + "/" + Entry->d_name + "/libContainersTidyChecks.so";
      struct stat St;
      if (stat(Lib.c_str(), &St) == 0)
        Majors.push_back(std::atoi(Entry->d_name + 5));
    }
    closedir(D);
  }
  return Majors;
}

__attribute__((constructor)) void loadContainersTidyChecks() {
  if (std::getenv("CONTAINERS_TIDY_LOADER_DISABLE"))
    return;
  const std::string Dir = directoryOfThisLibrary();
  const int Host = hostLLVMMajor();
  std::vector<int> Built = availableMajors(Dir);
  std::string BuiltText;
  for (int Major : Built)
    BuiltText += (BuiltText.empty() ? "" : ", ") + std::to_string(Major);
  if (BuiltText.empty())
    BuiltText = "none";

  if (Host == 0) {
    std::fprintf(stderr,
                 "containers-tidy: error: cannot tell which LLVM version this "
                 "clang-tidy is; no containers-* checks are loaded (checks "
                 "are built for LLVM %s in %s)\n",
                 BuiltText.c_str(), Dir.c_str());
    return;
  }
  const std::string Checks = Dir + "/llvm-" + std::to_string(Host) +
                             "/libContainersTidyChecks.so";
  struct stat St;
  if (stat(Checks.c_str(), &St) != 0) {
    std::fprintf(
        stderr,
        "containers-tidy: error: this clang-tidy is LLVM %d, but %s/ has "
        "containers-tidy checks built for LLVM %s only; no containers-* "
        "checks are loaded. Run the clang-tidy of a major it was built for "
        "(e.g. clang-tidy-%d), or build the plugin for LLVM %d: apt-get "
        "install libclang-%d-dev llvm-%d-dev clang-tidy-%d, then cmake "
        "-DLLVM_VERSION=%d\n",
        Host, Dir.c_str(), BuiltText.c_str(), Built.empty() ? Host : Built[0],
        Host, Host, Host, Host, Host);
    return;
  }
  if (!dlopen(Checks.c_str(), RTLD_NOW | RTLD_GLOBAL))
    std::fprintf(stderr,
                 "containers-tidy: error: cannot load %s into this clang-tidy "
                 "(LLVM %d): %s\n",
                 Checks.c_str(), Host, dlerror());
}

} // namespace
