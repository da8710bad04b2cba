// Saves a file the page made (a trace export) through the browser's download.

export function downloadFile(name: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // after the browser has taken the file
}

/** Every event the page holds, oldest first (the exporters take an array). */
export function collect<T>(size: number, at: (i: number) => T): T[] {
  const out: T[] = new Array(size);
  for (let i = 0; i < size; i++) out[i] = at(i);
  return out;
}
