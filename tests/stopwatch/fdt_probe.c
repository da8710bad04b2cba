/* A guest's view of the device tree the boot ROM hands over in a1: walks the
   flattened tree, prints every node and property of the devices QEMU's virt
   and our board both have, then probes the stopwatch the way its driver does
   (compatible "stopwatch", reg 0 = mem, reg 1 = regs, translated through the
   platform bus's ranges; interrupts = PLIC source) and uses it. Run on QEMU
   and on our board, everything but the stopwatch lines must be identical. */
#include "stopwatch.h"

#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  print("unexpected trap, mcause", read_csr(mcause));
  exit(3);
}

static uint32_t be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static int streq(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

static int starts(const char *s, const char *prefix) {
  while (*prefix && *s == *prefix) s++, prefix++;
  return *prefix == 0;
}

static uint32_t slen(const char *s) {
  uint32_t n = 0;
  while (s[n]) n++;
  return n;
}

/* Devices of QEMU's virt this board does not have, and properties that differ on purpose. */
static int foreign_node(const char *name) {
  return starts(name, "pmu") || starts(name, "fw-cfg@") || starts(name, "flash@") || starts(name, "rtc@") ||
         starts(name, "pci@") || starts(name, "virtio_mmio@");
}

static int foreign_prop(const char *name) {
  return streq(name, "riscv,isa") || streq(name, "mmu-type") || streq(name, "rng-seed");
}

static void put_bytes(const uint8_t *v, uint32_t len) {
  for (uint32_t i = 0; i < len; i++) putc("0123456789abcdef"[v[i] >> 4]), putc("0123456789abcdef"[v[i] & 15]);
}

/* What the probe needs from the tree. */
static uint32_t pbus_base, sw_reg[4], sw_irq, sw_found;

static void note(const char *node, const char *parent, const char *prop, const uint8_t *v, uint32_t len) {
  if (starts(parent, "platform-bus@") == 0 && starts(node, "platform-bus@") && streq(prop, "ranges") && len == 16) pbus_base = be32(v + 8);
  if (starts(node, "stopwatch@")) {
    if (streq(prop, "compatible") && streq((const char *)v, "stopwatch")) sw_found = 1;
    if (streq(prop, "reg") && len == 16)
      for (int i = 0; i < 4; i++) sw_reg[i] = be32(v + 4 * i);
    if (streq(prop, "interrupts") && len == 4) sw_irq = be32(v);
  }
}

static void walk(const uint8_t *fdt) {
  const uint8_t *p = fdt + be32(fdt + 8);
  const char *strings = (const char *)fdt + be32(fdt + 12);
  const char *names[8] = {0};
  int depth = -1, hidden = 0; /* hidden: depth at which a foreign subtree began (0 = none) */
  for (;;) {
    uint32_t token = be32(p);
    p += 4;
    if (token == FDT_BEGIN_NODE) {
      const char *name = (const char *)p;
      p += (slen(name) + 4) & ~3u;
      names[++depth] = name;
      if (!hidden && foreign_node(name)) hidden = depth;
      if (!hidden) {
        for (int i = 0; i < depth; i++) putc(' ');
        puts(depth ? name : "/");
        putc('\n');
      }
    } else if (token == FDT_END_NODE) {
      if (hidden == depth) hidden = 0;
      depth--;
    } else if (token == FDT_PROP) {
      uint32_t len = be32(p), nameoff = be32(p + 4);
      const uint8_t *v = p + 8;
      const char *prop = strings + nameoff;
      p += (8 + len + 3) & ~3u;
      note(names[depth], depth ? names[depth - 1] : "", prop, v, len);
      if (hidden || foreign_prop(prop)) continue;
      for (int i = 0; i <= depth; i++) putc(' ');
      puts(prop);
      puts(" = ");
      put_bytes(v, len);
      putc('\n');
    } else if (token != FDT_NOP) {
      break;
    }
  }
}

static void probe_stopwatch(void) {
  if (!sw_found) {
    puts("stopwatch: not in the device tree\n");
    return;
  }
  uint32_t mem = pbus_base + sw_reg[0], regs = pbus_base + sw_reg[2];
  print("stopwatch mem", mem);
  print("stopwatch mem size", sw_reg[1]);
  print("stopwatch regs", regs);
  print("stopwatch regs size", sw_reg[3]);
  print("stopwatch irq", sw_irq);
  volatile uint32_t *r = (volatile uint32_t *)regs;
  volatile struct StopWatch_mem *m = (volatile struct StopWatch_mem *)mem;
  print("stopwatch status", r[2]);
  r[0] = STOPWATCH_ACTION_PAUSE;
  r[0] = STOPWATCH_ACTION_UPDATE;
  puts("stopwatch data: ");
  for (uint32_t i = 0; m->data[i] && i < STOPWATCH_MEM_DATA_LENGTH; i++) putc(m->data[i]);
  putc('\n');
}

int main(uint32_t hartid, const uint8_t *fdt) {
  write_csr(mtvec, (uint32_t)trap_entry);
  (void)hartid;
  print("magic", be32(fdt));
  print("version", be32(fdt + 20));
  walk(fdt);
  probe_stopwatch();
  return 0;
}
