//===- BoolMapAsSetCheck.cpp - containers-bool-map-as-set -----------------===//

#include "checks/BoolMapAsSetCheck.h"
#include "lib/ContainerAccess.h"
#include "lib/SetCounterpart.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

bool BoolMapAsSetCheck::BoolShapedMaps::decide(const ValueDecl *D) {
  if (!isa<FieldDecl>(D) && !(isa<VarDecl>(D) && !isa<ParmVarDecl>(D)))
    return false;
  const auto *Record =
      D->getType()->getUnqualifiedDesugaredType()->getAs<RecordType>();
  const auto *Spec =
      Record ? dyn_cast<ClassTemplateSpecializationDecl>(Record->getDecl())
             : nullptr;
  if (!Spec || Spec->getTemplateArgs().size() < 2)
    return false;
  const TemplateArgument &Mapped = Spec->getTemplateArgs()[1];
  return Mapped.getKind() == TemplateArgument::Type &&
         Mapped.getAsType()->isBooleanType();
}

void BoolMapAsSetCheck::registerMatchers(MatchFinder *Finder) {
  // Anchored on the declarations of type shape `X<K, bool, ...>` (Shaped,
  // asked in one step per node); check() asks the ContainerModel whether X
  // is a map with a set counterpart.
  auto Ref = expr(anyOf(declRefExpr(namesAccepted(&Shaped)),
                        memberExpr(namesAccepted(&Shaped))))
                 .bind("ref");
  // The declarations, and every reference to them: a reference that no
  // context below accepts makes its declaration ineligible.
  Finder->addMatcher(fieldDecl(isAccepted(&Shaped)).bind("decl"), this);
  Finder->addMatcher(varDecl(isAccepted(&Shaped)).bind("decl"), this);
  Finder->addMatcher(
      cxxCtorInitializer(forField(fieldDecl(isAccepted(&Shaped)).bind("field")),
                         withInitializer(expr().bind("init"))),
      this);
  Finder->addMatcher(declRefExpr(namesAccepted(&Shaped)).bind("use"), this);
  Finder->addMatcher(memberExpr(namesAccepted(&Shaped)).bind("use"), this);

  // Member calls: presence tests, true stores, erasure; decided in check().
  Finder->addMatcher(
      cxxMemberCallExpr(onAccepted(&Shaped), on(Ref)).bind("member"), this);
  // `m.find(k) != m.end()`, either way round.
  auto FindOrEnd = [&](llvm::StringRef Name) {
    return ignoringImplicit(
        cxxMemberCallExpr(
            callee(cxxMethodDecl(hasAnyName("find", "end", "cend"))),
            onAccepted(&Shaped),
            on(expr(anyOf(declRefExpr(namesAccepted(&Shaped)),
                          memberExpr(namesAccepted(&Shaped))))
                   .bind(Name)))
            .bind((Name + "Call").str()));
  };
  Finder->addMatcher(
      cxxOperatorCallExpr(hasAnyOverloadedOperatorName("==", "!="),
                          argumentCountIs(2), hasArgument(0, FindOrEnd("lhs")),
                          hasArgument(1, FindOrEnd("rhs")))
          .bind("compare"),
      this);
  // `m[k] = true` stores; `m[k]` as a truth test reads.
  auto Subscript =
      cxxOperatorCallExpr(argumentAccepted(0, &Shaped),
                          hasOverloadedOperatorName("[]"), argumentCountIs(2),
                          hasArgument(0, ignoringParenImpCasts(Ref)))
          .bind("subscript");
  auto Tested = ignoringImplicit(Subscript);
  Finder->addMatcher(
      binaryOperator(
          hasOperatorName("="), hasLHS(ignoringParenImpCasts(Subscript)),
          hasRHS(ignoringParenImpCasts(cxxBoolLiteral(equals(true)))))
          .bind("store"),
      this);
  Finder->addMatcher(ifStmt(hasCondition(Tested)).bind("read"), this);
  Finder->addMatcher(whileStmt(hasCondition(Tested)).bind("read"), this);
  Finder->addMatcher(forStmt(hasCondition(Tested)).bind("read"), this);
  Finder->addMatcher(doStmt(hasCondition(Tested)).bind("read"), this);
  Finder->addMatcher(conditionalOperator(hasCondition(Tested)).bind("read"),
                     this);
  Finder->addMatcher(
      unaryOperator(hasOperatorName("!"), hasUnaryOperand(Tested)).bind("read"),
      this);
  // Both operands of `m[a] && m[b]` are reads: one matcher per side.
  Finder->addMatcher(
      binaryOperator(hasAnyOperatorName("&&", "||"), hasLHS(Tested))
          .bind("read"),
      this);
  Finder->addMatcher(
      binaryOperator(hasAnyOperatorName("&&", "||"), hasRHS(Tested))
          .bind("read"),
      this);
}

static const ValueDecl *declOf(const Expr *Ref) {
  Ref = Ref->IgnoreParenImpCasts();
  const ValueDecl *D = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ref))
    D = DRE->getDecl();
  else if (const auto *ME = dyn_cast<MemberExpr>(Ref))
    D = ME->getMemberDecl();
  return D ? cast<ValueDecl>(D->getCanonicalDecl()) : nullptr;
}

static bool isTrue(const Expr *E) {
  const auto *B =
      dyn_cast_or_null<CXXBoolLiteralExpr>(E ? ignoreWrappers(E) : nullptr);
  return B && B->getValue();
}

/// Is \p E a key-value pair whose value is `true`: `{k, true}`,
/// `std::make_pair(k, true)`, `value_type(k, true)`?
static bool isPairWithTrue(const Expr *E, unsigned Depth = 0) {
  E = ignoreCopy(E);
  // A conversion between pair types (`pair<int, bool>` to `value_type`).
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 && Depth < 2)
    return isPairWithTrue(Construct->getArg(0), Depth + 1);
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 2 && isTrue(List->getInit(1));
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 2 && isTrue(Construct->getArg(1));
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->isInStdNamespace() && Callee->getIdentifier() &&
             Callee->getName() == "make_pair" && Call->getNumArgs() == 2 &&
             isTrue(Call->getArg(1));
  return false;
}

/// Is \p E the default construction of the map (no initialiser values)?
static bool isEmptyInit(const Expr *E) {
  if (!E)
    return true;
  const auto *Construct = dyn_cast<CXXConstructExpr>(ignoreWrappers(E));
  if (!Construct)
    return false;
  for (const Expr *Arg : Construct->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      return false;
  return true;
}

void BoolMapAsSetCheck::classified(const Expr *Ref, bool Read,
                                   SourceLocation Store) {
  const ValueDecl *D = declOf(Ref);
  if (!D)
    return;
  Accepted.insert(Ref->IgnoreParenImpCasts());
  Inventory &Inv = Candidates[D];
  if (Read)
    ++Inv.Reads;
  if (Store.isValid())
    Inv.Stores.push_back(Store);
}

void BoolMapAsSetCheck::check(const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred()) {
    Uncompilable = true;
    return;
  }
  Context = Result.Context;
  const auto &Nodes = Result.Nodes;
  if (const auto *D = Nodes.getNodeAs<ValueDecl>("decl")) {
    const auto *Canonical = cast<ValueDecl>(D->getCanonicalDecl());
    Inventory &Inv = Candidates[Canonical];
    std::optional<ContainerFamily> Family = Model.classify(D->getType());
    std::optional<MapAsSet> Shape = setCounterpart(D->getType());
    // Not a known unique-key map to bool; or inside an uninstantiated
    // template, which its instantiations stand for.
    if (!Family || !Shape || !Shape->Mapped->isBooleanType() ||
        D->getDeclContext()->isDependentContext()) {
      Inv.Disqualified = true;
      return;
    }
    if (Inv.SetSpelling.empty()) {
      PrintingPolicy Policy(Result.Context->getLangOpts());
      Policy.SuppressUnwrittenScope = true;
      Inv.SetSpelling =
          (Shape->SetName + "<" + Shape->Key.getAsString(Policy) + ">").str();
      Inv.Declaration = D;
    }
    // Initial contents: only an empty map.
    if (const auto *Var = dyn_cast<VarDecl>(D);
        Var && !isEmptyInit(Var->getInit()))
      Inv.Disqualified = true;
    if (const auto *Field = dyn_cast<FieldDecl>(D);
        Field && Field->hasInClassInitializer() &&
        !isEmptyInit(Field->getInClassInitializer()))
      Inv.Disqualified = true;
    return;
  }
  if (const auto *Field = Nodes.getNodeAs<FieldDecl>("field")) {
    if (!isEmptyInit(Nodes.getNodeAs<Expr>("init")))
      Candidates[cast<ValueDecl>(Field->getCanonicalDecl())].Disqualified =
          true;
    return;
  }
  if (const auto *Use = Nodes.getNodeAs<Expr>("use")) {
    if (const ValueDecl *D = declOf(Use))
      Candidates[D].Uses.push_back(Use);
    return;
  }
  if (Nodes.getNodeAs<CXXOperatorCallExpr>("compare")) {
    const auto *L = Nodes.getNodeAs<CXXMemberCallExpr>("lhsCall");
    const auto *R = Nodes.getNodeAs<CXXMemberCallExpr>("rhsCall");
    std::optional<ContainerRef> LRef =
        ContainerRef::fromExpr(Nodes.getNodeAs<Expr>("lhs"));
    std::optional<ContainerRef> RRef =
        ContainerRef::fromExpr(Nodes.getNodeAs<Expr>("rhs"));
    if (!L || !R || !LRef || !RRef || *LRef != *RRef || !L->getMethodDecl() ||
        !R->getMethodDecl())
      return;
    llvm::StringRef LName = L->getMethodDecl()->getName();
    llvm::StringRef RName = R->getMethodDecl()->getName();
    const bool FindThenEnd = LName == "find" && RName != "find";
    const bool EndThenFind = RName == "find" && LName != "find";
    if (!FindThenEnd && !EndThenFind)
      return;
    classified(Nodes.getNodeAs<Expr>("lhs"), /*Read=*/true);
    classified(Nodes.getNodeAs<Expr>("rhs"), /*Read=*/false);
    return;
  }
  const auto *Ref = Nodes.getNodeAs<Expr>("ref");
  if (!Ref)
    return;
  if (const auto *Member = Nodes.getNodeAs<CXXMemberCallExpr>("member")) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return;
    llvm::StringRef Name = Method->getName();
    unsigned N = Member->getNumArgs();
    if (Name == "count" || Name == "contains")
      classified(Ref, /*Read=*/true);
    else if (Name == "size" || Name == "empty" || Name == "clear" ||
             (Name == "erase" && N == 1 &&
              !Member->getArg(0)->getType()->isRecordType()))
      classified(Ref, /*Read=*/false);
    else if ((Name == "emplace" || Name == "try_emplace" ||
              Name == "insert_or_assign") &&
             N == 2 && isTrue(Member->getArg(1)))
      classified(Ref, /*Read=*/false, Member->getExprLoc());
    else if (Name == "insert" && N == 1 && isPairWithTrue(Member->getArg(0)))
      classified(Ref, /*Read=*/false, Member->getExprLoc());
    // Anything else (find, at, begin, iteration...) stays unaccepted.
    return;
  }
  if (const auto *Store = Nodes.getNodeAs<BinaryOperator>("store")) {
    classified(Ref, /*Read=*/false, Store->getLHS()->getBeginLoc());
    return;
  }
  if (Nodes.getNodeAs<Stmt>("read"))
    classified(Ref, /*Read=*/true);
}

/// Are all the members and friends of \p RD, which can name its private
/// members, defined in this TU?
static bool wholeClassVisible(const CXXRecordDecl *RD) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || RD->isDependentContext() ||
      isa<ClassTemplateSpecializationDecl>(RD) || RD->isLambda() ||
      RD->friend_begin() != RD->friend_end())
    return false;
  for (const Decl *D : RD->decls()) {
    if (D->isImplicit())
      continue;
    // A member template or a nested class may be defined elsewhere.
    if (isa<FunctionTemplateDecl, CXXRecordDecl, ClassTemplateDecl>(D))
      return false;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(D))
      if (!Method->isDefined() && !Method->isDeleted() &&
          !Method->isDefaulted())
        return false;
  }
  return true;
}

bool BoolMapAsSetCheck::usesAllVisible(const ValueDecl *D) {
  if (const auto *Field = dyn_cast<FieldDecl>(D))
    return Field->getAccess() == AS_private &&
           wholeClassVisible(dyn_cast<CXXRecordDecl>(Field->getParent()));
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var)
    return false;
  if (Var->isStaticDataMember())
    return Var->getAccess() == AS_private &&
           wholeClassVisible(dyn_cast<CXXRecordDecl>(Var->getDeclContext()));
  // Locals, function statics, and namespace-scope variables no other TU
  // can name.
  return Var->isLocalVarDeclOrParm() || !Var->isExternallyVisible();
}

void BoolMapAsSetCheck::onEndOfTranslationUnit() {
  if (!Uncompilable && Context) {
    for (auto &[D, Inv] : Candidates) {
      if (Inv.Disqualified || !Inv.Declaration || Inv.Stores.empty() ||
          Inv.Reads == 0 || !usesAllVisible(D))
        continue;
      if (llvm::any_of(Inv.Uses, [&](const Expr *Use) {
            return !Accepted.contains(Use->IgnoreParenImpCasts());
          }))
        continue;
      SourceLocation Loc = Inv.Declaration->getLocation();
      if (!Reported.insert(Loc.getRawEncoding()).second)
        continue;
      diag(Loc, "'%0' is a map to bool used as a set: every store writes "
                "'true' and every read tests presence; use '%1'")
          << Inv.Declaration->getName() << Inv.SetSpelling;
      const SourceManager &SM = Context->getSourceManager();
      llvm::sort(Inv.Stores, [&](SourceLocation A, SourceLocation B) {
        return SM.isBeforeInTranslationUnit(A, B);
      });
      for (SourceLocation Store : Inv.Stores)
        diag(Store, "'true' is stored here", DiagnosticIDs::Note);
    }
  }
  Candidates.clear();
  Accepted.clear();
  Shaped.clear();
  Reported.clear();
  Uncompilable = false;
  Context = nullptr;
}

} // namespace clang::tidy::containers
