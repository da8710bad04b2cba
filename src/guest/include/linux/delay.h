/* Waiting for a while: udelay/ndelay/mdelay spin, msleep/usleep_range sleep
 * (and let other tasks run), with the names of Linux 6.1's
 * include/linux/delay.h. */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/math.h>
#include <linux/sched.h>

extern unsigned long loops_per_jiffy;

#include <asm/delay.h>

#ifndef MAX_UDELAY_MS
#define MAX_UDELAY_MS	5
#endif

/* Milliseconds of spinning: one udelay(1000) per millisecond. */
#ifndef mdelay
#define mdelay(n) (\
	(__builtin_constant_p(n) && (n)<=MAX_UDELAY_MS) ? udelay((n)*1000) : \
	({unsigned long __ms=(n); while (__ms--) udelay(1000);}))
#endif

extern unsigned long lpj_fine;
void calibrate_delay(void);
void __attribute__((weak)) calibration_delay_done(void);

/* Sleeps at least msecs milliseconds. */
void msleep(unsigned int msecs);
/* As msleep, but a signal ends the sleep early: returns the msecs left. */
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max,
			unsigned int state);

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_UNINTERRUPTIBLE);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

/* Short waits spin, long ones sleep. */
static inline void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else if (usecs <= 20000)
		usleep_range(usecs, 2 * usecs);
	else
		msleep(DIV_ROUND_UP(usecs, 1000));
}

#endif
