// insmod, rmmod and lsmod on the kernel (Linux's load_module/do_init_module
// and delete_module): the loader in src/guest/module places the object,
// then the parameters given on the command line are set, init_module runs
// on a task of its own ("insmod"), and /sys/module/NAME/parameters/ gets a
// file per parameter whose reads and writes call the parameter's ops.

import { loadModule } from '../module/load.ts';
import { completeInit, freeModule } from '../module/init.ts';
import { setModuleState, type Module } from '../module/module.ts';
import { applyModuleParams, createParamFiles, removeParamFiles } from './services/moduleparam.ts';
import { TaskAborted } from './api.ts';
import type { GuestKernel } from './kernel.ts';

const EBUSY = 16, EWOULDBLOCK = 11, ENOENT = 2, EFAULT = 14;

export class ModuleManager {
  constructor(private readonly k: GuestKernel) {}

  /** Loads and initialises a module: 0 or a negative errno (what insmod reports). */
  async insmod(name: string, object: Uint8Array, args: string): Promise<number> {
    const k = this.k;
    const res = loadModule({ name, object, args }, {
      memory: k.ram, heap: k.moduleHeap, kernel: k.serviceWindow, modules: k.modules, kernelTaints: k.taints,
    });
    for (const line of res.log) k.log.write(res.ok ? 4 : 3, line);
    if (!res.ok) return res.errno;
    const mod = res.module;
    k.modules.push(mod);
    const ctx = k.contextOf(k.idle);
    const refused = await applyModuleParams(ctx, mod, res.params.map((p) => ({ name: p.param.name, value: p.value })));
    if (refused < 0) {
      // Linux's load_module stops at the first parameter ops->set refuses, before init runs.
      freeModule(mod, { memory: k.ram, heap: k.moduleHeap, modules: k.modules });
      this.forget(mod);
      return refused;
    }
    this.addSysfs(mod);
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
    if (mod.initFn && !mod.exitFn) return -EBUSY;
    // As delete_module's try_stop_module: a module still in use is -EWOULDBLOCK.
    if (mod.refcount > 0) return -EWOULDBLOCK;
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
    removeParamFiles(this.k.contextOf(this.k.idle), mod.name);
    if (this.k.vfs.exists(dir)) this.k.vfs.removeTree(dir);
  }

  private addSysfs(mod: Module): void {
    const vfs = this.k.vfs;
    const dir = `/sys/module/${mod.name}`;
    vfs.mkdirp(dir);
    vfs.writeFile(`${dir}/refcnt`, `${mod.refcount}\n`, 0o444);
    vfs.writeFile(`${dir}/initstate`, 'live\n', 0o444);
    if (mod.taints.length) vfs.writeFile(`${dir}/taint`, `${mod.taints.join('')}\n`, 0o444);
    createParamFiles(this.k.contextOf(this.k.idle), mod);
  }
}
