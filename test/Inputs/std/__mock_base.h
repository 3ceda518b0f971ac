// Minimal stand-ins for the standard library, for fast deterministic tests.
// The inline namespace mirrors libc++'s std::__1 and libstdc++'s
// std::__cxx11: the checks must see through it.
#pragma once
typedef decltype(sizeof(0)) size_t;
namespace std {
inline namespace __mock {
using size_t = ::size_t;
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T> typename remove_reference<T>::type &&move(T &&t) {
  return static_cast<typename remove_reference<T>::type &&>(t);
}
template <class T> T &&forward(typename remove_reference<T>::type &t) {
  return static_cast<T &&>(t);
}
template <class A, class B> struct pair {
  A first;
  B second;
  pair() : first(), second() {}
  pair(const A &a, const B &b) : first(a), second(b) {}
  template <class U, class V>
  pair(const pair<U, V> &p) : first(p.first), second(p.second) {}
};
template <class A, class B> pair<A, B> make_pair(A a, B b) { return {a, b}; }
template <class T> struct less {
  bool operator()(const T &a, const T &b) const { return a < b; }
};
template <class T> struct hash {
  size_t operator()(const T &) const { return 0; }
};
template <class T> struct initializer_list_mock {};
template <class T> struct allocator {};

// One iterator for every mock container. Only operator== is declared, so
// C++20 rewrites `a != b` into `!(a == b)` in every range-for.
template <class T> struct __iter {
  T *p;
  T &operator*() const { return *p; }
  T *operator->() const { return p; }
  __iter &operator++() { ++p; return *this; }
  __iter operator++(int) { __iter t = *this; ++p; return t; }
  __iter &operator--() { --p; return *this; }
  __iter operator+(long n) const { return {p + n}; }
  bool operator==(const __iter &o) const { return p == o.p; }
};
} // namespace __mock
} // namespace std
