// Minimal stand-ins for gRPC's per-call contexts.
#pragma once
namespace grpc {
class ClientContext {
public:
  void TryCancel() {}
};
class ServerContext {
public:
  bool IsCancelled() const { return false; }
};
class CompletionQueue {
public:
  void Shutdown() {}
};
} // namespace grpc
