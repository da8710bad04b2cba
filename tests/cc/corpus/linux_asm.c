/* Inline assembly as Linux's RISC-V headers write it: MMIO accessors as sw/lw in asm, AMOs
 * on "+A" memory, "=m" stores of %z "rJ" values, "I"/"K" immediates and the %i modifier,
 * %%hi/%%lo of an "i" address, tied "0" inputs, early-clobber outputs, a BUG-style table
 * entry built with .pushsection and a numeric label, a string literal as an "i" operand,
 * and a top-level asm() that defines a symbol, as EXPORT_SYMBOL's tables do. */
#include "../runtime/printf.c"

asm(".section .rodata\n.balign 4\n.globl magic_word\nmagic_word: .word 0x5eed1234\n.text");
extern const unsigned magic_word;

static inline void writel(unsigned v, volatile void *addr) { asm volatile("sw %0, 0(%1)" : : "r"(v), "r"(addr)); }
static inline unsigned readl(const volatile void *addr) { unsigned v; asm volatile("lw %0, 0(%1)" : "=r"(v) : "r"(addr)); return v; }
static inline int atomic_add_return(int i, int *v)
{
	int ret;
	asm volatile("amoadd.w.aqrl %1, %2, %0" : "+A"(*v), "=r"(ret) : "r"(i) : "memory");
	return ret + i;
}

unsigned device_reg[4];
int counter = 10;
const char *bug_file;

static unsigned add_imm(unsigned x, int k) { return x + k; }

int main(void)
{
	unsigned v = 0, w, hi;
	writel(0xabcd, &device_reg[1]);
	printf("readl %x reg %x\n", readl(&device_reg[1]), device_reg[1]);
	printf("amoadd %d counter %d\n", atomic_add_return(5, &counter), counter);
	asm volatile("sw %z1, %0" : "=m"(device_reg[2]) : "rJ"(0));
	asm volatile("sw %z1, %0" : "=m"(device_reg[3]) : "rJ"(v + 7));
	printf("stores %x %x\n", device_reg[2], device_reg[3]);
	asm("addi %0, %1, %2" : "=r"(w) : "r"(100), "I"(-5));
	asm("add%i2 %0, %1, %2" : "=r"(v) : "r"(w), "rI"(12));
	asm("add%i2 %0, %1, %2" : "=r"(hi) : "r"(w), "rI"(add_imm(1, 2)));
	printf("imm %d %d %d\n", w, v, hi);
	asm("slli %0, %0, %1" : "+r"(v) : "K"(4));
	asm("xori %0, %1, 1" : "=r"(w) : "0"(v));
	printf("shift %d tied %d\n", v, w);
	asm("lui %0, %%hi(%1)\n\taddi %0, %0, %%lo(%1)" : "=&r"(hi) : "i"(&device_reg[1]));
	printf("hi/lo %d\n", hi == (unsigned)&device_reg[1]);
	asm volatile("1: nop\n"
		".pushsection .rodata.bug_table, \"a\"\n"
		".balign 4\n"
		".globl bug_entry\n"
		"bug_entry: .word 1b\n"
		".word %0\n"
		".word %1\n"
		".popsection" : : "i"("linux_asm.c"), "i"(42));
	extern const unsigned bug_entry[3];
	printf("bug entry %s line %d at code %d\n", (const char *)bug_entry[1], bug_entry[2], bug_entry[0] != 0);
	printf("magic %x\n", magic_word);
	return 0;
}
