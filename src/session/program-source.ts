// The source map of a loaded bare-metal program, when it has one: an ELF
// built here (kernel-C always emits its line table) or by gcc -g. An ELF
// without line information, or one whose debug sections cannot be read,
// runs all the same; only stepping by C lines is not offered for it.

import { SourceMap } from './source-map.ts';

export function programSourceMap(image: Uint8Array): SourceMap | null {
  let map: SourceMap;
  try {
    map = SourceMap.forProgram(image);
  } catch {
    return null; // unreadable debug sections: the program is still a program
  }
  return map.rows.length > 0 && map.functions.length > 0 ? map : null;
}
