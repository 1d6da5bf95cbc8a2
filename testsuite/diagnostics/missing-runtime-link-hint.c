// A translated program linked without libyieldc fails with an undefined
// reference whose name says what to link (every file that includes
// yieldc/abi.h names it), not only with the runtime's internal names.
// RUN: %yieldc %s -o %t.c
// RUN: %cc -c %t.c -o %t.o
// RUN: not %{c_compiler} %t.o -o %t 2>&1 | FileCheck %s
// CHECK: undefined reference to {{.}}libyieldc_abi_5__link_with_lyieldc

#include <yieldc.h>

YC_COROUTINE int main(void) {
    YC_YIELD();
    return 0;
}
