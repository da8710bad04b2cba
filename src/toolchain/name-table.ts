// Tables the compiler looks up by names that come from the program being
// compiled: a function, an inline-assembly mnemonic or CSR, a header, an
// identifier. A plain object literal would also "hold" Object's own
// properties, so a student's function named `toString` or `constructor` was
// taken for a builtin and crashed the compiler; these tables have no prototype.

export function nameTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
