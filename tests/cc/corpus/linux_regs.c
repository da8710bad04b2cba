/* Register variables as the RISC-V kernel uses them: `current` read from a global register
 * variable on tp, current_stack_pointer on sp, and local register variables pinning asm
 * operands to a0/a7 as the SBI and syscall wrappers do. */
#include "../runtime/printf.c"
struct task_struct { int pid; const char *comm; };
register struct task_struct *riscv_current_is_tp __asm__("tp");
register unsigned long current_stack_pointer __asm__("sp");
#define current riscv_current_is_tp

static struct task_struct init_task = { 1, "init" }, worker = { 42, "kworker" };

static long sbi_call(long ext, long arg0)
{
	register long a0 asm("a0") = arg0;
	register long a7 asm("a7") = ext;
	long seen;
	asm volatile("mv %1, a7\n\tadd %0, %0, a7" : "+r"(a0), "=&r"(seen) : "r"(a7));
	return a0 * 1000 + seen;
}

static int deeper(void)
{
	int local = 3;
	return (unsigned long)&local >= current_stack_pointer;
}

int main(void)
{
	void *saved;
	asm volatile("mv %0, tp" : "=r"(saved));
	asm volatile("mv tp, %0" : : "r"(&init_task));
	printf("current %d %s\n", current->pid, current->comm);
	asm volatile("mv tp, %0" : : "r"(&worker));
	printf("current %d %s\n", current->pid, current->comm);
	asm volatile("mv tp, %0" : : "r"(saved));
	int here = 0;
	printf("sp below locals %d %d, in RAM %d\n", (unsigned long)&here >= current_stack_pointer, deeper(),
	       current_stack_pointer >= 0x80000000ul);
	printf("sbi %ld\n", sbi_call(0x10, 7));
	return 0;
}
