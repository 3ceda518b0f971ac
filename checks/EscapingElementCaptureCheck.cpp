//===- EscapingElementCaptureCheck.cpp - containers-escaping-element-capture
//===//

#include "checks/EscapingElementCaptureCheck.h"
#include "lib/ContainerAccess.h"
#include "lib/ElementHandle.h"
#include "lib/SharedOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

EscapingElementCaptureCheck::EscapingElementCaptureCheck(
    llvm::StringRef Name, ClangTidyContext *Context)
    : ContainersCheck(Name, Context),
      ExecutorFunctions(
          readSharedOption(*Context, Name, "ExecutorFunctions",
                           ConcurrentContext::DefaultExecutorFunctions)) {
  std::string Error;
  if (!Concurrent.setExecutorFunctions(ExecutorFunctions, Error))
    configurationDiag("invalid value for option "
                      "'containers.ExecutorFunctions': %0; the default is "
                      "used",
                      DiagnosticIDs::Error)
        << Error;
}

void EscapingElementCaptureCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  ContainersCheck::storeOptions(Opts);
  Options.store(Opts, "ExecutorFunctions", ExecutorFunctions);
}

void EscapingElementCaptureCheck::registerMatchers(MatchFinder *Finder) {
  // Every lambda; check() returns at once for those without captures, and
  // asks where a lambda goes only when it captures an element handle.
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

void EscapingElementCaptureCheck::onEndOfTranslationUnit() {
  Escapes.clear();
  Flows.clear();
  Reported.clear();
}

/// Is \p H into a const container with static storage (a constant table)?
/// Nothing can erase its elements, and it outlives every thread and
/// callback.
static bool isIntoConstantTable(const ElementHandle &H) {
  const auto *Root = dyn_cast_or_null<VarDecl>(H.Container.root());
  if (!Root || !Root->hasGlobalStorage() || !H.Source)
    return false;
  const Expr *Object = memberCallObject(H.Source);
  if (!Object)
    return false;
  QualType T = Object->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.isConstQualified();
}

void EscapingElementCaptureCheck::check(
    const MatchFinder::MatchResult &Result) {
  // A TU that does not compile has a partial AST: say nothing about it.
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda");
  if (!Lambda || Lambda->capture_size() == 0)
    return;
  // The captures first: few lambdas capture a handle, and that test is
  // cheaper than the function's escape facts.
  llvm::SmallVector<std::pair<const LambdaCapture *, ElementHandle>, 2> Handles;
  for (const LambdaCapture &Capture : Lambda->captures()) {
    std::optional<ElementHandle> Handle =
        ElementHandle::fromCapture(Capture, Model);
    // A constant table outlives the lambda and is never modified.
    if (Handle && !isIntoConstantTable(*Handle))
      Handles.push_back({&Capture, *Handle});
  }
  if (Handles.empty())
    return;
  ASTContext &Ctx = *Result.Context;
  const Escape *Where = Escapes.escapes(Lambda, Ctx);
  if (!Where)
    return;
  for (const auto &[Capture, Handle] : Handles)
    report(*Capture, Handle, *Where, Ctx);
}

namespace {
enum class OpVerb { Erased, Cleared, Modified };
OpVerb verbFor(llvm::StringRef Name) {
  if (Name == "clear")
    return OpVerb::Cleared;
  for (llvm::StringRef Erase :
       {"erase", "extract", "erase_after", "pop_back", "pop_front",
        "std::erase", "std::erase_if", "remove", "remove_if"})
    if (Name == Erase)
      return OpVerb::Erased;
  return OpVerb::Modified;
}
} // namespace

void EscapingElementCaptureCheck::report(const LambdaCapture &Capture,
                                         const ElementHandle &Handle,
                                         const Escape &Where, ASTContext &Ctx) {
  const FunctionFlow *Flow = Flows.get(Where.Function, Ctx);
  if (!Flow)
    return;
  // The first operation after the escape that invalidates the handle while
  // the lambda may still run.
  const ContainerOperation *Invalidation = nullptr;
  for (const ContainerOperation &Op : Flow->operations()) {
    if (!Handle.isInvalidatedBy(Op) || !Flow->reaches(Where.Site, Op.Call) ||
        Escapes.joinedBefore(Where, Op.Call, Ctx))
      continue;
    Invalidation = &Op;
    break;
  }
  // A thread or task joined before the function returns, with nothing
  // invalidating the element before the join, cannot use a dangling handle.
  if (!Invalidation && !Escapes.outlivesFunction(Where, Ctx))
    return;
  SourceLocation Loc = Capture.getLocation();
  if (!Reported.first(Loc, Where.Loc))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const std::string Container = Handle.Container.name();
  {
    auto D = diag(Loc, "lambda %select{passed to|passed to|passed to|stored "
                       "in|returned from}0 '%1' captures %2 '%3' into "
                       "'%4'%select{; %select{the thread|the task|the "
                       "task|the stored lambda|the returned lambda}0 may run "
                       "after the element is erased or moved|, and '%4' is "
                       "%select{erased|cleared|modified by '%7'}6 at line %8 "
                       "while %select{the thread|the task|the task|the stored "
                       "lambda|the returned lambda}0 may still run}5");
    D << static_cast<unsigned>(Where.Kind) << Where.Destination
      << Handle.kindName() << Handle.name() << Container
      << (Invalidation != nullptr);
    if (Invalidation)
      D << static_cast<unsigned>(verbFor(Invalidation->Name))
        << Invalidation->Name << SM.getExpansionLineNumber(Invalidation->Loc);
    else
      D << 0u << "" << 0u;
  }
  // An init-capture is obtained at the capture itself.
  if (!(Handle.Var && Handle.Var->isInitCapture()))
    diag(Handle.Binding ? Handle.Binding->getLocation()
                        : Handle.Var->getLocation(),
         "'%0' is obtained from '%1' here", DiagnosticIDs::Note)
        << Handle.name() << Container;
  diag(Where.Loc,
       "the lambda %select{is passed to '%1'|is passed to '%1'|is passed to "
       "'%1'|is stored in '%1'|is returned}0 here",
       DiagnosticIDs::Note)
      << static_cast<unsigned>(Where.Kind) << Where.Destination;
  if (Invalidation)
    diag(Invalidation->Loc,
         "'%0' is %select{erased|cleared|modified by '%2'}1 "
         "here",
         DiagnosticIDs::Note)
        << Container << static_cast<unsigned>(verbFor(Invalidation->Name))
        << Invalidation->Name;
  diag(Loc,
       "capture the element by value, a shared_ptr to it, or its key to look "
       "it up when the lambda runs",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::containers
