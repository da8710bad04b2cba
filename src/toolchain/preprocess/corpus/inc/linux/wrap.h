wrap_outer
#include_next <linux/wrap.h>
