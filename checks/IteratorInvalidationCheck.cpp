//===- IteratorInvalidationCheck.cpp - containers-iterator-invalidation ---===//

#include "checks/IteratorInvalidationCheck.h"
#include "lib/DeclFilter.h"
#include "lib/ContainerAccess.h"
#include "lib/ElementHandle.h"
#include "lib/LoopBody.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

static constexpr llvm::StringLiteral InvalidatedLoop =
    "the loop's iterator is invalidated";

IteratorInvalidationCheck::IteratorInvalidationCheck(llvm::StringRef Name,
                                                     ClangTidyContext *Context)
    : ContainersCheck(Name, Context) {}

void IteratorInvalidationCheck::registerProgramMatchers(MatchFinder *Finder) {
  // Every range-based for loop; the range's type is tested (and cached) in
  // check(), which is cheaper than a type matcher per loop.
  Finder->addMatcher(cxxForRangeStmt().bind("loop"), this);
  // Locals with an initialiser; ElementHandle::fromVar in check() tells
  // the few that point into a container, faster than a hasDescendant()
  // filter over every initialiser of the TU. The range-for's own hidden
  // variables are implicit: skipped, and so are the standard library's
  // own locals (a report there would not be shown).
  Finder->addMatcher(
      varDecl(isProgramLocal(), hasInitializer(expr()))
          .bind("handle"),
      this);
}

void IteratorInvalidationCheck::check(const MatchFinder::MatchResult &Result) {
  // A TU that does not compile has a partial AST: say nothing about it.
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  if (const auto *Loop = Result.Nodes.getNodeAs<CXXForRangeStmt>("loop"))
    checkRangeFor(Loop, *Result.Context);
  if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("handle"))
    checkHandle(Var, *Result.Context);
}

void IteratorInvalidationCheck::onEndOfTranslationUnit() {
  Flows.clear();
  Reported.clear();
}

bool IteratorInvalidationCheck::isReservedGrowth(const ContainerOperation &Op,
                                                 const FunctionDecl *FD,
                                                 ASTContext &Ctx) {
  if (!Op.Rule || !Op.Rule->GrowsStorage)
    return false;
  const FunctionFlow *Flow = Flows.get(FD, Ctx);
  if (!Flow)
    return false;
  for (const ContainerOperation &Other : Flow->operations())
    if (Other.Name == "reserve" && Other.Container == Op.Container &&
        Flow->reaches(Other.Call, Op.Call))
      return true;
  return false;
}

/// Operations that insert only when the key is missing.
static bool isLookupInsertion(llvm::StringRef Name) {
  return Name == "operator[]" || Name == "try_emplace" ||
         Name == "insert_or_assign";
}

/// The function whose body holds a declaration (a lambda's call operator for
/// a declaration inside a lambda); null inside uninstantiated templates,
/// which are analysed through their instantiations instead.
static const FunctionDecl *analysableFunction(const Decl *D) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D->getDeclContext());
  if (!FD || FD->isDependentContext())
    return nullptr;
  return FD;
}

void IteratorInvalidationCheck::checkRangeFor(const CXXForRangeStmt *Loop,
                                              ASTContext &Ctx) {
  const VarDecl *LoopVar = Loop->getLoopVariable();
  const FunctionDecl *FD = LoopVar ? analysableFunction(LoopVar) : nullptr;
  const Expr *Range = Loop->getRangeInit();
  if (!FD || !Range ||
      !Model.classify(Range->getType().getNonReferenceType()))
    return;
  // Only a named container has an identity; a loop over a temporary copy may
  // modify the original.
  std::optional<ContainerRef> Iterated = ContainerRef::fromExpr(Range);
  if (!Iterated)
    return;
  const std::string Name = Iterated->name();

  auto LoopNote = [&] {
    diag(Range->getBeginLoc(), "the range-based for loop iterates '%0' here",
         DiagnosticIDs::Note)
        << Name;
  };
  // Does \p Op, run during an iteration, invalidate the loop's iterator?
  auto Invalidates = [&](const ContainerOperation &Op,
                         llvm::function_ref<bool(const Expr *)> IsVisited) {
    if (!Op.Rule || Op.Container != *Iterated)
      return false;
    switch (Op.Rule->Loop) {
    case LoopEffect::Safe:
      return false;
    case LoopEffect::VisitedElement:
      // Erasing another element leaves the loop's iterator valid; an
      // unknown key is given the benefit of the doubt.
      return !Op.Args.empty() && IsVisited(Op.Args[0]);
    case LoopEffect::Always:
      // `m[kv.first]` finds the visited element: nothing is inserted.
      return !(isLookupInsertion(Op.Name) && !Op.Args.empty() &&
               isVisitedKey(Op.Args[0], Loop)) &&
             !isReservedGrowth(Op, FD, Ctx);
    }
    return false;
  };
  auto IsVisited = [&](const Expr *E) { return isVisitedElement(E, Loop); };

  forEachCallInLoopBody(Loop, Loop->getBody(), [&](const CallExpr *Call,
                                                   llvm::ArrayRef<const Stmt *>
                                                       Path) {
    if (std::optional<ContainerOperation> Op =
            ContainerOperation::match(Call, Model)) {
      if (!Invalidates(*Op, IsVisited) || leavesLoopRightAfter(Path) ||
          !Reported.first(Op->Loc, Range->getBeginLoc()))
        return;
      bool ErasesVisited = Op->Rule->Loop == LoopEffect::VisitedElement;
      diag(Op->Loc, "'%0' is modified by '%1'%select{ while a range-based for "
                    "loop iterates it|, which erases the element the "
                    "range-based for loop is visiting}2; %3")
          << Name << Op->Name << ErasesVisited << InvalidatedLoop;
      LoopNote();
      return;
    }
    // One call level deep: a member function of the same class that
    // modifies the iterated member.
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    if (!Member || !Iterated->isMemberOfThis() ||
        !isa<CXXThisExpr>(Member->getImplicitObjectArgument()->IgnoreImpCasts()))
      return;
    const CXXMethodDecl *Callee = Member->getMethodDecl();
    const FunctionDecl *Definition = Callee ? Callee->getDefinition() : nullptr;
    if (!Definition || Definition == FD || Definition->isDependentContext())
      return;
    const FunctionFlow *CalleeFlow = Flows.get(Definition, Ctx);
    if (!CalleeFlow)
      return;
    // In the callee, the visited element arrives through a parameter.
    auto IsVisitedInCallee = [&](const Expr *E) {
      for (unsigned I = 0; I < Definition->getNumParams() &&
                           I < Member->getNumArgs();
           ++I)
        if (refersTo(E, Definition->getParamDecl(I)) &&
            isVisitedElement(Member->getArg(I), Loop))
          return true;
      return false;
    };
    for (const ContainerOperation &Op : CalleeFlow->operations()) {
      if (!Invalidates(Op, IsVisitedInCallee))
        continue;
      if (leavesLoopRightAfter(Path) ||
          !Reported.first(Member->getExprLoc(), Range->getBeginLoc()))
        return;
      diag(Member->getExprLoc(), "'%0' is modified by the call to '%1' while "
                                 "a range-based for loop iterates it; %2")
          << Name << Callee->getName() << InvalidatedLoop;
      diag(Op.Loc, "'%0' is modified by '%1' here", DiagnosticIDs::Note)
          << Name << Op.Name;
      LoopNote();
      return;
    }
  });
}

void IteratorInvalidationCheck::checkHandle(const VarDecl *Var,
                                            ASTContext &Ctx) {
  const FunctionDecl *FD = analysableFunction(Var);
  if (!FD)
    return;
  std::optional<ElementHandle> Handle = ElementHandle::fromVar(Var, Model);
  if (!Handle)
    return;
  const FunctionFlow *Flow = Flows.get(FD, Ctx);
  if (!Flow)
    return;
  // Assigning to a reference writes the element; only iterators and
  // pointers are re-pointed by assignment.
  const bool Rebindable = Handle->Kind != HandleKind::Reference;
  // A dangling pointer is only a bug when dereferenced.
  auto IsUse = [&](const DeclRefExpr *Ref) {
    return Handle->Kind != HandleKind::Pointer || Flow->isDereferenced(Ref);
  };
  for (const ContainerOperation &Op : Flow->operations()) {
    if (!Handle->isInvalidatedBy(Op) || !Flow->inScopeOf(Var, Op.Call) ||
        isReservedGrowth(Op, FD, Ctx))
      continue;
    const DeclRefExpr *Use = Flow->useAfter(Op.Call, Var, Rebindable, IsUse);
    if (!Use || !Reported.first(Op.Loc, Var->getLocation()))
      continue;
    const std::string Name = Handle->Container.name();
    const bool ErasesIterator = Handle->Kind == HandleKind::Iterator &&
                                !Op.Args.empty() &&
                                refersTo(Op.Args[0], Var);
    llvm::SmallVector<FixItHint, 3> Fixes;
    if (ErasesIterator)
      Fixes = eraseLoopFix(*Handle, Op, Use, Ctx);
    diag(Op.Loc, "'%0' on '%1' invalidates %2 '%3', which is used afterwards")
        << Op.Name << Name << Handle->kindName() << Var->getName() << Fixes;
    diag(Var->getLocation(), "'%0' is obtained from '%1' here",
         DiagnosticIDs::Note)
        << Var->getName() << Name;
    diag(Use->getLocation(), "'%0' is used here", DiagnosticIDs::Note)
        << Var->getName();
    if (ErasesIterator && Fixes.empty())
      diag(Op.Loc,
           "use the iterator that '%0' returns ('%1 = %2.%0(%1)') and advance "
           "'%1' only when nothing was erased",
           DiagnosticIDs::Note)
          << Op.Name << Var->getName() << Name;
    return;
  }
}

/// Is \p E `++it` or `it++` for \p Var?
static bool incrementsVar(const Expr *E, const VarDecl *Var) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E))
    return U->isIncrementOp() && refersTo(U->getSubExpr(), Var);
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_PlusPlus && Op->getNumArgs() >= 1 &&
           refersTo(Op->getArg(0), Var);
  return false;
}

/// Is \p S the statement `CALL;` (braced or not) and nothing else?
static bool isJustCall(const Stmt *S, const Expr *Call) {
  if (const auto *Compound = dyn_cast<CompoundStmt>(S))
    return Compound->size() == 1 && isJustCall(Compound->body_front(), Call);
  const auto *E = dyn_cast<Expr>(S);
  return E && ignoreWrappers(E) == Call;
}

llvm::SmallVector<FixItHint, 3> IteratorInvalidationCheck::eraseLoopFix(
    const ElementHandle &Handle, const ContainerOperation &Op,
    const DeclRefExpr *Use, ASTContext &Ctx) {
  // The one shape rewritten, because the rewrite is exact there:
  //   for (auto it = c.begin(); it != c.end(); ++it) { ...; if (p) c.erase(it); }
  // becomes
  //   for (auto it = c.begin(); it != c.end();) { ...; if (p) it = c.erase(it);
  //                                                     else ++it; }
  const VarDecl *Var = Handle.Var;
  const SourceManager &SM = Ctx.getSourceManager();
  if (Op.Call->getBeginLoc().isMacroID())
    return {};
  // The parent map is built only here, for a warning already decided, never
  // on the matching path.
  const ForStmt *Loop = nullptr;
  for (const DynTypedNode &Parent : Ctx.getParents(*Var))
    if (const auto *DS = Parent.get<DeclStmt>())
      for (const DynTypedNode &Grand : Ctx.getParents(*DS))
        if (const auto *For = Grand.get<ForStmt>(); For && For->getInit() == DS)
          Loop = For;
  if (!Loop || !incrementsVar(Loop->getInc(), Var) ||
      !Loop->getInc()->getSourceRange().fullyContains(Use->getSourceRange()) ||
      continuesEnclosingLoop(Loop->getBody()) ||
      Loop->getInc()->getBeginLoc().isMacroID())
    return {};
  const Stmt *Last = Loop->getBody();
  if (const auto *Body = dyn_cast<CompoundStmt>(Last))
    Last = Body->body_empty() ? nullptr : Body->body_back();
  const auto *If = dyn_cast_or_null<IfStmt>(Last);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
      !isJustCall(If->getThen(), Op.Call))
    return {};
  SourceLocation AfterThen =
      isa<CompoundStmt>(If->getThen())
          ? Lexer::getLocForEndOfToken(If->getThen()->getEndLoc(), 0, SM,
                                       getLangOpts())
          : Lexer::findLocationAfterToken(If->getThen()->getEndLoc(),
                                          tok::semi, SM, getLangOpts(),
                                          /*SkipTrailingWhitespaceAndNewLine=*/
                                          false);
  if (AfterThen.isInvalid())
    return {};
  std::string Indent(SM.getSpellingColumnNumber(If->getBeginLoc()) - 1, ' ');
  std::string Name = Var->getName().str();
  return {FixItHint::CreateInsertion(Op.Call->getBeginLoc(), Name + " = "),
          FixItHint::CreateRemoval(Loop->getInc()->getSourceRange()),
          FixItHint::CreateInsertion(AfterThen, "\n" + Indent + "else\n" +
                                                    Indent + "  ++" + Name +
                                                    ";")};
}

} // namespace clang::tidy::containers
