/* #include_next resumes the search after the directory the current header came from. */
#include <next.h>
#include <linux/wrap.h>
#if __has_include_next(<next.h>)
has_next_from_main
#endif
