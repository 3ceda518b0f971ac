// FIXME: placeholder: positives with exact line:column and message, and
// their near-miss negatives.
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' %s -- %mock_std \
// RUN:   | FileCheck %s -allow-empty -implicit-check-not='{{warning|error}}:'
