first_next __INCLUDE_LEVEL__
#include_next <next.h>
