/* Helpers shared by the bare-metal test programs: UART0 output, the
   finisher, CSR access and the trap frame crt0.S builds. */
#ifndef COMMON_H
#define COMMON_H

#include <stdint.h>

#define UART0 ((volatile uint8_t *)0x10000000)
#define FINISHER ((volatile uint32_t *)0x00100000)
#define CLINT_MSIP ((volatile uint32_t *)0x02000000)
#define CLINT_MTIMECMP ((volatile uint32_t *)0x02004000)
#define CLINT_MTIME ((volatile uint32_t *)0x0200bff8)
#define PLIC_BASE 0x0c000000u

#define read_csr(name) ({ uint32_t v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define write_csr(name, v) __asm__ volatile("csrw " #name ", %0" ::"r"((uint32_t)(v)))
#define set_csr(name, v) __asm__ volatile("csrs " #name ", %0" ::"r"((uint32_t)(v)))
#define clear_csr(name, v) __asm__ volatile("csrc " #name ", %0" ::"r"((uint32_t)(v)))

/* x[0] holds mepc (x0 is never saved), x[2] the trapped sp. */
struct trap_frame {
  uint32_t x[32];
};

/* The length of the instruction at pc (2 for a compressed one): what a
 * handler adds to mepc to skip the instruction that trapped. */
static inline uint32_t insn_length(uint32_t pc) {
  return (*(volatile uint16_t *)pc & 3) == 3 ? 4 : 2;
}

void putc(char c);
void puts(const char *s);
void puthex(uint32_t v);
void putdec(int32_t v);
void print(const char *label, uint32_t v); /* "label=0x........\n" */
void exit(int code) __attribute__((noreturn));
void trap_entry(void);
uint32_t trap_handler(struct trap_frame *f);
uint64_t mtime(void);
void set_mtimecmp(uint64_t t);

#endif
