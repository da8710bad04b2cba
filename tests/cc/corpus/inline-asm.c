/* The inline assembly drivers use: CSR access (csrr/csrw/csrs/csrc) with operands,
 * fences, and a compiler barrier. Run in M-mode, as the bare-metal start-up leaves it. */
#include "../runtime/printf.c"

static inline unsigned long read_mscratch(void)
{
	unsigned long v;
	__asm__ volatile("csrr %0, mscratch" : "=r"(v));
	return v;
}

static inline void write_mscratch(unsigned long v)
{
	__asm__ volatile("csrw mscratch, %0" : : "r"(v));
}

int main(void)
{
	unsigned long hart, status;
	write_mscratch(0x1234abcd);
	__asm__ volatile("fence rw, rw" ::: "memory");
	__asm__ volatile("fence iorw, iorw");
	__asm__ volatile("csrr %0, mhartid" : "=r"(hart));
	asm volatile("csrs mscratch, %0" :: "r"(0x40000000ul));
	asm volatile("csrc mscratch, %0" :: "r"(0x4ul));
	__asm__ volatile("" ::: "memory");
	printf("mscratch %lx hart %lu\n", read_mscratch(), hart);
	__asm__ volatile("csrr %0, mstatus" : "=r"(status));
	printf("mstatus.MIE %lu\n", status & 0x8);
	return 0;
}
