//===- HeldTypes.cpp ------------------------------------------------------===//

#include "lib/HeldTypes.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::containers {
namespace {

// Owning wrappers: each holds (and keeps alive) an object of every type
// argument. [util.smartptr.shared], [unique.ptr], [optional], [pairs],
// [tuple].
constexpr llvm::StringLiteral OwningWrappers[] = {
    "std::shared_ptr", "std::unique_ptr", "std::optional", "std::pair",
    "std::tuple"};

/// The class template specialization of \p RD or of one of its bases.
const ClassTemplateSpecializationDecl *specializationOf(const CXXRecordDecl *RD,
                                                        unsigned Depth) {
  if (!RD || Depth > 4)
    return nullptr;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return Spec;
  if (!RD->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &Base : RD->getDefinition()->bases())
    if (const auto *Spec =
            specializationOf(Base.getType()->getAsCXXRecordDecl(), Depth + 1))
      return Spec;
  return nullptr;
}

void typeArguments(const TemplateArgumentList &Args,
                   llvm::SmallVectorImpl<QualType> &Out) {
  for (const TemplateArgument &Arg : Args.asArray()) {
    if (Arg.getKind() == TemplateArgument::Type)
      Out.push_back(Arg.getAsType());
    else if (Arg.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &Element : Arg.pack_elements())
        if (Element.getKind() == TemplateArgument::Type)
          Out.push_back(Element.getAsType());
  }
}

class Search {
public:
  Search(const ContainerModel &Model,
         llvm::function_ref<bool(const CXXRecordDecl *)> Accept)
      : Model(Model), Accept(Accept) {}

  /// Searches the elements of a container (or the arguments of a wrapper).
  const CXXRecordDecl *arguments(const CXXRecordDecl *RD, bool Fields,
                                 unsigned Depth) {
    const ClassTemplateSpecializationDecl *Spec = specializationOf(RD, 0);
    if (!Spec)
      return nullptr;
    llvm::SmallVector<QualType, 4> Args;
    typeArguments(Spec->getTemplateArgs(), Args);
    for (QualType Arg : Args)
      if (const CXXRecordDecl *Found = held(Arg, Fields, Depth + 1))
        return Found;
    return nullptr;
  }

  /// Searches \p T itself, what it wraps, and (when \p Fields) its fields.
  const CXXRecordDecl *held(QualType T, bool Fields, unsigned Depth) {
    if (T.isNull() || Depth > 6)
      return nullptr;
    T = T.getNonReferenceType().getCanonicalType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return nullptr;
    if (Accept(RD))
      return RD;
    if (Model.classify(T))
      return arguments(RD, Fields, Depth);
    const NamedDecl *Named = RD;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      Named = Spec->getSpecializedTemplate();
    const std::string Name = ContainerModel::qualifiedName(Named);
    for (llvm::StringRef Wrapper : OwningWrappers)
      if (Name == Wrapper)
        return arguments(RD, Fields, Depth);
    if (!Fields || RD->isInStdNamespace() || !RD->hasDefinition())
      return nullptr;
    for (const FieldDecl *Field : RD->getDefinition()->fields())
      if (const CXXRecordDecl *Found = held(Field->getType(), false, Depth + 1))
        return Found;
    return nullptr;
  }

private:
  const ContainerModel &Model;
  llvm::function_ref<bool(const CXXRecordDecl *)> Accept;
};

} // namespace

const CXXRecordDecl *
findHeld(QualType Container, const ContainerModel &Model,
         llvm::function_ref<bool(const CXXRecordDecl *)> Accept) {
  if (Container.isNull())
    return nullptr;
  const CXXRecordDecl *RD = Container.getCanonicalType()->getAsCXXRecordDecl();
  return RD ? Search(Model, Accept).arguments(RD, /*Fields=*/true, 0) : nullptr;
}

} // namespace clang::tidy::containers
