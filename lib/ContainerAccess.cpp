//===- ContainerAccess.cpp ------------------------------------------------===//

#include "lib/ContainerAccess.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::containers {

const Expr *ignoreWrappers(const Expr *E) {
  while (true) {
    const Expr *Before = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    if (E == Before)
      return E;
  }
}

/// Strips `*p`, `*sp`, `sp.operator->()`: they name the object pointed to.
static const Expr *ignoreDerefs(const Expr *E) {
  while (true) {
    E = ignoreWrappers(E);
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_Deref) {
      E = U->getSubExpr();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getNumArgs() == 1 &&
        (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow)) {
      E = Op->getArg(0);
      continue;
    }
    return E;
  }
}

static bool buildPath(const Expr *E,
                      llvm::SmallVectorImpl<const ValueDecl *> &Path,
                      unsigned Depth) {
  if (Depth > 6)
    return false;
  E = ignoreDerefs(E);
  if (isa<CXXThisExpr>(E)) {
    Path.push_back(nullptr);
    return true;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    // A structured binding names a sub-object of its own.
    if (const auto *Binding = dyn_cast<BindingDecl>(DRE->getDecl())) {
      Path.push_back(Binding);
      return true;
    }
    const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
    if (!Var)
      return false;
    // `auto &items = this->items_;` is another name for `items_`.
    if (Var->getType()->isReferenceType() && Var->hasLocalStorage() &&
        !isa<ParmVarDecl>(Var) && Var->getInit()) {
      llvm::SmallVector<const ValueDecl *, 3> Aliased;
      if (buildPath(Var->getInit(), Aliased, Depth + 1)) {
        Path.append(Aliased.begin(), Aliased.end());
        return true;
      }
    }
    Path.push_back(Var->getCanonicalDecl());
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return false;
    if (!buildPath(ME->getBase(), Path, Depth + 1))
      return false;
    Path.push_back(Field->getCanonicalDecl());
    return true;
  }
  return false;
}

std::optional<ContainerRef> ContainerRef::fromExpr(const Expr *E) {
  if (!E)
    return std::nullopt;
  ContainerRef Ref;
  if (!buildPath(E, Ref.Path, 0) || Ref.Path.back() == nullptr)
    return std::nullopt;
  return Ref;
}

std::string ContainerRef::name() const {
  std::string Name;
  for (const ValueDecl *D : Path) {
    if (!D)
      continue;
    if (!Name.empty())
      Name += '.';
    Name += D->getName();
  }
  return Name;
}

bool ContainerRef::isLocalObject() const {
  const auto *Root = dyn_cast_or_null<VarDecl>(root());
  if (!Root || !Root->hasLocalStorage())
    return false;
  QualType T = Root->getType();
  if (T->isReferenceType() || T->isPointerType() || T->isMemberPointerType())
    return false;
  // A smart pointer or other handle: the chain may go through `->`.
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    if (const CXXRecordDecl *Def = RD->getDefinition())
      for (const CXXMethodDecl *Method : Def->methods())
        if (Method->getOverloadedOperator() == OO_Arrow ||
            Method->getOverloadedOperator() == OO_Star)
          return false;
  return true;
}

const Expr *memberCallObject(const Expr *Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    return MC->getImplicitObjectArgument();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) &&
        Op->getNumArgs() > 0)
      return Op->getArg(0);
  return nullptr;
}

llvm::StringRef operationName(const FunctionDecl *Method) {
  if (const IdentifierInfo *II = Method->getIdentifier())
    return II->getName();
  switch (Method->getOverloadedOperator()) {
  case OO_Subscript:
    return "operator[]";
  case OO_Equal:
    return "operator=";
  case OO_PlusEqual:
    return "operator+=";
  default:
    return "";
  }
}

bool refersTo(const Expr *E, const ValueDecl *D) {
  E = ignoreWrappers(E);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1)
    E = ignoreWrappers(Construct->getArg(0));
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE && DRE->getDecl()->getCanonicalDecl() == D->getCanonicalDecl();
}

const Expr *ignoreCopy(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    return ignoreWrappers(Construct->getArg(0));
  return E;
}

/// Looks through the conversion of a key to the key type
/// (`std::string(const char *)`), and through copies.
static const Expr *ignoreKeyConversion(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() >= 1) {
    // `std::string(const char *, const Allocator & = Allocator())`
    for (unsigned I = 1; I < Construct->getNumArgs(); ++I)
      if (!isa<CXXDefaultArgExpr>(Construct->getArg(I)))
        return E;
    return ignoreWrappers(Construct->getArg(0));
  }
  return E;
}

bool sameKey(const Expr *A, const Expr *B) {
  A = ignoreKeyConversion(A);
  B = ignoreKeyConversion(B);
  if (const auto *DA = dyn_cast<DeclRefExpr>(A))
    return refersTo(B, DA->getDecl());
  if (const auto *IA = dyn_cast<IntegerLiteral>(A))
    if (const auto *IB = dyn_cast<IntegerLiteral>(B))
      return IA->getValue() == IB->getValue();
  if (const auto *SA = dyn_cast<StringLiteral>(A))
    if (const auto *SB = dyn_cast<StringLiteral>(B))
      return SA->getBytes() == SB->getBytes();
  return false;
}

static bool isPlainKey(const Expr *E) {
  // The kinds sameKey compares.
  return isa<DeclRefExpr, IntegerLiteral, StringLiteral>(
      ignoreKeyConversion(E));
}

bool mayBeSameKey(const Expr *A, const Expr *B) {
  return !isPlainKey(A) || !isPlainKey(B) || sameKey(A, B);
}

std::optional<ContainerOperation>
ContainerOperation::match(const Expr *E, const ContainerModel &Model) {
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return std::nullopt;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;
  ContainerOperation Op;
  Op.Call = Call;
  const Expr *Object = memberCallObject(Call);
  unsigned FirstArg = 0;
  if (Object) {
    Op.Name = operationName(Callee);
    FirstArg = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
        Op.Loc = ME->getMemberLoc();
    }
  } else {
    // Free std::erase(c, v) / std::erase_if(c, pred).
    if (Call->getNumArgs() < 1 || !Callee->isInStdNamespace() ||
        !Callee->getIdentifier())
      return std::nullopt;
    llvm::StringRef Name = Callee->getName();
    if (Name == "erase")
      Op.Name = "std::erase";
    else if (Name == "erase_if")
      Op.Name = "std::erase_if";
    else
      return std::nullopt;
    Object = Call->getArg(0);
    FirstArg = 1;
  }
  if (Op.Loc.isInvalid())
    Op.Loc = Call->getExprLoc();
  if (Op.Name.empty())
    return std::nullopt;
  // The type as written first: a method inherited from a base class
  // (`llvm::DenseMapBase`) is called through a derived-to-base cast.
  std::optional<ContainerFamily> Family;
  for (const Expr *Typed : {Object->IgnoreParenImpCasts(), Object}) {
    QualType ObjectType = Typed->getType();
    if (ObjectType->isPointerType()) // `p->erase(k)`
      ObjectType = ObjectType->getPointeeType();
    if ((Family = Model.classify(ObjectType.getNonReferenceType())))
      break;
  }
  if (!Family)
    return std::nullopt;
  std::optional<ContainerRef> Ref = ContainerRef::fromExpr(Object);
  if (!Ref)
    return std::nullopt;
  Op.Container = *Ref;
  Op.Family = *Family;
  Op.Rule = ContainerModel::rule(*Family, Op.Name);
  for (unsigned I = FirstArg; I < Call->getNumArgs(); ++I)
    Op.Args.push_back(Call->getArg(I));
  return Op;
}

std::optional<ContainerOperation>
ContainerOperation::matchMove(const Expr *E, const ContainerModel &Model) {
  // The move: a move constructor or move assignment operator call.
  const Expr *Source = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isMoveConstructor())
      Source = Construct->getArg(0);
  } else if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(E)) {
    const auto *Method =
        dyn_cast_or_null<CXXMethodDecl>(Assign->getDirectCallee());
    if (Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2 &&
        Method && Method->isMoveAssignmentOperator())
      Source = Assign->getArg(1);
  }
  if (!Source)
    return std::nullopt;
  // Its source: `std::move(c)` of a container with an identity.
  const auto *MoveCall = dyn_cast<CallExpr>(ignoreWrappers(Source));
  const FunctionDecl *Callee = MoveCall ? MoveCall->getDirectCallee() : nullptr;
  if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier() ||
      Callee->getName() != "move" || MoveCall->getNumArgs() != 1)
    return std::nullopt;
  const Expr *Moved = ignoreWrappers(MoveCall->getArg(0));
  std::optional<ContainerFamily> Family =
      Model.classify(Moved->getType().getNonReferenceType());
  if (!Family)
    return std::nullopt;
  std::optional<ContainerRef> Ref = ContainerRef::fromExpr(Moved);
  if (!Ref)
    return std::nullopt;
  ContainerOperation Op;
  Op.Call = MoveCall;
  Op.Container = *Ref;
  Op.Family = *Family;
  Op.Name = "std::move";
  Op.Loc = Moved->getExprLoc();
  return Op;
}

} // namespace clang::tidy::containers
