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
      ExecutorFunctions(readSharedOption(
          *Context, Name, "ExecutorFunctions",
          ConcurrentContext::DefaultExecutorFunctions, &ExecutorFunctionsKey)) {
  std::string Error;
  if (!Concurrent.setExecutorFunctions(ExecutorFunctions, Error))
    badOption(ExecutorFunctionsKey, ExecutorFunctions, Error);
}

void EscapingElementCaptureCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  ContainersCheck::storeOptions(Opts);
  Options.store(Opts, "ExecutorFunctions", ExecutorFunctions);
}

void EscapingElementCaptureCheck::registerProgramMatchers(MatchFinder *Finder) {
  // Every lambda; check() returns at once for those without captures, and
  // asks where a lambda goes only when it captures an element handle.
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

void EscapingElementCaptureCheck::onEndOfTranslationUnit() {
  Escapes.clear();
  Members.clear();
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
enum class OpVerb { Erased, Cleared, Modified, MovedFrom };
OpVerb verbFor(const ContainerOperation &Op) {
  if (!Op.Rule)
    return OpVerb::MovedFrom;
  llvm::StringRef Name = Op.Name;
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

const MemberOperation *EscapingElementCaptureCheck::invalidationElsewhere(
    const ElementHandle &Handle, const Escape &Where, ASTContext &Ctx) {
  const auto *Member =
      dyn_cast_or_null<FieldDecl>(Handle.Container.memberOfThis());
  if (!Member)
    return nullptr;
  for (const MemberOperation &Other :
       Members.of(dyn_cast<CXXRecordDecl>(Member->getParent()), Ctx)) {
    // The escaping function's own operations were followed in its flow.
    if (Other.Function == Where.Function ||
        !Handle.mayBeInvalidatedBy(*Other.Op))
      continue;
    // A destructor that joins the thread first erases nothing it uses.
    if (Escapes.joinedInDestructorBefore(Where, Other.Function, Other.Op->Call,
                                         Ctx))
      continue;
    return &Other;
  }
  return nullptr;
}

void EscapingElementCaptureCheck::report(const LambdaCapture &Capture,
                                         const ElementHandle &Handle,
                                         const Escape &Where, ASTContext &Ctx) {
  const FunctionFlow *Flow = Flows.get(Where.Function, Ctx);
  if (!Flow)
    return;
  // Does \p Op run after the escape, while the lambda may still run?
  auto WhileRunning = [&](const ContainerOperation &Op) {
    return Flow->reaches(Where.Site, Op.Call) &&
           !Escapes.joinedBefore(Where, Op.Call, Ctx);
  };
  // The first operation after the escape that invalidates the handle while
  // the lambda may still run.
  const ContainerOperation *Invalidation = nullptr;
  for (const ContainerOperation &Op : Flow->operations())
    if (Handle.isInvalidatedBy(Op) && WhileRunning(Op)) {
      Invalidation = &Op;
      break;
    }
  // Or one in another member function, for a member container of `this`.
  const MemberOperation *Elsewhere = nullptr;
  if (!Invalidation) {
    // A thread or task joined before the function returns, with nothing
    // invalidating the element before the join, cannot use a dangling
    // handle.
    if (!Escapes.outlivesFunction(Where, Ctx))
      return;
    // A move out of the container hands the element to another owner (a
    // local one dies when the function returns). Only named for a lambda
    // that outlives the function: a thread joined while the new owner
    // lives still sees a valid element.
    for (const ContainerOperation &Move : Flow->moves())
      if (Move.Container == Handle.Container && WhileRunning(Move)) {
        Invalidation = &Move;
        break;
      }
  }
  if (!Invalidation) {
    Elsewhere = invalidationElsewhere(Handle, Where, Ctx);
    if (Elsewhere)
      Invalidation = Elsewhere->Op;
    // Joined before the member container is destroyed (by the destructor,
    // or a jthread member destroyed first), and no member function erases
    // from it: nothing can leave the handle dangling while the thread runs.
    else if (Escapes.joinedBeforeDestroyed(
                 Where,
                 dyn_cast_or_null<FieldDecl>(Handle.Container.memberOfThis()),
                 Ctx))
      return;
  }
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
                       "%select{erased|cleared|modified by '%7'|moved "
                       "from}6 %8 while %select{the thread|the task|the "
                       "task|the stored lambda|the returned lambda}0 may "
                       "still run}5");
    D << static_cast<unsigned>(Where.Kind) << Where.Destination
      << Handle.kindName() << Handle.name() << Container
      << (Invalidation != nullptr);
    if (Elsewhere)
      D << static_cast<unsigned>(verbFor(*Invalidation)) << Invalidation->Name
        << "in '" + Elsewhere->Method->getParent()->getName().str() +
               "::" + Elsewhere->Method->getNameAsString() + "'";
    else if (Invalidation)
      D << static_cast<unsigned>(verbFor(*Invalidation)) << Invalidation->Name
        << "at line " +
               std::to_string(SM.getExpansionLineNumber(Invalidation->Loc));
    else
      D << 0u << ""
        << "";
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
         "'%0' is %select{erased|cleared|modified by '%2'|moved from}1 here",
         DiagnosticIDs::Note)
        << Container << static_cast<unsigned>(verbFor(*Invalidation))
        << Invalidation->Name;
  diag(Loc,
       "capture the element by value, a shared_ptr to it, or its key to look "
       "it up when the lambda runs",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::containers
