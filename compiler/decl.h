/* decl.h - C declarators printed from libclang types, for frame fields,
   temporaries and the parameters of generated functions. */
#ifndef YC_DECL_H
#define YC_DECL_H

#include "buf.h"

#include <clang-c/Index.h>

enum {
    DECL_STRIP_CONST = 1, /* drop top-level const (and of array elements):
                             frame fields are assigned after creation */
    DECL_DECAY = 2        /* a parameter's type: an array or function is
                             declared as the pointer it decays to */
};

/* Appends a declaration of `name` with type t ("int (*name)[3]") to out.
   Returns 0, or -1 if the type cannot be spelled at file scope (a
   variably modified or unnamed type); *why then says what it is. */
int decl_format(CXType t, const char *name, unsigned flags, struct buf *out,
                const char **why);

/* Whether a value of type t cannot be assigned as a whole because it is a
   struct or union with a const member (at any depth); such values are
   copied with memcpy. */
int decl_has_const_member(CXType t);

#endif
