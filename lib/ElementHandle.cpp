//===- ElementHandle.cpp --------------------------------------------------===//

#include "lib/ElementHandle.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::containers {
namespace {

using Position = ElementHandle::Position;

bool isOneOf(llvm::StringRef Name, std::initializer_list<llvm::StringRef> Set) {
  for (llvm::StringRef S : Set)
    if (S == Name)
      return true;
  return false;
}

bool returnsIterator(llvm::StringRef Name) {
  return isOneOf(Name, {"begin", "cbegin", "end", "cend", "rbegin", "rend",
                        "crbegin", "crend", "find", "lower_bound",
                        "upper_bound"});
}

std::optional<ElementHandle> fromOperation(const Expr *E,
                                           const ContainerModel &Model) {
  std::optional<ContainerOperation> Op = ContainerOperation::match(E, Model);
  if (!Op)
    return std::nullopt;
  ElementHandle H;
  H.Container = Op->Container;
  H.Family = Op->Family;
  H.Source = Op->Call;
  if (isOneOf(Op->Name, {"begin", "cbegin", "front", "data", "c_str"}))
    H.Pos = Position::Front;
  else if (isOneOf(Op->Name, {"back"}))
    H.Pos = Position::Back;
  else if (isOneOf(Op->Name, {"find", "operator[]", "at"}) &&
           !Op->Args.empty()) {
    H.Pos = Position::Key;
    H.Key = Op->Args[0];
  }
  H.Kind = HandleKind::Iterator;
  if (!returnsIterator(Op->Name)) {
    if (!isOneOf(Op->Name, {"operator[]", "at", "front", "back", "data",
                            "c_str"}))
      return std::nullopt;
    H.Kind = HandleKind::Reference;
  }
  return H;
}

std::optional<ElementHandle> describeIterator(const Expr *E,
                                              const ContainerModel &Model,
                                              unsigned Depth);

/// The element \p E (an lvalue) names.
std::optional<ElementHandle> describeElement(const Expr *E,
                                             const ContainerModel &Model,
                                             unsigned Depth) {
  E = ignoreWrappers(E);
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    // `m.find(k)->second`, `v[i].name`
    const Expr *Base = ignoreWrappers(ME->getBase());
    if (!ME->isArrow())
      return describeElement(Base, Model, Depth);
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Base);
        Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
      return describeIterator(Arrow->getArg(0), Model, Depth);
    return std::nullopt;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref)
    return describeIterator(U->getSubExpr(), Model, Depth);
  if (const auto *Star = dyn_cast<CXXOperatorCallExpr>(E);
      Star && Star->getOperator() == OO_Star && Star->getNumArgs() == 1)
    return describeIterator(Star->getArg(0), Model, Depth);
  std::optional<ElementHandle> H = fromOperation(E, Model);
  if (!H || H->Kind != HandleKind::Reference)
    return std::nullopt;
  return H;
}

std::optional<ElementHandle> describeIterator(const Expr *E,
                                              const ContainerModel &Model,
                                              unsigned Depth) {
  E = ignoreCopy(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    // `*it` for an iterator variable: the same element as `it`.
    const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
    if (!Var || Depth > 2 || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
        !Var->getInit() || Var->getType()->isReferenceType())
      return std::nullopt;
    std::optional<ElementHandle> Iter =
        describeIterator(Var->getInit(), Model, Depth + 1);
    if (!Iter)
      return std::nullopt;
    Iter->Pos = Position::Key;
    Iter->Key = DRE;
    return Iter;
  }
  std::optional<ElementHandle> H = fromOperation(E, Model);
  if (!H || H->Kind != HandleKind::Iterator)
    return std::nullopt;
  return H;
}

} // namespace

std::optional<ElementHandle>
ElementHandle::fromVar(const VarDecl *Var, const ContainerModel &Model) {
  const Expr *Init = Var->getInit();
  if (!Init || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
    return std::nullopt;
  QualType T = Var->getType();
  std::optional<ElementHandle> H;
  if (T->isReferenceType()) {
    H = describeElement(Init, Model, 0);
    if (H)
      H->Kind = HandleKind::Reference;
  } else if (T->isPointerType()) {
    const Expr *E = ignoreWrappers(Init);
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_AddrOf) {
      H = describeElement(U->getSubExpr(), Model, 0);
      if (H)
        H->Kind = HandleKind::Pointer;
    } else if ((H = fromOperation(E, Model))) {
      // Only `v.data()`/`s.c_str()` return a pointer into the container, and
      // `begin()`/`find()` when the iterator is a plain pointer. A pointer
      // read from `front()`/`operator[]` of a container of pointers is a
      // copy of the element's value, pointing elsewhere.
      if (H->Kind == HandleKind::Reference) {
        const auto *Op = dyn_cast<CXXMemberCallExpr>(H->Source);
        const CXXMethodDecl *M = Op ? Op->getMethodDecl() : nullptr;
        if (!M || !M->getIdentifier() ||
            (M->getName() != "data" && M->getName() != "c_str"))
          return std::nullopt;
        H->Kind = HandleKind::Pointer;
      }
    }
  } else if (T->isRecordType()) {
    H = describeIterator(Init, Model, 0);
  }
  if (!H)
    return std::nullopt;
  H->Var = Var;
  return H;
}

namespace {

/// Non-owning views: what they point at lives in the viewed object.
bool isViewType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  const std::string Name = ContainerModel::qualifiedName(RD);
  return isOneOf(Name, {"std::basic_string_view", "std::span", "absl::Span",
                        "gsl::span", "llvm::StringRef", "llvm::ArrayRef",
                        "llvm::MutableArrayRef", "boost::basic_string_view",
                        "boost::core::basic_string_view"});
}

/// The object a view is constructed from: `std::string_view(s)`,
/// `std::span<int>(v)`, `s.operator std::string_view()`.
const Expr *viewedObject(const Expr *E) {
  for (unsigned Depth = 0; Depth < 6; ++Depth) {
    E = ignoreWrappers(E);
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() < 1 || !isViewType(Construct->getType()))
        return nullptr;
      // `span(T *, size_t)` and the like view a pointer, not an object.
      if (Construct->getNumArgs() > 1 &&
          !isa<CXXDefaultArgExpr>(Construct->getArg(1)))
        return nullptr;
      const Expr *Arg = Construct->getArg(0);
      if (Construct->getConstructor()->isCopyOrMoveConstructor()) {
        E = Arg;
        continue;
      }
      return ignoreWrappers(Arg);
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
        Call && isa_and_nonnull<CXXConversionDecl>(Call->getMethodDecl()))
      return ignoreWrappers(Call->getImplicitObjectArgument());
    return nullptr;
  }
  return nullptr;
}

/// A view of an element, or of what a reference handle names.
std::optional<ElementHandle> describeView(const Expr *Init,
                                          const ContainerModel &Model) {
  const Expr *Viewed = viewedObject(Init);
  if (!Viewed)
    return std::nullopt;
  std::optional<ElementHandle> H = describeElement(Viewed, Model, 0);
  if (!H)
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Viewed))
      if (const auto *Alias = dyn_cast<VarDecl>(Ref->getDecl());
          Alias && Alias->getType()->isReferenceType())
        if ((H = ElementHandle::fromVar(Alias, Model)) &&
            H->Kind != HandleKind::Reference)
          H.reset();
  if (H)
    H->Kind = HandleKind::View;
  return H;
}

} // namespace

std::optional<ElementHandle>
ElementHandle::fromCapturedVar(const ValueDecl *D,
                               const ContainerModel &Model) {
  if (const auto *Binding = dyn_cast<BindingDecl>(D)) {
    // `auto &[id, s] = *it`: the bindings name parts of the element; with
    // `auto [id, s]` they name parts of a copy.
    const auto *Whole = dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl());
    if (!Whole)
      return std::nullopt;
    std::optional<ElementHandle> H = fromVar(Whole, Model);
    if (!H || H->Kind != HandleKind::Reference)
      return std::nullopt;
    H->Binding = Binding;
    return H;
  }
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var)
    return std::nullopt;
  QualType T = Var->getType();
  if (!T->isReferenceType() && !T->isPointerType() && isViewType(T)) {
    if (!Var->getInit() || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
      return std::nullopt;
    std::optional<ElementHandle> H = describeView(Var->getInit(), Model);
    if (H)
      H->Var = Var;
    return H;
  }
  return fromVar(Var, Model);
}

std::optional<ElementHandle>
ElementHandle::fromCapture(const LambdaCapture &C,
                           const ContainerModel &Model) {
  if (!C.capturesVariable())
    return std::nullopt;
  const ValueDecl *D = C.getCapturedVar();
  if (!D)
    return std::nullopt;
  std::optional<ElementHandle> H = fromCapturedVar(D, Model);
  if (!H)
    return std::nullopt;
  const auto *Var = dyn_cast<VarDecl>(D);
  // An init-capture is itself the handle (`[&e = m[k]]`, `[p = &m[k]]`).
  if (Var && Var->isInitCapture())
    return H;
  if (C.getCaptureKind() == LCK_ByRef)
    return H;
  // By value: a copy of a reference (or binding) copies the element; a copy
  // of a pointer, iterator or view still points into the container.
  if (H->Kind == HandleKind::Reference)
    return std::nullopt;
  return H;
}

llvm::StringRef ElementHandle::name() const {
  if (Binding)
    return Binding->getName();
  return Var ? Var->getName() : llvm::StringRef();
}

bool ElementHandle::isErasedBy(const ContainerOperation &Op) const {
  if (isOneOf(Op.Name, {"erase", "extract", "erase_after"})) {
    if (Op.Args.empty())
      return false;
    if (Kind == HandleKind::Iterator && refersTo(Op.Args[0], Var))
      return true;
    return Pos == Position::Key && Key && sameKey(Op.Args[0], Key);
  }
  if (Op.Name == "pop_back")
    return Pos == Position::Back;
  if (Op.Name == "pop_front")
    return Pos == Position::Front;
  return false;
}

bool ElementHandle::isInvalidatedBy(const ContainerOperation &Op) const {
  if (!Op.Rule || Op.Container != Container)
    return false;
  switch (Kind == HandleKind::Iterator ? Op.Rule->Iterators
                                       : Op.Rule->References) {
  case HandleEffect::None:
    return false;
  case HandleEffect::Erased:
    return isErasedBy(Op);
  case HandleEffect::All:
    return true;
  }
  return false;
}

bool ElementHandle::mayBeInvalidatedBy(const ContainerOperation &Op) const {
  if (Op.Container != Container)
    return false;
  if (Op.Name == "std::move")
    return true;
  if (!Op.Rule)
    return false;
  switch (Kind == HandleKind::Iterator ? Op.Rule->Iterators
                                       : Op.Rule->References) {
  case HandleEffect::None:
    return false;
  case HandleEffect::Erased:
    // Only the end that pop_back/pop_front erases is known.
    if (Op.Name == "pop_back")
      return Pos != Position::Front;
    if (Op.Name == "pop_front")
      return Pos != Position::Back;
    return true;
  case HandleEffect::All:
    return true;
  }
  return false;
}

llvm::StringRef ElementHandle::kindName() const {
  switch (Kind) {
  case HandleKind::Iterator:
    return "iterator";
  case HandleKind::Reference:
    return "reference";
  case HandleKind::Pointer:
    return "pointer";
  case HandleKind::View:
    return "view";
  }
  return "";
}

} // namespace clang::tidy::containers
