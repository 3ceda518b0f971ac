//===- Main.cpp - containers-tidy-bin: clang-tidy with the checks built in ===//
//
// For hosts whose clang-tidy cannot load plugins (builds without plugin
// support, Windows): clang-tidy's own driver, `clangTidyMain` from
// libclangTidyMain.a of libclang-N-dev, linked with the containers-* checks.
//
// What links which module in: clang-tidy's ClangTidyMain.cpp includes
// ClangTidyForceLinker.h, so the driver object already references the anchor
// of every stock module libclang-N-dev ships and the linker pulls each
// libclangTidy*Module.a in. (That header cannot be included here: it needs
// the clang-tidy-config.h that Debian does not ship.) The containers-* checks
// are linked as object files, not from an archive, so the static registration
// in checks/ContainersTidyModule.cpp is always part of the executable and
// needs no anchor.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, const char **argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "containers-tidy " CONTAINERS_TIDY_VERSION
          " (containers-* checks built in)\n";
  });
  return clang::tidy::clangTidyMain(argc, argv);
}
