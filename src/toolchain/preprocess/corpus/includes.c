/* Quoted includes search the including file's directory first, then -I. */
#include "inc/a.h"
#include "inc/a.h"
#include <b.h>
#include "inc/sub/c.h"
#include "inc/once.h"
#include "inc/once.h"
#define HDR <b.h>
#include HDR
#define QHDR "inc/guarded.h"
#include QHDR
#include QHDR
#if __has_include("inc/a.h") && !__has_include(<nonexistent.h>) && __has_include(<b.h>)
has_include_works
#endif
#ifdef __has_include
has_include_defined
#endif
end_of_main
