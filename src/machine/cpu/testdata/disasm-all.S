# Every instruction form the hart executes (and the aliases objdump prints
# for them): input of the disassembler's differential test against objdump.
    .text
    .globl _start
_start:
    lui a0, 0x80000
    lui t6, 0xfffff
    auipc sp, 0x11
    jal ra, 1f
    jal zero, 1f
    jal t0, 1f
1:  jalr ra, 0(a0)
    jalr zero, 0(ra)
    jalr zero, 4(t1)
    jalr t0, -8(t1)
    jalr ra, 12(a1)
    beq a0, a1, 1b
    bne a0, zero, 1b
    beq zero, a1, 1b
    blt a0, a1, 1b
    blt zero, a1, 1b
    blt a1, zero, 1b
    bge a0, a1, 1b
    bge a1, zero, 1b
    bge zero, a1, 1b
    bltu a0, a1, 1b
    bgeu a0, a1, 1b
    beq a0, zero, 2f
    lb a0, -1(a1)
    lh a0, 2(sp)
    lw s0, 2047(s1)
    lbu s2, -2048(s3)
    lhu t3, 0(t4)
    sb a0, 1(sp)
    sh a1, -2(sp)
    sw zero, 100(gp)
    addi a0, a0, 1
    addi a0, zero, -5
    addi a0, a1, 0
    addi zero, zero, 0
    addi tp, tp, -2048
    slti a0, a1, -1
    sltiu a0, a1, 1
    sltiu a0, a1, 5
    xori a0, a1, -1
    xori a0, a1, 7
    ori a0, a1, 0x7ff
    andi a0, a1, 255
    andi a0, a1, -16
    slli a0, a1, 31
    srli a0, a1, 1
    srai a0, a1, 16
    add a0, a1, a2
    sub a0, zero, a2
    sub a0, a1, a2
    sll a0, a1, a2
    slt a0, a1, a2
    slt a0, a1, zero
    slt a0, zero, a1
    sltu a0, a1, a2
    sltu a0, zero, a2
    xor a0, a1, a2
    srl a0, a1, a2
    sra a0, a1, a2
    or a0, a1, a2
    and a0, a1, a2
2:  fence
    fence iorw, iorw
    fence r, rw
    fence w, w
    fence.tso
    fence.i
    ecall
    ebreak
    mret
    sret
    wfi
    sfence.vma
    sfence.vma a0, a1
    csrrw t0, mstatus, a0
    csrrw zero, mscratch, a0
    csrrs a0, mcause, zero
    csrrs a0, mie, a1
    csrrs zero, mie, a1
    csrrc a0, mip, a1
    csrrc zero, mip, a1
    csrrwi a0, mtvec, 1
    csrrwi zero, mtvec, 1
    csrrsi a0, mstatus, 8
    csrrsi zero, mstatus, 8
    csrrci a0, mstatus, 8
    csrrci zero, mstatus, 8
    csrrs a0, cycle, zero
    csrrs a0, time, zero
    csrrs a0, instret, zero
    csrrs a0, cycleh, zero
    csrrs a0, timeh, zero
    csrrs a0, instreth, zero
    csrrs a0, mcycle, zero
    csrrs a0, minstreth, zero
    csrrs a0, mhartid, zero
    csrrs a0, mvendorid, zero
    csrrs a0, marchid, zero
    csrrs a0, mimpid, zero
    csrrs a0, misa, zero
    csrrs a0, mepc, zero
    csrrs a0, mtval, zero
    csrrs a0, mcounteren, zero
    csrrs a0, mcountinhibit, zero
    csrrs a0, mstatush, zero
    csrrs a0, 0x30a, zero
    csrrs a0, 0x31a, zero
    csrrs a0, 0xf15, zero
    csrrs a0, pmpcfg0, zero
    csrrs a0, pmpaddr15, zero
    csrrs a0, mhpmcounter3, zero
    csrrs a0, mhpmevent31, zero
    csrrs a0, hpmcounter4h, zero
    csrrs a0, 0x7c0, zero
    csrrs a0, satp, zero
    csrrs a0, sstatus, zero
    csrrs a0, medeleg, zero
    csrrs a0, 0x800, zero
    mul a0, a1, a2
    mulh a0, a1, a2
    mulhsu a0, a1, a2
    mulhu a0, a1, a2
    div a0, a1, a2
    divu a0, a1, a2
    rem a0, a1, a2
    remu a0, a1, a2
    lr.w a0, (a1)
    lr.w.aq a0, (a1)
    lr.w.aqrl a0, (a1)
    sc.w a0, a2, (a1)
    sc.w.rl a0, a2, (a1)
    amoswap.w a0, a2, (a1)
    amoswap.w.aq zero, a2, (a1)
    amoadd.w a0, a2, (a1)
    amoxor.w a0, a2, (a1)
    amoand.w a0, a2, (a1)
    amoor.w a0, a2, (a1)
    amomin.w a0, a2, (a1)
    amomax.w a0, a2, (a1)
    amominu.w a0, a2, (a1)
    amomaxu.w.aqrl a0, a2, (a1)
    .word 0
    .word 0xffffffff
    .word 0x0000100b
    .word 0x40001013
    .word 0x0200d013
