// insmod, rmmod and lsmod on the kernel (Linux's load_module/do_init_module
// and delete_module): the loader in src/guest/module places the object,
// then the parameters given on the command line are set, init_module runs
// on a task of its own ("insmod"), and /sys/module/NAME/parameters/ gets a
// file per parameter whose reads and writes call the parameter's ops.

import { loadModule } from '../module/load.ts';
import { completeInit, freeModule } from '../module/init.ts';
import { setModuleState, type Module } from '../module/module.ts';
import type { ModuleParam } from '../module/params.ts';
import type { FileProvider } from '../fs/provider.ts';
import { TaskAborted } from './api.ts';
import type { GuestKernel } from './kernel.ts';

const KPARAM_OPS = { set: 4, get: 8 };
const PAGE_SIZE = 4096;
const EBUSY = 16, EWOULDBLOCK = 11, ENOENT = 2, EINVAL = 22, EFAULT = 14;

export class ModuleManager {
  constructor(private readonly k: GuestKernel) {}

  /** Loads and initialises a module: 0 or a negative errno (what insmod reports). */
  async insmod(name: string, object: Uint8Array, args: string): Promise<number> {
    const k = this.k;
    const res = loadModule({ name, object, args }, {
      memory: k.ram, heap: k.moduleHeap, kernel: k.window, modules: k.modules, kernelTaints: k.taints,
    });
    for (const line of res.log) k.log.write(res.ok ? 4 : 3, line);
    if (!res.ok) return res.errno;
    const mod = res.module;
    k.modules.push(mod);
    this.addSysfs(mod);
    for (const p of res.params) {
      const r = await this.setParam(p.param, p.value ?? '', 'insmod');
      if (r < 0) k.log.write(3, `${name}: '${p.param.name}' invalid for parameter '${p.param.name}'`);
    }
    let ret = 0;
    if (mod.initFn) {
      try {
        ret = await this.k.spawn('insmod', mod.initFn, []).done;
      } catch (e) {
        if (!(e instanceof TaskAborted)) throw e;
        // Linux leaves a module whose init oopsed stuck in "coming"; here it stays listed, unusable.
        return -EFAULT;
      }
    }
    const done = completeInit(mod, ret, { memory: k.ram, heap: k.moduleHeap, modules: k.modules });
    for (const line of done.log) k.log.write(4, line);
    if (done.errno) {
      this.forget(mod);
      return done.errno;
    }
    return 0;
  }

  /** Runs the module's exit and frees it: 0 or a negative errno. */
  async rmmod(name: string): Promise<number> {
    const k = this.k;
    const mod = k.modules.find((m) => m.name === name);
    if (!mod) return -ENOENT;
    if (mod.usedBy.length) return -EWOULDBLOCK;
    if (mod.refcount > 0) return -EBUSY;
    if (mod.initFn && !mod.exitFn) return -EBUSY;
    setModuleState(mod, 'GOING', k.ram);
    if (mod.exitFn) {
      try {
        await this.k.spawn('rmmod', mod.exitFn, []).done;
      } catch (e) {
        if (!(e instanceof TaskAborted)) throw e;
      }
    }
    freeModule(mod, { memory: k.ram, heap: k.moduleHeap, modules: k.modules });
    this.forget(mod);
    return 0;
  }

  private forget(mod: Module): void {
    const i = this.k.modules.indexOf(mod);
    if (i >= 0) this.k.modules.splice(i, 1);
    const dir = `/sys/module/${mod.name}`;
    if (this.k.vfs.exists(dir)) this.k.vfs.removeTree(dir);
  }

  private addSysfs(mod: Module): void {
    const vfs = this.k.vfs;
    const dir = `/sys/module/${mod.name}`;
    vfs.mkdirp(dir);
    vfs.writeFile(`${dir}/refcnt`, `${mod.refcount}\n`, 0o444);
    vfs.writeFile(`${dir}/initstate`, 'live\n', 0o444);
    if (mod.taints.length) vfs.writeFile(`${dir}/taint`, `${mod.taints.join('')}\n`, 0o444);
    for (const p of mod.params) {
      if (!p.perm) continue;
      vfs.addProviderFile(`${dir}/parameters/${p.name}`, this.paramFile(p), p.perm & 0o777);
    }
  }

  private paramFile(p: ModuleParam): FileProvider {
    let text = new Uint8Array(0);
    return {
      size: 4096,
      read: async (offset, count) => {
        if (offset === 0) {
          const r = await this.getParam(p);
          if (typeof r === 'number') return r;
          text = Uint8Array.from(r, (c) => c.charCodeAt(0) & 0xff);
        }
        return text.subarray(offset, offset + count);
      },
      write: async (data) => {
        const r = await this.setParam(p, String.fromCharCode(...data), 'sh');
        return r < 0 ? r : data.length;
      },
    };
  }

  /** ops->set(val, kp) on a task: 0 or -errno. */
  private async setParam(p: ModuleParam, value: string, comm: string): Promise<number> {
    const k = this.k;
    const set = k.ram.u32(p.ops + KPARAM_OPS.set);
    if (!set) return -EINVAL;
    const buf = k.heap.allocate(value.length + 1, 8)!;
    k.ram.setCString(buf, value);
    try {
      return await k.spawn(comm, set, [buf, p.addr]).done;
    } catch {
      return -EFAULT;
    } finally {
      k.heap.free(buf);
    }
  }

  /** ops->get(buffer, kp) on a task: the text, or -errno. */
  private async getParam(p: ModuleParam): Promise<string | number> {
    const k = this.k;
    const get = k.ram.u32(p.ops + KPARAM_OPS.get);
    if (!get) return -EINVAL;
    const buf = k.heap.allocate(PAGE_SIZE, 8)!;
    k.ram.fill(buf, 0, PAGE_SIZE);
    try {
      const r = await k.spawn('cat', get, [buf, p.addr]).done;
      return r < 0 ? r : k.ram.cString(buf, Math.min(r, PAGE_SIZE));
    } catch {
      return -EFAULT;
    } finally {
      k.heap.free(buf);
    }
  }
}
