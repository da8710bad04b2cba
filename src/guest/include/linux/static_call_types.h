/* Static calls are not used by this guest; the header exists because Linux
 * 6.1's kernel.h includes it. */
#ifndef _STATIC_CALL_TYPES_H
#define _STATIC_CALL_TYPES_H
#endif
