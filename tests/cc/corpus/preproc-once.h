#pragma once
/* Included twice by preproc.c; #pragma once keeps the second inclusion out. */
static int once_counter;
#define ONCE_VALUE 11
