# Every relocation type the module loader applies, at least once (gas emits
# the data ones only from .reloc or relaxed label differences).
  .option norelax
  .option rvc
  .text
  .globl init_module
init_module:
  lui a0, %hi(ext_var)
  addi a0, a0, %lo(ext_var)
  sw a1, %lo(ext_var)(a0)
1: auipc a2, %pcrel_hi(local_data)
  sw a1, %pcrel_lo(1b)(a2)
2: auipc a3, %pcrel_hi(ext_var+8)
  lw a1, %pcrel_lo(2b)(a3)
  call ext_fn
3: .reloc 3b, R_RISCV_CALL, ext_fn+8
  auipc ra, 0
  jalr ra, 0(ra)
  tail ext_fn
  jal ra, far_fn
  .option relax
  beq a0, a1, near
  c.beqz a0, near
  c.j near
  c.jal near
  .option norelax
near:
  ret
  .section .text.unlikely,"ax",@progbits
far_fn:
  j init_module
  .data
  .globl local_data
local_data:
  .word 0x12345678
d32:  .word 0x100
  .reloc d32, R_RISCV_ADD32, ext_var+4
d32s: .word 0x100000
  .reloc d32s, R_RISCV_SUB32, local_data
d16:  .2byte 0x1234
  .reloc d16, R_RISCV_ADD16, ext_var
d16s: .2byte 0x1234
  .reloc d16s, R_RISCV_SUB16, ext_fn
d8:   .byte 0x12
  .reloc d8, R_RISCV_ADD8, ext_var
d8s:  .byte 0x12
  .reloc d8s, R_RISCV_SUB8, ext_fn
d6:   .byte 0xc5
  .reloc d6, R_RISCV_SUB6, ext_var
s6:   .byte 0xc5
  .reloc s6, R_RISCV_SET6, ext_fn+3
s8:   .byte 0
  .reloc s8, R_RISCV_SET8, ext_fn+7
  .balign 2
s16:  .2byte 0
  .reloc s16, R_RISCV_SET16, ext_var
  .balign 4
s32:  .word 0
  .reloc s32, R_RISCV_SET32, local_data+12
p32:  .word 0
  .reloc p32, R_RISCV_32_PCREL, ext_fn+4
w32:  .word ext_var+16
  .section .init.data,"aw"
  .word far_fn
