/* struct task_struct (its leading fields only: the thread_info, the state, and
 * pid/comm that drivers print), the TASK_* states and the scheduler calls a
 * sleeping driver makes (schedule, schedule_timeout, wake_up_process), as
 * Linux 6.1's include/linux/sched.h names them. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <asm/current.h>
#include <asm/thread_info.h>
#include <asm/barrier.h>
#include <asm/processor.h>

#define TASK_RUNNING			0x00000000
#define TASK_INTERRUPTIBLE		0x00000001
#define TASK_UNINTERRUPTIBLE		0x00000002
#define __TASK_STOPPED			0x00000004
#define __TASK_TRACED			0x00000008
#define EXIT_DEAD			0x00000010
#define EXIT_ZOMBIE			0x00000020
#define TASK_PARKED			0x00000040
#define TASK_DEAD			0x00000080
#define TASK_WAKEKILL			0x00000100
#define TASK_WAKING			0x00000200
#define TASK_NOLOAD			0x00000400
#define TASK_NEW			0x00000800

#define TASK_KILLABLE			(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE			(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL			(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define TASK_COMM_LEN			16

/* The state is stored before the caller tests its wake-up condition, with a
 * barrier, so a wake-up between the test and schedule() is not lost. */
#define __set_current_state(state_value)				\
	do {								\
		WRITE_ONCE(current->__state, (state_value));		\
	} while (0)

#define set_current_state(state_value)					\
	do {								\
		smp_store_mb(current->__state, (state_value));		\
	} while (0)

/* A task (kernel thread or process). Only the head of Linux's structure is
 * declared: the rest belongs to the guest kernel. */
struct task_struct {
	struct thread_info		thread_info;
	unsigned int			__state;
	void				*stack;
	unsigned int			flags;
	int				on_cpu;
	int				prio;
	pid_t				pid;
	pid_t				tgid;
	char				comm[TASK_COMM_LEN];
};

#define task_thread_info(task)	(&(task)->thread_info)

#define MAX_SCHEDULE_TIMEOUT		LONG_MAX

extern long schedule_timeout(long timeout);
extern long schedule_timeout_interruptible(long timeout);
extern long schedule_timeout_killable(long timeout);
extern long schedule_timeout_uninterruptible(long timeout);
asmlinkage void schedule(void);

extern int wake_up_process(struct task_struct *tsk);
extern int wake_up_state(struct task_struct *tsk, unsigned int state);

/* Gives the hart away if another task is ready (non-preemptive kernel). */
extern int __cond_resched(void);
#define cond_resched() __cond_resched()

extern void yield(void);

static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

/* From linux/sched/signal.h: was the sleeping task signalled? */
static inline int signal_pending(struct task_struct *p)
{
	return !!(READ_ONCE(task_thread_info(p)->flags) & (1UL << TIF_SIGPENDING));
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p);
}

static inline int signal_pending_state(unsigned int state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return 0;
	if (!signal_pending(p))
		return 0;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

#endif
