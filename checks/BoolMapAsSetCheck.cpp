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

void BoolMapAsSetCheck::registerProgramMatchers(MatchFinder *Finder) {
  // Anchored on the declarations of type shape `X<K, bool, ...>` (Shaped,
  // asked in one step per node); check() asks the ContainerModel whether X
  // is a map with a set counterpart.
  // The declarations, and every reference to them: a reference that no
  // context accepts makes its declaration ineligible.
  Finder->addMatcher(fieldDecl(isAccepted(&Shaped)).bind("decl"), this);
  Finder->addMatcher(varDecl(isAccepted(&Shaped)).bind("decl"), this);
  Finder->addMatcher(
      cxxCtorInitializer(forField(fieldDecl(isAccepted(&Shaped)).bind("field")),
                         withInitializer(expr().bind("init"))),
      this);
  Finder->addMatcher(declRefExpr(namesAccepted(&Shaped)).bind("use"), this);
  Finder->addMatcher(memberExpr(namesAccepted(&Shaped)).bind("use"), this);

  // What each reference does (a presence test, a store of true, ...) is
  // read from its parents in its function's body at the end of the TU:
  // indexed only for the functions that use a candidate, where a matcher
  // per context would be tried on every condition, operator and call of the
  // translation unit.
  Position = TraversalPosition::shared(Finder);
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
    if (const ValueDecl *D = declOf(Use)) {
      Candidates[D].Uses.push_back(Use);
      // A reference outside a function body (an initialiser) has no role.
      if (const FunctionDecl *FD = Position->functionContaining(
              Use, Result.Context->getSourceManager()))
        InFunctions.push_back({Use, FD});
    }
    return;
  }
}

/// The parent of \p Child, through the nodes that only convert or hold it
/// (implicit casts, full expressions, temporaries) and, with \p Parens,
/// parentheses; \p Child becomes the outermost of those.
static const Stmt *parentThrough(const StmtParents &Parents,
                                 const Stmt *&Child, bool Parens) {
  const Stmt *Parent = Parents.parentOf(Child);
  while (Parent &&
         (isa<ImplicitCastExpr, FullExpr, MaterializeTemporaryExpr,
              CXXBindTemporaryExpr>(Parent) ||
          (Parens && isa<ParenExpr>(Parent)))) {
    Child = Parent;
    Parent = Parents.parentOf(Parent);
  }
  return Parent;
}

/// `c.find(k)`, `c.end()` or `c.cend()` on a reference to a candidate.
static const CXXMemberCallExpr *findOrEndCall(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E->IgnoreImplicit());
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  static constexpr llvm::StringLiteral Names[] = {"find", "end", "cend"};
  if (!Method || !Method->getIdentifier() ||
      !llvm::is_contained(Names, Method->getName()))
    return nullptr;
  return isa<DeclRefExpr, MemberExpr>(
             Call->getImplicitObjectArgument()->IgnoreParenImpCasts())
             ? Call
             : nullptr;
}

void BoolMapAsSetCheck::classifyMemberCall(const Expr *Ref,
                                           const CXXMemberCallExpr *Member) {
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
  else if (Name == "find" || Name == "end" || Name == "cend") {
    // `m.find(k) != m.end()`, either way round: a presence test.
    const Stmt *Child = Member;
    const auto *Compare = dyn_cast_or_null<CXXOperatorCallExpr>(
        parentThrough(Parents, Child, /*Parens=*/false));
    if (!Compare || Compare->getNumArgs() != 2 ||
        (Compare->getOperator() != OO_EqualEqual &&
         Compare->getOperator() != OO_ExclaimEqual))
      return;
    const CXXMemberCallExpr *L = findOrEndCall(Compare->getArg(0));
    const CXXMemberCallExpr *R = findOrEndCall(Compare->getArg(1));
    if (!L || !R || (L != Member && R != Member))
      return;
    std::optional<ContainerRef> LRef = ContainerRef::fromExpr(
        L->getImplicitObjectArgument()->IgnoreParenImpCasts());
    std::optional<ContainerRef> RRef = ContainerRef::fromExpr(
        R->getImplicitObjectArgument()->IgnoreParenImpCasts());
    if (!LRef || !RRef || *LRef != *RRef)
      return;
    llvm::StringRef LName = L->getMethodDecl()->getName();
    llvm::StringRef RName = R->getMethodDecl()->getName();
    if ((LName == "find") == (RName == "find"))
      return;
    classified(Ref, /*Read=*/Member == L);
  }
  // Anything else (at, begin, iteration...) stays unaccepted.
}

void BoolMapAsSetCheck::classifySubscript(const Expr *Ref,
                                          const CXXOperatorCallExpr *Subscript) {
  // `m[k] = true` stores.
  const Stmt *Child = Subscript;
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(
          parentThrough(Parents, Child, /*Parens=*/true));
      Assign && Assign->getOpcode() == BO_Assign &&
      Assign->getLHS()->IgnoreParenImpCasts() == Subscript) {
    if (const auto *True = dyn_cast<CXXBoolLiteralExpr>(
            Assign->getRHS()->IgnoreParenImpCasts());
        True && True->getValue())
      classified(Ref, /*Read=*/false, Assign->getLHS()->getBeginLoc());
    return;
  }
  // `m[k]` as a truth test reads: a condition, `!m[k]`, an operand of
  // `&&` or `||`.
  Child = Subscript;
  const Stmt *Parent = parentThrough(Parents, Child, /*Parens=*/false);
  bool Tested = false;
  if (const auto *If = dyn_cast_or_null<IfStmt>(Parent))
    Tested = If->getCond() == Child;
  else if (const auto *While = dyn_cast_or_null<WhileStmt>(Parent))
    Tested = While->getCond() == Child;
  else if (const auto *For = dyn_cast_or_null<ForStmt>(Parent))
    Tested = For->getCond() == Child;
  else if (const auto *Do = dyn_cast_or_null<DoStmt>(Parent))
    Tested = Do->getCond() == Child;
  else if (const auto *Cond = dyn_cast_or_null<ConditionalOperator>(Parent))
    Tested = Cond->getCond() == Child;
  else if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Parent))
    Tested = Not->getOpcode() == UO_LNot;
  else if (const auto *Logical = dyn_cast_or_null<BinaryOperator>(Parent))
    Tested = Logical->isLogicalOp();
  if (Tested)
    classified(Ref, /*Read=*/true);
}

void BoolMapAsSetCheck::classifyUse(const Expr *Use) {
  const Expr *Ref = Use->IgnoreParenImpCasts();
  const Stmt *Child = Ref;
  const Stmt *Parent = parentThrough(Parents, Child, /*Parens=*/true);
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Parent)) {
    if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
            Parents.parentOf(Member));
        Call && Call->getCallee() == Member &&
        Call->getImplicitObjectArgument()->IgnoreParenImpCasts() == Ref)
      classifyMemberCall(Ref, Call);
    return;
  }
  if (const auto *Subscript = dyn_cast_or_null<CXXOperatorCallExpr>(Parent);
      Subscript && Subscript->getOperator() == OO_Subscript &&
      Subscript->getNumArgs() == 2 &&
      Subscript->getArg(0)->IgnoreParenImpCasts() == Ref)
    classifySubscript(Ref, Subscript);
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
    // The uses of one function come together (the traversal is in it).
    for (const auto &[Use, FD] : InFunctions) {
      if (Parents.body() != FD->getBody())
        Parents.build(FD->getBody());
      classifyUse(Use);
    }
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
  InFunctions.clear();
  Parents.build(nullptr);
  Reported.clear();
  Uncompilable = false;
  Context = nullptr;
}

} // namespace clang::tidy::containers
