/* Inline asm as Linux arch/riscv/include/asm/csr.h writes it: CSR numbers pasted into the template,
 * "rK" constraints, csrrw with an output and an input, named operands, nop and fence. */
#include "../runtime/printf.c"
#define __ASM_STR(x) #x
#define CSR_MSCRATCH 0x340
#define csr_read(csr) ({ register unsigned long __v; __asm__ __volatile__ ("csrr %0, " __ASM_STR(csr) : "=r" (__v) : : "memory"); __v; })
#define csr_write(csr, val) ({ unsigned long __v = (unsigned long)(val); __asm__ __volatile__ ("csrw " __ASM_STR(csr) ", %0" : : "rK" (__v) : "memory"); })
#define csr_swap(csr, val) ({ unsigned long __v = (unsigned long)(val); __asm__ __volatile__ ("csrrw %0, " __ASM_STR(csr) ", %1" : "=r" (__v) : "rK" (__v) : "memory"); __v; })
#define csr_set(csr, val) ({ unsigned long __v = (unsigned long)(val); __asm__ __volatile__ ("csrs " __ASM_STR(csr) ", %0" : : "rK" (__v) : "memory"); })
int main(void) {
	csr_write(CSR_MSCRATCH, 0x1234);
	unsigned long a = csr_read(CSR_MSCRATCH);
	unsigned long b = csr_swap(CSR_MSCRATCH, 0x99);
	csr_set(CSR_MSCRATCH, 0x100);
	unsigned long c = csr_read(CSR_MSCRATCH);
	csr_write(CSR_MSCRATCH, 5);
	unsigned long d = csr_read(CSR_MSCRATCH);
	unsigned long x = 3, y;
	__asm__ volatile("csrrw %[out], mscratch, %[in]" : [out] "=r"(y) : [in] "r"(x));
	printf("%lx %lx %lx %lx %lx\n", a, b, c, d, y);
	__asm__ volatile("fence" ::: "memory");
	__asm__ volatile("nop");
	return 0;
}
