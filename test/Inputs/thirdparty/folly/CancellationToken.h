// Minimal stand-ins for folly's cancellation types.
#pragma once
namespace folly {
class CancellationToken {
public:
  bool isCancellationRequested() const { return false; }
};
class CancellationSource {
public:
  CancellationToken getToken() const { return {}; }
  bool requestCancellation() const { return true; }
};
} // namespace folly
