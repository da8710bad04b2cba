# Start-up code of the CPU benchmark: stack, cleared .bss, main(), then the
# virt board's test finisher (0x5555 = pass, 0x3333 | code << 16 = fail).
    .section .text.start
    .globl _start
_start:
    la sp, __stack_top
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  call main
    li t0, 0x100000
    bnez a0, 3f
    li t1, 0x5555
    sw t1, 0(t0)
    j 4f
3:  slli a0, a0, 16
    li t1, 0x3333
    or t1, t1, a0
    sw t1, 0(t0)
4:  j 4b
