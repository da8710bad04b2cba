// Macros every translation unit starts with: those `riscv64-unknown-elf-gcc
// -march=rv32ima_zicsr -mabi=ilp32 -dM -E` predefines for integers and the target,
// minus floating point (refused in kernel code), plus the dialect we implement.
//
// Choices that differ from that gcc, and why:
// - __STDC_VERSION__ is 199901L: we implement C99 (with GNU extensions), not C17.
// - __GNUC__ 4, __GNUC_MINOR__ 2, __GNUC_PATCHLEVEL__ 1 (what clang also claims):
//   code sees a GNU C compiler (statement expressions, typeof, __attribute__) but
//   does not take the `__GNUC__ >= 5` paths that use newer builtins we do not have.
// - __STDC_HOSTED__ is 0: drivers are freestanding code.
// - __OPTIMIZE__ is 1, as with Kbuild's -O2: the compiler folds constant conditions
//   away, which BUILD_BUG_ON and the kernel's compile-time checks depend on.
// - __DATE__ and __TIME__ are fixed ("Jan  1 1970", "00:00:00", what gcc prints with
//   SOURCE_DATE_EPOCH=0): the same source must give the same bytes, so traces,
//   snapshots and differential tests stay reproducible.
// - No __riscv_float_abi_soft / __riscv_fdiv / float macros: no floating point.

const DEFINES: [string, string][] = [
  ['__STDC__', '1'], ['__STDC_VERSION__', '199901L'], ['__STDC_HOSTED__', '0'], ['__OPTIMIZE__', '1'],
  ['__GNUC__', '4'], ['__GNUC_MINOR__', '2'], ['__GNUC_PATCHLEVEL__', '1'], ['__GNUC_STDC_INLINE__', '1'],
  ['__DATE__', '"Jan  1 1970"'], ['__TIME__', '"00:00:00"'], ['__TIMESTAMP__', '"Thu Jan  1 00:00:00 1970"'],
  ['__riscv', '1'], ['__riscv_xlen', '32'], ['__riscv_mul', '1'], ['__riscv_div', '1'], ['__riscv_muldiv', '1'],
  ['__riscv_atomic', '1'], ['__riscv_zicsr', '2000000'], ['__riscv_i', '2001000'], ['__riscv_m', '2000000'],
  ['__riscv_a', '2001000'], ['__riscv_arch_test', '1'], ['__riscv_cmodel_medlow', '1'],
  ['__ILP32__', '1'], ['_ILP32', '1'], ['__ELF__', '1'], ['__CHAR_UNSIGNED__', '1'],
  ['__ORDER_LITTLE_ENDIAN__', '1234'], ['__ORDER_BIG_ENDIAN__', '4321'], ['__ORDER_PDP_ENDIAN__', '3412'],
  ['__BYTE_ORDER__', '__ORDER_LITTLE_ENDIAN__'],
  ['__CHAR_BIT__', '8'], ['__SIZEOF_SHORT__', '2'], ['__SIZEOF_INT__', '4'], ['__SIZEOF_LONG__', '4'],
  ['__SIZEOF_LONG_LONG__', '8'], ['__SIZEOF_POINTER__', '4'], ['__SIZEOF_SIZE_T__', '4'],
  ['__SIZEOF_PTRDIFF_T__', '4'], ['__SIZEOF_WCHAR_T__', '4'], ['__SIZEOF_WINT_T__', '4'],
  ['__BIGGEST_ALIGNMENT__', '16'],
  ['__SCHAR_MAX__', '0x7f'], ['__SHRT_MAX__', '0x7fff'], ['__INT_MAX__', '0x7fffffff'],
  ['__LONG_MAX__', '0x7fffffffL'], ['__LONG_LONG_MAX__', '0x7fffffffffffffffLL'],
  ['__WCHAR_MAX__', '0x7fffffff'], ['__WCHAR_MIN__', '(-__WCHAR_MAX__ - 1)'],
  ['__WINT_MAX__', '0xffffffffU'], ['__WINT_MIN__', '0U'],
  ['__PTRDIFF_MAX__', '0x7fffffff'], ['__SIZE_MAX__', '0xffffffffU'],
  ['__INTMAX_MAX__', '0x7fffffffffffffffLL'], ['__UINTMAX_MAX__', '0xffffffffffffffffULL'],
  ['__INTPTR_MAX__', '0x7fffffff'], ['__UINTPTR_MAX__', '0xffffffffU'],
  ['__INT8_MAX__', '0x7f'], ['__INT16_MAX__', '0x7fff'], ['__INT32_MAX__', '0x7fffffffL'],
  ['__INT64_MAX__', '0x7fffffffffffffffLL'], ['__UINT8_MAX__', '0xff'], ['__UINT16_MAX__', '0xffff'],
  ['__UINT32_MAX__', '0xffffffffUL'], ['__UINT64_MAX__', '0xffffffffffffffffULL'],
  ['__SIZE_TYPE__', 'unsigned int'], ['__PTRDIFF_TYPE__', 'int'], ['__WCHAR_TYPE__', 'int'],
  ['__WINT_TYPE__', 'unsigned int'], ['__INTMAX_TYPE__', 'long long int'],
  ['__UINTMAX_TYPE__', 'long long unsigned int'], ['__INTPTR_TYPE__', 'int'], ['__UINTPTR_TYPE__', 'unsigned int'],
  ['__INT8_TYPE__', 'signed char'], ['__INT16_TYPE__', 'short int'], ['__INT32_TYPE__', 'long int'],
  ['__INT64_TYPE__', 'long long int'], ['__UINT8_TYPE__', 'unsigned char'], ['__UINT16_TYPE__', 'short unsigned int'],
  ['__UINT32_TYPE__', 'long unsigned int'], ['__UINT64_TYPE__', 'long long unsigned int'],
  ['__GCC_HAVE_SYNC_COMPARE_AND_SWAP_4', '1'],
  ['__SCHAR_WIDTH__', '8'], ['__SHRT_WIDTH__', '16'], ['__INT_WIDTH__', '32'], ['__LONG_WIDTH__', '32'],
  ['__LONG_LONG_WIDTH__', '64'], ['__PTRDIFF_WIDTH__', '32'], ['__SIZE_WIDTH__', '32'], ['__INTPTR_WIDTH__', '32'],
  ['__INTMAX_WIDTH__', '64'],
  ['__ATOMIC_RELAXED', '0'], ['__ATOMIC_CONSUME', '1'], ['__ATOMIC_ACQUIRE', '2'], ['__ATOMIC_RELEASE', '3'],
  ['__ATOMIC_ACQ_REL', '4'], ['__ATOMIC_SEQ_CST', '5'],
  ['__USER_LABEL_PREFIX__', ''], ['__REGISTER_PREFIX__', ''], ['__NO_INLINE__', '1'],
  ['__VERSION__', '"kernel-c (GCC 4.2.1 compatible)"'],
  // Ours: lets a program tell this compiler from gcc.
  ['__kernel_c__', '1'],
];

/** The predefined macros as the text of a built-in file, followed by the -D definitions. */
export function predefinedSource(defines: Record<string, string>): string {
  const lines = DEFINES.map(([n, v]) => `#define ${n} ${v}`);
  for (const [name, value] of Object.entries(defines)) lines.push(`#define ${name} ${value}`);
  return lines.join('\n') + '\n';
}
