// A driver whose init sleeps half a second with schedule_timeout, then says so.
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/printk.h>

static int __init sleepy_init(void)
{
	long left;

	set_current_state(TASK_UNINTERRUPTIBLE);
	left = schedule_timeout(50);
	pr_info("sleepy: slept, %ld jiffies left, pid %d comm %s\n", left, current->pid, current->comm);
	return 0;
}

module_init(sleepy_init);
MODULE_LICENSE("GPL");
