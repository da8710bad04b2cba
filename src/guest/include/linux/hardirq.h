/* in_irq()/in_interrupt() context tests. The guest kernel keeps its own
 * bookkeeping; the names are Linux 6.1's (include/linux/preempt.h). */
#ifndef LINUX_HARDIRQ_H
#define LINUX_HARDIRQ_H

#include <linux/preempt.h>

#endif
