//===- EscapingElementCaptureCheck.h - containers-escaping-element-capture ===//

#ifndef CONTAINERS_TIDY_CHECKS_ESCAPINGELEMENTCAPTURECHECK_H
#define CONTAINERS_TIDY_CHECKS_ESCAPINGELEMENTCAPTURECHECK_H

#include "lib/ConcurrentContext.h"
#include "lib/ContainersCheck.h"
#include "lib/FunctionFlow.h"
#include "lib/LambdaEscape.h"
#include "lib/MemberOperations.h"

namespace clang::tidy::containers {

struct ElementHandle;
struct MemberOperation;

/// A lambda that outlives its statement (thread, async, executor, stored
/// std::function, returned) capturing a reference, pointer, iterator or view
/// into a container element.
///
/// For the user-facing documentation see
/// docs/checks/containers-escaping-element-capture.md
class EscapingElementCaptureCheck : public ContainersCheck {
public:
  EscapingElementCaptureCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void report(const LambdaCapture &Capture, const ElementHandle &Handle,
              const Escape &Where, ASTContext &Ctx);
  /// An operation of another member function of the class that may
  /// invalidate \p Handle, a handle into a member container of `this`.
  const MemberOperation *invalidationElsewhere(const ElementHandle &Handle,
                                               const Escape &Where,
                                               ASTContext &Ctx);

  std::string ExecutorFunctionsKey;
  const std::string ExecutorFunctions;
  ConcurrentContext Concurrent;
  FunctionFlowCache Flows{Model};
  LambdaEscape Escapes{Flows, Concurrent};
  MemberOperations Members{Flows};
  ReportOnce Reported;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_ESCAPINGELEMENTCAPTURECHECK_H
