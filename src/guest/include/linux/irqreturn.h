/* What an interrupt handler returns, as Linux 6.1's include/linux/irqreturn.h:
 * IRQ_NONE (not my device: the line may be shared), IRQ_HANDLED, or
 * IRQ_WAKE_THREAD (run the threaded handler). */
#ifndef _LINUX_IRQRETURN_H
#define _LINUX_IRQRETURN_H

enum irqreturn {
	IRQ_NONE		= (0 << 0),
	IRQ_HANDLED		= (1 << 0),
	IRQ_WAKE_THREAD		= (1 << 1),
};

typedef enum irqreturn irqreturn_t;
#define IRQ_RETVAL(x)	((x) ? IRQ_HANDLED : IRQ_NONE)

#endif
