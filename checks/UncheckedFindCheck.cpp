//===- UncheckedFindCheck.cpp - containers-unchecked-find -----------------===//

#include "checks/UncheckedFindCheck.h"
#include "lib/LoopBody.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

UncheckedFindCheck::UncheckedFindCheck(llvm::StringRef Name,
                                       ClangTidyContext *Context)
    : ContainersCheck(Name, Context),
      AssertMacroNames(Options.get("AssertMacros", "")) {
  std::string Error;
  if (!Asserts.addMacros(AssertMacroNames, Error))
    configurationDiag("invalid value '%0' for option '%1.AssertMacros': entry "
                      "%2 is not a macro name; the option is ignored",
                      DiagnosticIDs::Error)
        << AssertMacroNames << Name << Error;
}

void UncheckedFindCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ContainersCheck::storeOptions(Opts);
  Options.store(Opts, "AssertMacros", AssertMacroNames);
}

void UncheckedFindCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  Asserts.attach(*PP);
}

void UncheckedFindCheck::registerProgramMatchers(MatchFinder *Finder) {
  // The enclosing function (and lambdas) of a dereference, from the
  // traversal order instead of a parent-map walk (lib/TraversalPosition).
  // A lookup in a system header is not evaluated by the program function
  // the traversal was in last, so it is never reported.
  Position = TraversalPosition::shared(Finder);
  // Anchored on the lookup names; the container and the callee's namespace
  // are tested in check().
  auto LookupCall =
      callExpr(
          callee(functionDecl(hasAnyName("find", "lower_bound", "upper_bound",
                                         "find_if", "find_if_not"))))
          .bind("lookup");
  auto Looked = ignoringImplicit(LookupCall);
  // `*m.find(k)`, `m.find(k)->second` on class iterators.
  Finder->addMatcher(
      cxxOperatorCallExpr(hasAnyOverloadedOperatorName("*", "->"),
                          argumentCountIs(1), hasArgument(0, Looked))
          .bind("deref"),
      this);
  // The same on pointer iterators.
  Finder->addMatcher(
      unaryOperator(hasOperatorName("*"), hasUnaryOperand(Looked))
          .bind("deref"),
      this);
  Finder->addMatcher(
      memberExpr(isArrow(), hasObjectExpression(Looked)).bind("deref"), this);
  // `auto it = m.find(k);` (the copy is elided from C++17 on).
  Finder->addMatcher(
      varDecl(hasLocalStorage(), unless(parmVarDecl()),
              hasInitializer(ignoringImplicit(
                  anyOf(LookupCall, cxxConstructExpr(argumentCountIs(1),
                                                     hasArgument(0, Looked))))))
          .bind("var"),
      this);
}

void UncheckedFindCheck::onEndOfTranslationUnit() {
  Flows.clear();
  Reported.clear();
  Asserts.clear();
}

/// The member call `c.begin()`/`c.end()` (or `cbegin`/`cend`) \p E is, on a
/// known container.
static std::optional<ContainerOperation>
containerBound(const Expr *E, bool End, const ContainerModel &Model) {
  std::optional<ContainerOperation> Op =
      ContainerOperation::match(ignoreCopy(E), Model);
  if (!Op || !Op->Args.empty())
    return std::nullopt;
  if (End ? (Op->Name == "end" || Op->Name == "cend")
          : (Op->Name == "begin" || Op->Name == "cbegin"))
    return Op;
  return std::nullopt;
}

std::optional<UncheckedFindCheck::Lookup>
UncheckedFindCheck::matchLookup(const Expr *E) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  // `std::string::find` returns a position, not an iterator.
  if (!Callee || Call->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  if (memberCallObject(Call)) {
    std::optional<ContainerOperation> Op =
        ContainerOperation::match(Call, Model);
    if (!Op || (Op->Name != "find" && Op->Name != "lower_bound" &&
                Op->Name != "upper_bound"))
      return std::nullopt;
    return Lookup{Call, Op->Container, Op->Name,
                  Op->Args.empty() ? nullptr : Op->Args[0], Op->Loc};
  }
  // `std::find(c.begin(), c.end(), x)`: only over the whole of a known
  // container, whose end is then the one to compare with.
  if (!Callee->isInStdNamespace() || !Callee->getIdentifier() ||
      Call->getNumArgs() < 2)
    return std::nullopt;
  llvm::StringRef Name = llvm::StringSwitch<llvm::StringRef>(Callee->getName())
                             .Case("find", "std::find")
                             .Case("find_if", "std::find_if")
                             .Case("find_if_not", "std::find_if_not")
                             .Case("lower_bound", "std::lower_bound")
                             .Case("upper_bound", "std::upper_bound")
                             .Default("");
  if (Name.empty())
    return std::nullopt;
  std::optional<ContainerOperation> Begin =
      containerBound(Call->getArg(0), /*End=*/false, Model);
  std::optional<ContainerOperation> End =
      containerBound(Call->getArg(1), /*End=*/true, Model);
  if (!Begin || !End || Begin->Container != End->Container)
    return std::nullopt;
  const bool HasKey = !Name.contains("_if") && Call->getNumArgs() >= 3;
  SourceLocation Loc = Call->getExprLoc();
  if (const auto *Ref =
          dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
    Loc = Ref->getLocation();
  return Lookup{Call, End->Container, Name, HasKey ? Call->getArg(2) : nullptr,
                Loc};
}

/// Where the lookup returns its end, for the message.
static llvm::StringRef whenEnd(llvm::StringRef Name) {
  if (Name.contains("lower_bound"))
    return "when every element is ordered before the key";
  if (Name.contains("upper_bound"))
    return "when no element is ordered after the key";
  return "when nothing matches";
}

bool UncheckedFindCheck::mayBeKnownPresent(const Lookup &L,
                                           const FunctionFlow &Flow,
                                           const FunctionDecl *FD) const {
  // `for (auto &[k, v] : m) use(m.find(k)->second);` finds the visited
  // element.
  if (L.Key)
    if (const VarDecl *LoopVar = keyOfLoopVariable(L.Key))
      if (std::optional<ContainerRef> Walked = containerWalkedBy(LoopVar);
          Walked && *Walked == L.Container)
        return true;
  const bool Algorithm = L.Name.take_front(5) == "std::";
  for (const ContainerOperation &Other : Flow.accesses()) {
    if (Other.Call == L.Call || Other.Container != L.Container)
      continue;
    // Another lookup, test, insertion or erasure of a key that may be the
    // same (`if (!m.count(k)) return; ... m.find(k)->second`, `m[k] = v`):
    // the code may know the element exists.
    if (!Other.Args.empty() && (!L.Key || mayBeSameKey(Other.Args[0], L.Key)))
      return true;
    // Algorithms over the container are not in accesses(): another `end()`
    // than the lookup's own argument may be the comparison of another
    // search for the same value.
    if (Algorithm && (Other.Name == "end" || Other.Name == "cend") &&
        ignoreCopy(L.Call->getArg(1)) != Other.Call)
      return true;
  }
  // An assertion about the container or the key anywhere in the function
  // (in an NDEBUG build it leaves nothing in the AST).
  SourceRange Body = FD->getBody()->getSourceRange();
  for (const ValueDecl *D : {L.Container.root(), L.Container.decl()})
    if (D && Asserts.mentionsIn(Body, D->getIdentifier()))
      return true;
  if (const auto *KeyRef =
          L.Key ? dyn_cast<DeclRefExpr>(ignoreWrappers(L.Key)) : nullptr)
    if (Asserts.mentionsIn(Body, KeyRef->getDecl()->getIdentifier()))
      return true;
  return false;
}

void UncheckedFindCheck::check(const MatchFinder::MatchResult &Result) {
  // A TU that does not compile has a partial AST: say nothing about it.
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  std::optional<Lookup> L =
      matchLookup(Result.Nodes.getNodeAs<CallExpr>("lookup"));
  if (!L)
    return;
  if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var"))
    checkVariable(Var, *L, *Result.Context);
  else if (const auto *Deref = Result.Nodes.getNodeAs<Expr>("deref"))
    checkDirect(Deref, *L, *Result.Context);
}

void UncheckedFindCheck::checkDirect(const Expr *Deref, const Lookup &L,
                                     ASTContext &Ctx) {
  // The function the traversal is in, or a lambda in it, whose own graph
  // evaluates the lookup (not a namespace-scope initialiser after it);
  // uninstantiated templates are analysed through their instantiations.
  const FunctionDecl *FD = nullptr;
  const FunctionFlow *Flow = nullptr;
  llvm::ArrayRef<const FunctionDecl *> Lambdas = Position->lambdas();
  for (size_t I = Lambdas.size() + 1; I-- > 0 && !Flow;) {
    FD = I == 0 ? Position->function() : Lambdas[I - 1];
    if (!FD || !FD->getBody() || FD->isDependentContext())
      continue;
    const FunctionFlow *Candidate = Flows.get(FD, Ctx);
    if (Candidate && Candidate->evaluates(L.Call))
      Flow = Candidate;
  }
  if (!Flow || mayBeKnownPresent(L, *Flow, FD))
    return;
  if (!Reported.first(L.Loc, Deref->getExprLoc()))
    return;
  diag(L.Loc, "the result of '%0' is dereferenced without a comparison with "
              "the end of '%1'; '%0' returns the end iterator %2")
      << L.Name << L.Container.name() << whenEnd(L.Name);
}

void UncheckedFindCheck::checkVariable(const VarDecl *Var, const Lookup &L,
                                       ASTContext &Ctx) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Var->getDeclContext());
  if (!FD || FD->isDependentContext() || !FD->getBody() ||
      !Var->getIdentifier())
    return;
  const FunctionFlow *Flow = Flows.get(FD, Ctx);
  if (!Flow || mayBeKnownPresent(L, *Flow, FD))
    return;
  const IdentifierInfo *Name = Var->getIdentifier();
  const VarDecl *Canonical = Var->getCanonicalDecl();
  auto IsUse = [&](const DeclRefExpr *Ref) {
    return Flow->isDereferenced(Ref);
  };
  // Anything that may test the iterator guards it: any mention other than
  // a dereference (a comparison, a call it is passed to, `++it`, a copy), an
  // assertion that names it, a lambda that may capture it.
  auto IsBarrier = [&](const Stmt *S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      return Ref->getDecl()->getCanonicalDecl() == Canonical &&
             !Flow->isDereferenced(Ref);
    if (S->getBeginLoc().isMacroID() &&
        Asserts.mentionsAt(S->getBeginLoc(), Name))
      return true;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      if (Lambda->getCaptureDefault() != LCD_None)
        return true;
      for (const LambdaCapture &C : Lambda->explicit_captures())
        if (C.capturesVariable() &&
            C.getCapturedVar()->getCanonicalDecl() == Canonical)
          return true;
    }
    return false;
  };
  const DeclRefExpr *Use = Flow->unguardedUse(Var, IsBarrier, IsUse);
  if (!Use || !Reported.first(Use->getLocation(), Var->getLocation()))
    return;
  diag(Use->getLocation(), "'%0' is dereferenced without a comparison with "
                           "the end of '%1'; '%2' returns the end iterator %3")
      << Var->getName() << L.Container.name() << L.Name << whenEnd(L.Name);
  diag(L.Loc, "'%0' is the result of '%1' here", DiagnosticIDs::Note)
      << Var->getName() << L.Name;
}

} // namespace clang::tidy::containers
