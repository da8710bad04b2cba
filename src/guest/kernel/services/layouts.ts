// Byte offsets of the Linux structures the text/memory/file services read
// and write in guest RAM, for ilp32 (RV32), exactly as the guest's headers in
// src/guest/include lay them out; layouts.gcc.test.ts checks every number
// against riscv64-unknown-elf-gcc's offsetof.

/** struct kobject (linux/kobject.h). */
export const KOBJECT = { size: 36, name: 0, parent: 12, kref: 28 } as const;

/** struct device (linux/device.h): its kobject comes first. */
export const DEVICE = { size: 136, kobj: 0, parent: 36, init_name: 44, bus: 52, driver: 56, devt: 104, class: 124 } as const;

/** struct device_driver (linux/device/driver.h); struct bus_type and struct
 * class start with their name too, as in Linux. */
export const DEVICE_DRIVER = { name: 0 } as const;

/** struct inode (linux/fs.h). */
export const INODE = { size: 48, i_mode: 0, i_ino: 24, i_rdev: 28, i_size: 32, i_fop: 40, i_private: 44 } as const;

/** struct file (linux/fs.h). */
export const FILE = { size: 72, f_path: 0, f_inode: 8, f_op: 12, f_count: 20, f_flags: 24, f_mode: 28, f_pos: 48, f_version: 56, private_data: 64 } as const;

/** struct file_operations (linux/fs.h): the members the VFS glue calls. */
export const FOPS = { size: 136, owner: 0, llseek: 4, read: 8, write: 12, unlocked_ioctl: 40, open: 56, release: 64 } as const;

/** struct seq_file (linux/seq_file.h). */
export const SEQ_FILE = { size: 72, buf: 0, size_: 4, from: 8, count: 12, pad_until: 16, index: 24, read_pos: 32, op: 56, poll_event: 60, file: 64, private: 68 } as const;

/** struct seq_operations (linux/seq_file.h). */
export const SEQ_OPS = { start: 0, stop: 4, next: 8, show: 12 } as const;

/** struct miscdevice (linux/miscdevice.h). */
export const MISCDEVICE = { size: 40, minor: 0, name: 4, fops: 8, list: 12, parent: 20, this_device: 24, groups: 28, nodename: 32, mode: 36 } as const;

/** struct kernel_param_ops (linux/moduleparam.h). */
export const KPARAM_OPS = { size: 16, flags: 0, set: 4, get: 8, free: 12 } as const;

/** struct kernel_param (linux/moduleparam.h). */
export const KPARAM = { size: 20, name: 0, mod: 4, ops: 8, perm: 12, arg: 16 } as const;

/** struct kparam_string (linux/moduleparam.h). */
export const KPARAM_STRING = { maxlen: 0, string: 4 } as const;

/** struct resource (linux/ioport.h): resource_size_t is 32 bits here. */
export const RESOURCE = { size: 32, start: 0, end: 4, name: 8, flags: 12 } as const;

/** struct module (linux/module.h): name[] is an array inside it. */
export const MODULE = { size: 192, state: 0, name: 12 } as const;

/** struct attribute (linux/sysfs.h). */
export const ATTRIBUTE = { size: 8, name: 0, mode: 4 } as const;

/** struct device_attribute (linux/device.h). */
export const DEVICE_ATTRIBUTE = { attr: 0, show: 8, store: 12 } as const;

/** struct attribute_group (linux/sysfs.h). */
export const ATTRIBUTE_GROUP = { name: 0, is_visible: 4, attrs: 12 } as const;

/** struct path (linux/fs.h), the first member of struct file. */
export const PATH = { dentry: 4 } as const;
