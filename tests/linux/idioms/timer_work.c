// SPDX-License-Identifier: GPL-2.0
/*
 * Idiom: a periodic kernel timer that defers its work. The timer callback
 * runs in soft-interrupt context, so it only counts and queues a work item;
 * the work runs in a kernel thread where sleeping is allowed. A delayed work
 * item reports once after two seconds.
 */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/slab.h>

#define PERIOD_MS 500

struct ticker {
	struct timer_list timer;
	struct work_struct work;
	struct delayed_work report;
	unsigned int ticks;
};

static struct ticker *ticker;

static void ticker_work(struct work_struct *work)
{
	struct ticker *t = container_of(work, struct ticker, work);

	msleep(1);	/* allowed here, not in the timer */
	pr_info("ticker: tick %u\n", READ_ONCE(t->ticks));
}

static void ticker_report(struct work_struct *work)
{
	struct ticker *t = container_of(to_delayed_work(work), struct ticker, report);

	pr_info("ticker: %u ticks in 2 s\n", READ_ONCE(t->ticks));
}

static void ticker_fire(struct timer_list *timer)
{
	struct ticker *t = from_timer(t, timer, timer);

	WRITE_ONCE(t->ticks, t->ticks + 1);
	schedule_work(&t->work);
	mod_timer(&t->timer, jiffies + msecs_to_jiffies(PERIOD_MS));
}

static int __init ticker_init(void)
{
	ticker = kzalloc(sizeof(*ticker), GFP_KERNEL);
	if (!ticker)
		return -ENOMEM;
	INIT_WORK(&ticker->work, ticker_work);
	INIT_DELAYED_WORK(&ticker->report, ticker_report);
	timer_setup(&ticker->timer, ticker_fire, 0);
	mod_timer(&ticker->timer, jiffies + msecs_to_jiffies(PERIOD_MS));
	schedule_delayed_work(&ticker->report, 2 * HZ);
	return 0;
}

/* Stop the source first (the timer), then what it feeds (the work). */
static void __exit ticker_exit(void)
{
	del_timer_sync(&ticker->timer);
	cancel_work_sync(&ticker->work);
	cancel_delayed_work_sync(&ticker->report);
	kfree(ticker);
}

module_init(ticker_init);
module_exit(ticker_exit);

MODULE_DESCRIPTION("A timer that feeds a work queue");
MODULE_LICENSE("GPL");
